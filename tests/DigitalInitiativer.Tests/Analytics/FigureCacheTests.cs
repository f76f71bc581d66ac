using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using System.Data.Common;
using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DigitalInitiativer.Tests.Analytics;

/// <summary>The demo organisation, keeping figures between requests, with placement imports allowed as often as the test needs.</summary>
public sealed class CachingApiFactory : ApiFactory
{
    public static readonly KeyValuePair<string, string?>[] Writable = [new("GraphQL:MutationsPerMinute", "100000"), new("Imports:PlacementImportHours", "0")];

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => Writable;
}

/// <summary>Counting participations can be made slow on demand, as at national scale, where the first computation after a change takes a minute.</summary>
public sealed class SlowFiguresApiFactory : ApiFactory
{
    public SlowCounting Counting { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. CachingApiFactory.Writable, new("Analytics:WaitForFreshSeconds", "0.2")];

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Counting));

    public sealed class SlowCounting : DbCommandInterceptor
    {
        public volatile bool Slow;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Slow && command.CommandText.Contains("analytics_participations", StringComparison.Ordinal)) await Task.Delay(3000, cancellationToken);
            return result;
        }
    }
}

/// <summary>While new figures are computed, readers get the last ones after a short wait, not a timeout; then the new ones.</summary>
public sealed class FiguresWhileComputingTests(SlowFiguresApiFactory api) : IClassFixture<SlowFiguresApiFactory>
{
    [Fact]
    public async Task While_new_figures_are_computed_readers_get_the_last_ones_then_the_new()
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        const string Query = "{ reachMatrix { rows { initiative { code } totalParticipants cells { participants } } } }";
        var before = (await administrator.QueryAsync(Query)).ToJsonString();
        var writes = new Privacy.AttackWrites(administrator);
        var course = await writes.CreateInitiativeAsync("WHILE-COMPUTING", "COURSE", "2020-01-01");
        await using (var db = api.OpenDb())
            await writes.RecordAsync(course, await db.Persons().OrderBy(p => p.Id).Take(40).Select(p => p.Id).ToListAsync(), "2020-02-01");
        await api.RefreshAnalyticsAsync();

        api.Counting.Slow = true;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var during = await administrator.QueryAsync(Query);
        var waited = clock.Elapsed;
        api.Counting.Slow = false;
        Assert.Equal(before, during.ToJsonString());
        Assert.True(waited < TimeSpan.FromSeconds(2.5), $"the reader waited {waited.TotalSeconds:0.0} s for the new figures");

        string after;
        do
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the new figures never arrived");
            await Task.Delay(200);
            after = (await administrator.QueryAsync(Query)).ToJsonString();
        }
        while (after == before);
        Assert.Contains("WHILE-COMPUTING", after);
    }
}

