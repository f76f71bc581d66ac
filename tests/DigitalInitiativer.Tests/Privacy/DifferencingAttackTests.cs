using System.Text.Json.Nodes;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Analytics;
using DigitalInitiativer.Tests.Competitions;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DigitalInitiativer.Tests.Privacy;

/// <summary>The demo app as it runs (perturbation on). The mutation limit is raised only so the attacks run quickly; a patient attacker waits.</summary>
public class AttackableApiFactory : ApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("GraphQL:MutationsPerMinute", "100000")];
}

/// <summary>The same app with perturbation off, to show that each attack works where only suppression protects.</summary>
public sealed class ExactFiguresApiFactory : AttackableApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Analytics:MaximumPerturbation", "0")];
}

/// <summary>
/// Differencing: the attacker compares answers around a write they make, or lays two published tables side by side.
/// Each attack runs against the protected app, where it must do no better than the rate documented in
/// docs/analytics.md, and against the same app without perturbation, where it must succeed, so the test can fail.
/// </summary>
public sealed class DifferencingAttackTests(AttackableApiFactory protectedApi, ExactFiguresApiFactory exactApi, ITestOutputHelper output)
    : IClassFixture<AttackableApiFactory>, IClassFixture<ExactFiguresApiFactory>
{
    /// <summary>The documented bounds (docs/analytics.md, "What the tests attack").</summary>
    public const double ManagerAttackBound = 0.55, TablePairingBound = 0.30;

    private static readonly string[] Groups = ["AWAITING", "HESITANT", "WILLING", "SELF_DRIVEN", "UNASSESSED"];

    private sealed record Target(int PersonId, string Profile);

    [Fact]
    public async Task A_manager_who_records_a_colleague_and_reads_reach_before_and_after_names_their_profile_no_more_often_than_documented()
    {
        var hit = await ManagerAttackAsync(protectedApi, targetsPerProfile: 15);
        var exact = await ManagerAttackAsync(exactApi, targetsPerProfile: 4);
        output.WriteLine($"Manager differencing: {hit:P0} right with perturbation, {exact:P0} without; guessing gives 25 %.");

        Assert.True(exact >= 0.9, $"without perturbation the attack should work ({exact:P0}); otherwise this test proves nothing");
        Assert.True(hit <= ManagerAttackBound, $"the attacker named {hit:P0} of the profiles; the documented bound is {ManagerAttackBound:P0}");
    }

    /// <summary>
    /// The attack as a manager can run it: a fresh initiative with a base of colleagues (so reach shows figures), then for
    /// each target: record them, read reach in every grouping that places them by their latest profile, guess the group
    /// that most likely gained one person, and withdraw them again. Returns the share of targets named right.
    /// </summary>
    private static async Task<double> ManagerAttackAsync(ApiFactory api, int targetsPerProfile)
    {
        var manager = api.CreateGraphQLClient(Roles.InitiativeManager);
        await using var db = api.OpenDb();
        var wave = await db.SurveyWaves().OrderByDescending(w => w.HeldOn).FirstAsync();
        var profiles = (await db.Assessments().Where(a => a.WaveId == wave.Id).Select(a => new { a.PersonId, a.Profile }).ToListAsync())
            .OrderBy(a => a.PersonId).GroupBy(a => a.Profile).ToDictionary(g => g.Key, g => g.Select(a => a.PersonId).ToList());
        var unassessed = await db.Persons().Where(p => !db.Assessments().Any(a => a.PersonId == p.Id && a.WaveId == wave.Id)).Select(p => p.Id).Take(6).ToListAsync();
        var basePeople = profiles.Values.SelectMany(ids => ids.Take(8)).Concat(unassessed).ToList();
        var targets = profiles.SelectMany(p => p.Value.Skip(8).Take(targetsPerProfile).Select(id => new Target(id, Name(p.Key)))).ToList();

        var unit = (string)(await manager.QueryAsync("""{ organisationUnit(code: "ESB") { id } }"""))["organisationUnit"]!["id"]!;
        var initiative = (string)(await manager.QueryAsync("""
            mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } } }
            """, new { input = new { code = "ATTACK-1", kind = "DROP_IN_CAFE", title = "Forsøgscafé", unitId = unit, startsOn = "2026-11-01" } }))["createInitiative"]!["initiative"]!["id"]!;
        var recorded = await manager.QueryAsync("mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { errors { __typename } } }",
            new { input = new { items = basePeople.Select(id => Participation(id, initiative, "COMPLETED")).ToArray() } });
        Assert.Empty(recorded["recordParticipations"]!["errors"]!.AsArray());

        var before = await ReachAsync(manager, initiative, wave.Id);
        var right = 0;
        foreach (var target in targets)
        {
            await RecordAsync(manager, Participation(target.PersonId, initiative, "COMPLETED"));
            var after = await ReachAsync(manager, initiative, wave.Id);
            if (MostLikelyGroup(before, after, api is ExactFiguresApiFactory ? 0 : ProtectedFigures.DefaultMaximumPerturbation) == target.Profile) right++;

            // Withdrawn, the row holds the same people as before, and gives exactly the same answer as before.
            await RecordAsync(manager, Participation(target.PersonId, initiative, "WITHDRAWN"));
            Assert.Equal(before, await ReachAsync(manager, initiative, wave.Id));
        }
        return (double)right / targets.Count;
    }

    private static object Participation(int personId, string initiativeId, string status) =>
        new { personId = GlobalIds.Of("Person", personId), initiativeId, status, enrolledOn = "2026-11-02", startedOn = "2026-11-02" };

    private static async Task RecordAsync(GraphQLClient manager, object input)
    {
        var payload = await manager.QueryAsync("mutation($input: RecordParticipationInput!) { recordParticipation(input: $input) { errors { __typename } } }", new { input });
        Assert.Empty(payload["recordParticipation"]!["errors"]!.AsArray());
    }

    /// <summary>Every reading of the row that places a new participant by their latest profile: grouped at their start, and in the latest wave.</summary>
    private static async Task<long?[][]> ReachAsync(GraphQLClient manager, string initiative, int latestWave)
    {
        var node = (await manager.QueryAsync("""
            query($id: ID!, $wave: ID!) { node(id: $id) { ... on Initiative { atStart: reach { participants } inWave: reach(waveId: $wave) { participants } } } }
            """, new { id = initiative, wave = GlobalIds.Of("SurveyWave", latestWave) }))["node"]!;
        return [Cells(node["atStart"]!), Cells(node["inWave"]!)];

        static long?[] Cells(JsonNode reach) => reach.AsArray().Select(c => (long?)c!["participants"]).ToArray();
    }

    /// <summary>
    /// The attacker who knows the method: each reading moved by the new person (+1 in their group) plus the difference of
    /// two independent uniform draws from −D to D. Picks the group that makes the observed changes most likely.
    /// </summary>
    private static string MostLikelyGroup(long?[][] before, long?[][] after, int d)
    {
        double Noise(long difference) => d == 0 ? (difference == 0 ? 1 : 0) : Math.Max(0, 2 * d + 1 - Math.Abs(difference));
        var best = (Group: Groups[0], Likelihood: double.NegativeInfinity);
        for (var group = 0; group < Groups.Length; group++)
        {
            var likelihood = 0.0;
            for (var reading = 0; reading < before.Length; reading++)
                for (var cell = 0; cell < Groups.Length; cell++)
                    if (before[reading][cell] is { } was && after[reading][cell] is { } now)
                        likelihood += Math.Log(Noise(now - was - (cell == group ? 1 : 0)) + 1e-12);
            if (likelihood > best.Likelihood) best = (Groups[group], likelihood);
        }
        return best.Group;
    }

    [Fact]
    public async Task Laying_a_reach_matrix_beside_the_participants_transition_table_recovers_small_counts_no_more_often_than_documented()
    {
        var (hits, cases) = await PairTablesAsync(protectedApi);
        var (exactHits, exactCases) = await PairTablesAsync(exactApi);
        output.WriteLine($"Table pairing: {hits} of {cases} small counts recovered exactly with perturbation, {exactHits} of {exactCases} without.");

        Assert.True(exactHits >= 3, $"without perturbation the attack should recover small counts ({exactHits} of {exactCases})");
        Assert.True(cases >= 10, $"too few small counts to judge ({cases})");
        Assert.True((double)hits / cases <= TablePairingBound, $"{hits} of {cases} small counts recovered; the documented bound is {TablePairingBound:P0}");
    }

    /// <summary>
    /// For every initiative, unit and first-wave profile: participants in the first wave's reach matrix, less the
    /// participants' transition row (assessed in both waves), is the participants not assessed in the second wave.
    /// Counts how often that estimate is exactly right where the true figure is 1 to k−1.
    /// </summary>
    private static async Task<(int Hits, int Cases)> PairTablesAsync(ApiFactory api)
    {
        var evaluator = api.CreateGraphQLClient(Roles.Evaluator);
        await using var db = api.OpenDb();
        var waves = await db.SurveyWaves().OrderBy(w => w.HeldOn).ToListAsync();
        var (first, second) = (waves[0], waves[1]);
        var units = await db.Units().Where(u => u.ParentId == null || db.Units().Any(p => p.Id == u.ParentId && p.ParentId == null)).ToListAsync();
        var initiatives = await db.Initiatives().ToListAsync();
        var firstProfile = await db.Assessments().Where(a => a.WaveId == first.Id).ToDictionaryAsync(a => a.PersonId);
        var inSecond = (await db.Assessments().Where(a => a.WaveId == second.Id).Select(a => a.PersonId).ToListAsync()).ToHashSet();
        var participations = await db.Participations().Where(p => p.Status != ParticipationStatus.Withdrawn).ToListAsync();
        var paths = await db.Units().ToDictionaryAsync(u => u.Id, u => u.Path);
        bool BetweenWaves(Participation p) => (p.StartedOn ?? p.EnrolledOn) > first.HeldOn && (p.StartedOn ?? p.EnrolledOn) <= second.HeldOn;

        var (hits, cases) = (0, 0);
        foreach (var unit in units)
        {
            var matrix = (await evaluator.QueryAsync("""
                query($wave: ID!, $unit: ID!) { reachMatrix(filter: { waveId: $wave, unitId: $unit }) { rows { initiative { code } cells { participants } } } }
                """, new { wave = GlobalIds.Of("SurveyWave", first.Id), unit = GlobalIds.Of("OrganisationUnit", unit.Id) }))["reachMatrix"]!["rows"]!.AsArray();
            foreach (var initiative in initiatives)
            {
                var transitions = (await evaluator.QueryAsync("""
                    query($from: ID!, $to: ID!, $filter: TransitionFilter) { profileTransitions(fromWaveId: $from, toWaveId: $to, filter: $filter) { participants { cells { count } } } }
                    """, new
                {
                    from = GlobalIds.Of("SurveyWave", first.Id), to = GlobalIds.Of("SurveyWave", second.Id),
                    filter = new { unitId = GlobalIds.Of("OrganisationUnit", unit.Id), initiativeId = GlobalIds.Of("Initiative", initiative.Id) },
                }))["profileTransitions"]!["participants"]!["cells"]!.AsArray().Select(c => (long?)c!["count"]).ToList();
                var row = matrix.Single(r => (string)r!["initiative"]!["code"]! == initiative.Code)!["cells"]!.AsArray();
                var mine = participations.Where(p => p.InitiativeId == initiative.Id && firstProfile.TryGetValue(p.PersonId, out var a)
                    && paths[a.UnitId].StartsWith(unit.Path, StringComparison.Ordinal)).ToList();
                for (var level = 1; level <= 4; level++)
                {
                    // The truth behind the subtraction: reached in the first wave, less those in the transition row.
                    var reachedPeople = mine.Where(p => (int)firstProfile[p.PersonId].Profile == level).Select(p => p.PersonId).ToHashSet();
                    var inRow = mine.Where(p => (int)firstProfile[p.PersonId].Profile == level && inSecond.Contains(p.PersonId) && BetweenWaves(p)).Select(p => p.PersonId).ToHashSet();
                    var truth = reachedPeople.Count - inRow.Count;
                    var reached = (long?)row[level - 1]!["participants"];
                    var moved = transitions.Skip((level - 1) * 4).Take(4).ToList();
                    if (truth is < 1 or >= ProtectedFigures.DefaultMinimumGroupSize || reached is null || moved.Any(c => c is null)) continue;
                    cases++;
                    if (reached - moved.Sum() == truth) hits++;
                }
            }
        }
        return (hits, cases);
    }

    [Fact]
    public async Task Naming_a_co_author_their_acceptance_and_a_first_comment_change_no_figure_an_evaluator_or_manager_can_read()
    {
        var competition = await new CompetitionDriver(protectedApi, "ATTACK-2").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var evaluator = protectedApi.CreateGraphQLClient(Roles.Evaluator);
        async Task<string> FiguresAsync() =>
            (await evaluator.QueryAsync("""
                { latest: reachMatrix { rows { initiative { code } totalParticipants cells { participants } } }
                  first: reachMatrix(filter: { waveId: "U3VydmV5V2F2ZTox" }) { rows { initiative { code } totalParticipants cells { participants } } }
                  byKind: reachMatrix(filter: { groupByKind: true }) { rows { kind totalParticipants cells { participants } } } }
                """)).ToJsonString()
            + (await competition.Manager.QueryAsync("query($id: ID!) { node(id: $id) { ... on Initiative { reach { participants } participations { totalCount } } } }",
                new { id = competition.InitiativeId })).ToJsonString();

        await using var db = protectedApi.OpenDb();
        var coAuthor = await db.Persons().Where(p => p.Key == "demo-0702").Select(p => p.Id).SingleAsync();
        var proposal = (string)(await competition.SubmitAsync(competition.Employee("demo-0701")))["proposal"]!["id"]!;
        var before = await FiguresAsync();

        await competition.SubmitAsync(competition.Employee("demo-0703"), coAuthorIds: [GlobalIds.Of("Person", coAuthor)]);
        Assert.Equal(before, await FiguresAsync());
        await competition.Employee("demo-0702").QueryAsync("mutation($input: CoAuthorshipInput!) { acceptCoAuthorship(input: $input) { errors { __typename } } }",
            new { input = new { proposalId = (string)(await competition.Employee("demo-0702").QueryAsync("{ me { coAuthorInvitations { proposal { id } } } }"))["me"]!["coAuthorInvitations"]![0]!["proposal"]!["id"]! } });
        Assert.Equal(before, await FiguresAsync());
        await competition.Employee("demo-0704").QueryAsync("mutation($input: AddCommentInput!) { addComment(input: $input) { errors { __typename } } }",
            new { input = new { proposalId = proposal, text = "Første kommentar" } });
        Assert.Equal(before, await FiguresAsync());
    }

    private static string Name(CompetenceProfileKind kind) => kind switch
    {
        CompetenceProfileKind.Awaiting => "AWAITING",
        CompetenceProfileKind.Hesitant => "HESITANT",
        CompetenceProfileKind.Willing => "WILLING",
        _ => "SELF_DRIVEN",
    };
}
