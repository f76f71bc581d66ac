using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Tests.Analytics;

/// <summary>The API's analytics against the same figures computed independently with LINQ over the generated rows.</summary>
public sealed class AnalyticsCorrectnessTests(SyntheticApiFactory api) : IClassFixture<SyntheticApiFactory>
{
    private readonly GraphQLClient _evaluator = api.CreateGraphQLClient("Evaluator");
    private readonly Expected _expected = new(api.Data);

    private static string Id(string type, int key) => GlobalIds.Of(type, key);
    private static string? RoleName(PersonRole? role) => role?.ToString().ToUpperInvariant();
    private string Code(int initiativeId) => api.Data.Initiatives.Single(i => i.Id == initiativeId).Code;

    /// <summary>Units to filter by: everyone, a division without staff of its own, a division, and a unit deeper down.</summary>
    public static TheoryData<int?, PersonRole?, int> Filters() => new()
    {
        { null, null, 2 }, { null, PersonRole.Leader, 1 }, { 8, null, 2 }, { 2, PersonRole.Employee, 2 }, { 11, null, 1 },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Reach_matrix_counts_and_coverage_match_an_independent_count(int? unitId, PersonRole? role, int waveId)
    {
        var data = await _evaluator.QueryAsync("""
            query($filter: ReachFilter) { reachMatrix(filter: $filter) { wave { year } minimumGroupSize
              rows { initiative { code } kind totalParticipants cells { profile { kind } participants coverage suppressed } } } }
            """, new { filter = new { waveId = Id("SurveyWave", waveId), unitId = unitId is null ? null : Id("OrganisationUnit", unitId.Value), role = RoleName(role) } });

        var rows = data["reachMatrix"]!["rows"]!.AsArray();
        Assert.Equal(api.Data.Initiatives.Count, rows.Count);
        var expected = new Dictionary<(string, string), long>();
        var actual = new Dictionary<(string, string), long?>();
        foreach (var initiative in api.Data.Initiatives)
        {
            var row = rows.Single(r => (string)r!["initiative"]!["code"]! == initiative.Code)!;
            foreach (var (group, cell) in Expected.Groups.Zip(row["cells"]!.AsArray()))
            {
                Assert.Equal(group, (string?)cell!["profile"]?["kind"] ?? Expected.Unassessed);
                expected[(initiative.Code, group)] = _expected.Reached([initiative.Id], group, waveId, unitId, role);
                actual[(initiative.Code, group)] = (long?)cell["participants"];
                Assert.Equal(cell["participants"] is null, (bool)cell["suppressed"]!);
                if ((double?)cell["coverage"] is { } coverage)
                    Assert.Equal(Share.Rounded(ExpectedCoverage(initiative, group, waveId, unitId, role)), coverage);
            }
            expected[(initiative.Code, "TOTAL")] = _expected.ParticipantsOf([initiative.Id]).Select(p => _expected.Placement(p, waveId))
                .Count(x => _expected.Within(x.UnitId, unitId) && (role is null || x.Role == role));
            actual[(initiative.Code, "TOTAL")] = (long?)row["totalParticipants"];
        }
        Assert.True(ProtectedFigures.AssertMatch(expected, actual) >= 10, "too few figures published to compare");
    }

    private double ExpectedCoverage(Initiative initiative, string group, int waveId, int? unitId, PersonRole? role)
    {
        var within = unitId is null || _expected.Within(initiative.UnitId, unitId) ? initiative.UnitId : unitId.Value;
        return (double)_expected.Reached([initiative.Id], group, waveId, within, role) / _expected.Population(group, waveId, within, role);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reach_by_kind_counts_each_person_once_per_kind(bool inLatestWave)
    {
        var wave = api.Data.Waves.MaxBy(w => w.HeldOn)!;
        var data = await _evaluator.QueryAsync("""
            query($wave: ID) { reachMatrix(filter: { groupByKind: true, waveId: $wave }) { wave { year } rows { initiative { code } kind totalParticipants cells { profile { kind } participants } } } }
            """, new { wave = inLatestWave ? Id("SurveyWave", wave.Id) : null });

        var expected = new Dictionary<(string, string), long>();
        var actual = new Dictionary<(string, string), long?>();
        foreach (var row in data["reachMatrix"]!["rows"]!.AsArray())
        {
            Assert.Null(row!["initiative"]);
            var kind = Enum.Parse<InitiativeKind>(((string)row["kind"]!).Replace("_", ""), ignoreCase: true);
            var ids = api.Data.Initiatives.Where(i => i.Kind == kind).Select(i => i.Id).ToList();
            foreach (var (group, cell) in Expected.Groups.Zip(row["cells"]!.AsArray()))
            {
                expected[(kind.ToString(), group)] = inLatestWave ? _expected.Reached(ids, group, wave.Id, null, null) : _expected.ReachedAtStart(ids, group, null, null);
                actual[(kind.ToString(), group)] = (long?)cell!["participants"];
            }
            // Each person once, also when their initiatives of the kind began in different waves.
            expected[(kind.ToString(), "TOTAL")] = _expected.ParticipantsOf(ids).Count();
            actual[(kind.ToString(), "TOTAL")] = (long?)row["totalParticipants"];
        }
        Assert.Equal(api.Data.Initiatives.Select(i => i.Kind).Distinct().Count(), expected.Count / (Expected.Groups.Length + 1));
        Assert.True(ProtectedFigures.AssertMatch(expected, actual) >= 10);
        // Someone in two courses is one person reached by courses, so a kind's figure is below the sum of its initiatives'.
        var courses = api.Data.Initiatives.Where(i => i.Kind == InitiativeKind.Course).Select(i => i.Id).ToList();
        Assert.True(_expected.ParticipantsOf(courses).Count() < courses.Sum(c => _expected.ParticipantsOf([c]).Count()));
    }

    /// <summary>
    /// Without a wave, the matrix places every participant by their profile when they began, as Initiative.reach does:
    /// the two agree cell for cell, and both match an independent count (an evaluator who took the latest wave instead
    /// would report the profile people reached after the initiative).
    /// </summary>
    [Theory]
    [InlineData(null, null)]
    [InlineData(8, null)]
    [InlineData(2, PersonRole.Employee)]
    public async Task Reach_matrix_by_default_groups_by_the_profile_at_the_start_and_agrees_with_initiative_reach(int? unitId, PersonRole? role)
    {
        var data = await _evaluator.QueryAsync("""
            query($filter: ReachFilter) {
              reachMatrix(filter: $filter) { wave { year } rows { initiative { code } totalParticipants cells { profile { kind } participants coverage } } }
              initiatives(first: 50) { nodes { code reach { profile { kind } participants } } } }
            """, new { filter = new { unitId = unitId is null ? null : Id("OrganisationUnit", unitId.Value), role = RoleName(role) } });

        Assert.Null(data["reachMatrix"]!["wave"]);
        var rows = data["reachMatrix"]!["rows"]!.AsArray();
        var reach = data["initiatives"]!["nodes"]!.AsArray().ToDictionary(n => (string)n!["code"]!, n => n!["reach"]!.AsArray());
        var expected = new Dictionary<(string, string), long>();
        var actual = new Dictionary<(string, string), long?>();
        foreach (var initiative in api.Data.Initiatives)
        {
            var row = rows.Single(r => (string)r!["initiative"]!["code"]! == initiative.Code)!;
            foreach (var (group, cell) in Expected.Groups.Zip(row["cells"]!.AsArray()))
            {
                Assert.Null((double?)cell!["coverage"]);
                expected[(initiative.Code, group)] = _expected.ReachedAtStart([initiative.Id], group, unitId, role);
                actual[(initiative.Code, group)] = (long?)cell["participants"];
            }
            if (unitId is null && role is null)
                Assert.Equal(reach[initiative.Code].ToJsonString(), new System.Text.Json.Nodes.JsonArray([.. row["cells"]!.AsArray()
                    .Select(c => new System.Text.Json.Nodes.JsonObject { ["profile"] = c!["profile"]?.DeepClone(), ["participants"] = c["participants"]?.DeepClone() })]).ToJsonString());
            expected[(initiative.Code, "TOTAL")] = _expected.ReachedAtStart([initiative.Id], null, unitId, role);
            actual[(initiative.Code, "TOTAL")] = (long?)row["totalParticipants"];
        }
        Assert.True(ProtectedFigures.AssertMatch(expected, actual) >= 10, "too few figures published to compare");
    }

    public static TheoryData<string, int?, PersonRole?> TransitionFilters() => new()
    {
        { "any", null, null }, { "initiative", null, null }, { "kind", null, null }, { "any", 2, null }, { "any", null, PersonRole.Employee }, { "kind", 8, PersonRole.Leader },
    };

    [Theory]
    [MemberData(nameof(TransitionFilters))]
    public async Task Transitions_match_an_independent_count_for_everyone_participants_and_the_rest(string scope, int? unitId, PersonRole? role)
    {
        var (from, to) = (api.Data.Waves[0], api.Data.Waves[1]);
        var initiative = api.Data.Initiatives[3];
        Func<Initiative, bool> counts = scope switch { "initiative" => i => i.Id == initiative.Id, "kind" => i => i.Kind == initiative.Kind, _ => _ => true };
        var filter = new
        {
            unitId = unitId is null ? null : Id("OrganisationUnit", unitId.Value),
            role = RoleName(role),
            initiativeId = scope == "initiative" ? Id("Initiative", initiative.Id) : null,
            initiativeKind = scope == "kind" ? initiative.Kind.ToString() switch { "ELearning" => "E_LEARNING", "VideoGuide" => "VIDEO_GUIDE", "DropInCafe" => "DROP_IN_CAFE", "PeerTraining" => "PEER_TRAINING", var k => k.ToUpperInvariant() } : null,
        };

        var data = (await _evaluator.QueryAsync("""
            query($from: ID!, $to: ID!, $filter: TransitionFilter) { profileTransitions(fromWaveId: $from, toWaveId: $to, filter: $filter) {
              all { ...Table } participants { ...Table } nonParticipants { ...Table } difference { estimate ciLow ciHigh suppressed } caveats participantDefinition } }
            fragment Table on TransitionTable { n suppressed movedUpShare stayedShare movedDownShare cells { from { kind } to { kind } count suppressed } }
            """, new { from = Id("SurveyWave", from.Id), to = Id("SurveyWave", to.Id), filter }))["profileTransitions"]!;

        var pairs = _expected.Pairs(from, to, unitId, role);
        var tookPart = _expected.TookPartBetween(from, to, counts);
        var groups = new Dictionary<string, List<(int PersonId, CompetenceProfileKind From, CompetenceProfileKind To)>>
        {
            ["all"] = pairs, ["participants"] = pairs.Where(p => tookPart.Contains(p.PersonId)).ToList(), ["nonParticipants"] = pairs.Where(p => !tookPart.Contains(p.PersonId)).ToList(),
        };
        var expected = new Dictionary<string, long>();
        var actual = new Dictionary<string, long?>();
        foreach (var (name, people) in groups)
        {
            var table = data[name]!;
            expected[$"{name} n"] = people.Count;
            actual[$"{name} n"] = (long?)table["n"];
            foreach (var cell in table["cells"]!.AsArray())
            {
                var key = $"{name} {cell!["from"]!["kind"]}→{cell["to"]!["kind"]}";
                expected[key] = people.Count(p => Expected.Name(p.From) == (string)cell["from"]!["kind"]! && Expected.Name(p.To) == (string)cell["to"]!["kind"]!);
                actual[key] = (long?)cell["count"];
            }
            if ((double?)table["movedUpShare"] is { } up) Assert.Equal(Share.Rounded((double)people.Count(p => p.To > p.From) / people.Count), up);
            if ((double?)table["movedDownShare"] is { } down) Assert.Equal(Share.Rounded((double)people.Count(p => p.To < p.From) / people.Count), down);
            if ((double?)table["stayedShare"] is { } stayed) Assert.Equal(Share.Rounded((double)people.Count(p => p.To == p.From) / people.Count), stayed);
        }
        Assert.Equal(16, data["all"]!["cells"]!.AsArray().Count);
        Assert.True(ProtectedFigures.AssertMatch(expected, actual) >= 8);

        if ((double?)data["difference"]!["estimate"] is { } estimate)
        {
            double Up(string name) => (double)groups[name].Count(p => p.To > p.From) / groups[name].Count;
            var (p1, n1, p2, n2) = (Up("participants"), groups["participants"].Count, Up("nonParticipants"), groups["nonParticipants"].Count);
            var margin = 1.96 * Math.Sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
            Assert.Equal(Share.Rounded(p1 - p2), estimate);
            Assert.Equal(Share.Rounded(p1 - p2 - margin), (double)data["difference"]!["ciLow"]!);
            Assert.Equal(Share.Rounded(p1 - p2 + margin), (double)data["difference"]!["ciHigh"]!);
        }
        else
        {
            Assert.True((bool)data["difference"]!["suppressed"]!);
        }
        Assert.Contains(data["caveats"]!.AsArray(), c => ((string)c!).Contains("parallelle tendenser"));
        Assert.Contains(data["caveats"]!.AsArray(), c => ((string)c!).Contains("Selvselektion"));
    }

    [Fact]
    public async Task The_generated_data_has_the_edge_cases_the_comparisons_rely_on()
    {
        var (from, to) = (api.Data.Waves[0], api.Data.Waves[1]);
        var inBoth = api.Data.Assessments.GroupBy(a => a.PersonId).Count(g => g.Count() == 2);
        var inOne = api.Data.Assessments.GroupBy(a => a.PersonId).Count(g => g.Count() == 1);
        var participatedBeforeFirstWave = api.Data.Participations.Where(p => p.Status != ParticipationStatus.Withdrawn && (p.StartedOn ?? p.EnrolledOn) <= from.HeldOn).Select(p => p.PersonId).ToHashSet();
        var onlyBefore = participatedBeforeFirstWave.Except(_expected.TookPartBetween(from, to, _ => true)).ToList();
        var unitsWithoutStaff = api.Data.Units.Where(u => api.Data.Persons.All(p => p.UnitId != u.Id)).ToList();

        Assert.True(inOne > 100, $"{inOne} people assessed in only one wave");
        Assert.NotEmpty(onlyBefore);
        Assert.Contains(unitsWithoutStaff, u => u.Id == 8);
        Assert.Contains(api.Data.Assessments.GroupBy(a => a.PersonId), g => g.Select(a => a.UnitId).Distinct().Count() == 2);

        // Only people assessed in both waves are counted, and someone who took part only before the first wave is not a participant.
        var data = (await _evaluator.QueryAsync("query($from: ID!, $to: ID!) { profileTransitions(fromWaveId: $from, toWaveId: $to) { all { n } participants { n } } }",
            new { from = Id("SurveyWave", from.Id), to = Id("SurveyWave", to.Id) }))["profileTransitions"]!;
        Assert.Equal(inBoth, (int)data["all"]!["n"]!);
        var participantsAssessedTwice = _expected.TookPartBetween(from, to, _ => true).Count(id => api.Data.Assessments.Count(a => a.PersonId == id) == 2);
        Assert.Equal(participantsAssessedTwice, (int)data["participants"]!["n"]!);
    }

    [Fact]
    public async Task Distributions_for_every_unit_and_role_match_an_independent_count()
    {
        var published = 0;
        foreach (var unit in api.Data.Units)
            foreach (var role in new PersonRole?[] { null, PersonRole.Employee, PersonRole.Leader })
            {
                var data = await _evaluator.QueryAsync("""
                    query($unit: ID, $role: PersonRole) { surveyWaves { id profileDistribution(unitId: $unit, role: $role) { total groups { profile { kind } count share } } } }
                    """, new { unit = Id("OrganisationUnit", unit.Id), role = RoleName(role) });
                foreach (var (wave, node) in api.Data.Waves.Zip(data["surveyWaves"]!.AsArray()))
                {
                    var distribution = node!["profileDistribution"]!;
                    var expected = Expected.Groups[..4].ToDictionary(g => g, g => _expected.Population(g, wave.Id, unit.Id, role));
                    expected["TOTAL"] = expected.Values.Sum();
                    var actual = distribution["groups"]!.AsArray().ToDictionary(g => (string)g!["profile"]!["kind"]!, g => (long?)g!["count"]);
                    actual["TOTAL"] = (long?)distribution["total"];
                    published += ProtectedFigures.AssertMatch(expected, actual);
                }
            }
        Assert.True(published > 100, $"{published} figures published");
    }

    [Fact]
    public async Task Every_figure_is_aggregated_by_the_database()
    {
        // Figures are kept until their data changes: a change makes the next answers count afresh.
        await using (var db = api.OpenDb())
            await db.Database.ExecuteSqlRawAsync("UPDATE analytics_inputs_version SET \"Version\" = \"Version\" + 1");
        api.SqlCommands.Reset();
        await _evaluator.QueryAsync("{ reachMatrix(filter: { groupByKind: true }) { rows { kind cells { participants coverage } } } }");
        var (from, to) = (Id("SurveyWave", api.Data.Waves[0].Id), Id("SurveyWave", api.Data.Waves[1].Id));
        await _evaluator.QueryAsync("query($from: ID!, $to: ID!) { profileTransitions(fromWaveId: $from, toWaveId: $to) { all { n } } }", new { from, to });

        // SQLite's SQL quotes every table name; PostgreSQL's only those that need it.
        var personTables = new System.Text.RegularExpressions.Regex("\"?(participations|assessments)\"?|FROM \"?persons\"?");
        var readingPersonData = api.SqlCommands.Texts.Where(sql => personTables.IsMatch(sql)).ToList();
        Assert.NotEmpty(readingPersonData);
        Assert.All(readingPersonData, sql => Assert.Contains("GROUP BY", sql));
    }
}