/// <summary>
/// The kept figures against a recomputation from the rows. One instance keeps every protected table until its inputs
/// change; a second instance on the same database computes every answer afresh. After each random sequence of writes
/// through the API (participations recorded and withdrawn, refreshes, erasure, survey waves and unit trees imported,
/// initiatives created and moved), and after each write in it, every answer of the first must equal the second's, to the figure.
/// </summary>
public sealed class FigureCacheTests(CachingApiFactory api, ITestOutputHelper output) : IClassFixture<CachingApiFactory>
{
    private const string Answers = """
        query($latest: ID!, $first: ID!, $unit: ID!) {
          byDefault: reachMatrix { rows { initiative { code } totalParticipants cells { participants } } }
          byKind: reachMatrix(filter: { groupByKind: true }) { rows { kind totalParticipants cells { participants } } }
          inLatest: reachMatrix(filter: { waveId: $latest, unitId: $unit }) { rows { initiative { code } cells { participants coverage } } }
          transitions: profileTransitions(fromWaveId: $first, toWaveId: $latest) { all { n cells { count } } participants { n movedUpShare } nonParticipants { n } }
          cafes: profileTransitions(fromWaveId: $first, toWaveId: $latest, filter: { initiativeKind: DROP_IN_CAFE, unitId: $unit }) { participants { n cells { count } } }
          surveyWaves { year profileDistribution { total groups { count } } unit: profileDistribution(unitId: $unit) { total groups { count } } }
          initiatives(first: 100) { nodes { code reach { participants } } }
        }
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Kept_figures_equal_a_recomputation_from_the_rows_after_every_sequence_of_writes(int seed)
    {
        await using var fresh = new SharedDatabaseApiFactory(api.ConnectionString, [.. CachingApiFactory.Writable, new("Analytics:CacheFigures", "false")]);
        var (kept, recomputed) = (api.CreateGraphQLClient(Roles.Administrator), fresh.CreateGraphQLClient(Roles.Administrator));
        var writes = new Writes(api, kept, new Random(seed), seed);
        var changed = 0;
        for (var sequence = 0; sequence < 4; sequence++)
        {
            var before = await AskAsync(kept);
            var applied = new List<string>();
            var after = before;
            for (var step = 0; step < 3; step++)
            {
                applied.Add(await writes.AnyAsync());
                output.WriteLine($"seed {seed}, sequence {sequence}: {string.Join(", ", applied)}");
                after = await AskAsync(kept);
                Assert.Equal(await AskAsync(recomputed), after);
            }
            if (after != before) changed++;
        }
        // The writes moved figures (so stale kept figures would have shown above).
        Assert.True(changed >= 2, $"only {changed} of 4 sequences changed any figure");
    }

    /// <summary>The triggers are what keeps kept figures right; a migration that rebuilds a table (EF Core on SQLite) would drop them unseen.</summary>
    [Fact]
    public async Task Every_table_the_figures_count_has_its_triggers_after_every_migration()
    {
        await using var db = api.OpenDb();
        var present = await db.Database.SqlQueryRaw<string>(TestDatabase.IsPostgres
            ? "SELECT tgname AS \"Value\" FROM pg_trigger WHERE NOT tgisinternal"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger'").ToListAsync();
        var expected = FigureInputs.TriggerNames(TestDatabase.IsPostgres).ToList();
        Assert.Equal(FigureInputs.Tables.Count * (TestDatabase.IsPostgres ? 1 : 3), expected.Count);
        Assert.All(expected, name => Assert.Contains(name, present));
    }

    /// <summary>After a change, the figures most asked for are computed in the background, so the first reader reads them without counting anything.</summary>
    [Fact]
    public async Task After_a_change_the_default_figures_are_computed_before_anyone_asks()
    {
        await api.RefreshAnalyticsAsync();
        await using var warming = new SharedDatabaseApiFactory(api.ConnectionString, [.. CachingApiFactory.Writable, new("Analytics:WarmFigures", "true")]);
        var cache = warming.Services.GetRequiredService<FigureCache>();
        await using var db = api.OpenDb();
        var version = await db.VersionAsync(CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(cache.Holds(version, AnalyticsReads.ReachShape(new ReachGrouping.BeforeStart(), false)) && cache.Holds(version, AnalyticsReads.ReachShape(new ReachGrouping.BeforeStart(), true))))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the default figures were not computed within a minute of start-up");
            await Task.Delay(100);
        }

        warming.SqlCommands.Reset();
        var data = await warming.CreateGraphQLClient(Roles.Evaluator).QueryAsync("{ reachMatrix { rows { totalParticipants } } byKind: reachMatrix(filter: { groupByKind: true }) { rows { totalParticipants } } }");
        Assert.NotEmpty(data["reachMatrix"]!["rows"]!.AsArray());
        Assert.DoesNotContain(warming.SqlCommands.Texts, sql => sql.Contains("analytics_participations") || sql.Contains("assessments"));
    }

    private async Task<string> AskAsync(GraphQLClient client)
    {
        await using var db = api.OpenDb();
        var waves = await db.SurveyWaves().OrderBy(w => w.HeldOn).Select(w => w.Id).ToListAsync();
        var unit = await db.Units().Where(u => u.Code == "ARB").Select(u => u.Id).SingleAsync();
        var data = await client.QueryAsync(Answers, new { latest = GlobalIds.Of("SurveyWave", waves[^1]), first = GlobalIds.Of("SurveyWave", waves[0]), unit = GlobalIds.Of("OrganisationUnit", unit) });
        return data.ToJsonString();
    }

    /// <summary>Random writes of every kind that changes what the figures count, made as an administrator through the API.</summary>
    private sealed class Writes(ApiFactory api, GraphQLClient administrator, Random random, int seed)
    {
        private int _made;

        public async Task<string> AnyAsync()
        {
            _made++;
            switch (random.Next(7))
            {
                case 0: await RecordAsync("COMPLETED"); return "recorded and refreshed";
                case 1: await RecordAsync("WITHDRAWN"); return "withdrew and refreshed";
                case 2: await EraseAsync(); return "erased a person";
                case 3: await ImportWaveAsync(); return "imported a survey wave";
                case 4: await MoveUnitAsync(); return "moved a unit";
                case 5: await MoveInitiativeAsync(); return "moved an initiative to another unit";
                default: await NewInitiativeAsync(); return "created an initiative and recorded people";
            }
        }

        private async Task<List<int>> PeopleAsync(int count)
        {
            await using var db = api.OpenDb();
            var ids = await db.Persons().Where(p => p.ErasedAtUtc == null).Select(p => p.Id).ToListAsync();
            return [.. ids.OrderBy(_ => random.Next()).Take(count)];
        }

        private async Task<string> InitiativeAsync()
        {
            await using var db = api.OpenDb();
            var ids = await db.Initiatives().OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
            return GlobalIds.Of("Initiative", ids[random.Next(ids.Count)]);
        }

        private async Task RecordAsync(string status, string? initiative = null)
        {
            initiative ??= await InitiativeAsync();
            var items = (await PeopleAsync(5 + random.Next(20))).Select(id => new
            {
                personId = GlobalIds.Of("Person", id), initiativeId = initiative, status, enrolledOn = new DateOnly(2014 + random.Next(12), 1 + random.Next(12), 1).ToString("yyyy-MM-dd"),
            }).ToArray();
            var payload = await administrator.QueryAsync("mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { errors { __typename } } }", new { input = new { items } });
            Assert.Empty(payload["recordParticipations"]!["errors"]!.AsArray());
            await api.RefreshAnalyticsAsync();
        }

        private async Task EraseAsync()
        {
            var person = (await PeopleAsync(1))[0];
            var payload = await administrator.QueryAsync("mutation($input: ErasePersonInput!) { erasePerson(input: $input) { errors { __typename } } }",
                new { input = new { personId = GlobalIds.Of("Person", person) } });
            Assert.Empty(payload["erasePerson"]!["errors"]!.AsArray());
        }

        /// <summary>A wave of new staff (employee numbers the organisation has not seen), in units of the demo.</summary>
        private async Task ImportWaveAsync()
        {
            await using var db = api.OpenDb();
            var units = await db.Units().Select(u => u.Code).ToListAsync();
            string[] profiles = ["AWAITING", "HESITANT", "WILLING", "SELF_DRIVEN"];
            var lines = Enumerable.Range(0, 20 + random.Next(40)).Select(n =>
                $"{7_000_000 + seed * 100_000 + _made * 1000 + n};{units[random.Next(units.Count)]};{(random.Next(10) == 0 ? "LEADER" : "EMPLOYEE")};{profiles[random.Next(4)]}");
            var year = 2030 + _made + seed * 20;
            var payload = await administrator.QueryAsync("mutation($input: ImportSurveyWaveInput!) { importSurveyWave(input: $input) { errors { __typename ... on ImportRejectedError { problems { message } } } } }",
                new { input = new { year, content = string.Join('\n', lines.Prepend("employee_number;unit_code;role;profile")) } });
            Assert.Equal("[]", payload["importSurveyWave"]!["errors"]!.ToJsonString());
        }

        /// <summary>A unit without sub-units moves under another top unit, with its staff.</summary>
        private async Task MoveUnitAsync()
        {
            await using var db = api.OpenDb();
            var units = await db.Units().ToListAsync();
            var leaves = units.Where(u => u.ParentId is not null && !units.Any(c => c.ParentId == u.Id)).OrderBy(u => u.Id).ToList();
            var unit = leaves[random.Next(leaves.Count)];
            var parents = units.Where(u => u.Id != unit.Id && u.Id != unit.ParentId && !units.Any(c => c.ParentId == unit.Id && c.Id == u.Id)).OrderBy(u => u.Id).ToList();
            var parent = parents[random.Next(parents.Count)];
            var payload = await administrator.QueryAsync("mutation($input: ImportUnitsInput!) { importUnits(input: $input) { errors { __typename } } }",
                new { input = new { content = $"code;name;parent_code\n{unit.Code};{unit.Name};{parent.Code}" } });
            Assert.Equal("[]", payload["importUnits"]!["errors"]!.ToJsonString());
        }

        private async Task MoveInitiativeAsync()
        {
            await using var db = api.OpenDb();
            var units = await db.Units().OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
            var payload = await administrator.QueryAsync("mutation($input: UpdateInitiativeInput!) { updateInitiative(input: $input) { errors { __typename } } }",
                new { input = new { id = await InitiativeAsync(), unitId = GlobalIds.Of("OrganisationUnit", units[random.Next(units.Count)]) } });
            Assert.Empty(payload["updateInitiative"]!["errors"]!.AsArray());
        }

        private async Task NewInitiativeAsync()
        {
            var code = $"CACHE-{seed}-{_made}";
            string[] kinds = ["COURSE", "DROP_IN_CAFE", "E_LEARNING", "PEER_TRAINING"];
            var organisation = (string)(await administrator.QueryAsync("""{ organisationUnit(code: "ESB") { id } }"""))["organisationUnit"]!["id"]!;
            var initiative = (string)(await administrator.QueryAsync("mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } } }",
                new { input = new { code, kind = kinds[random.Next(kinds.Length)], title = code, unitId = organisation, startsOn = "2014-01-01" } }))["createInitiative"]!["initiative"]!["id"]!;
            await RecordAsync("COMPLETED", initiative);
        }
    }
}
