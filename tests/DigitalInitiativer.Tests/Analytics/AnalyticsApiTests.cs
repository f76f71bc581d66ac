using System.Net;
using DigitalInitiativer.Api.Strategy;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Tests.Analytics;

/// <summary>Analytics on the demo municipality: the article's story, strategy goals, filters and bad input.</summary>
public sealed class AnalyticsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _evaluator = api.CreateGraphQLClient("Evaluator");
    private readonly GraphQLClient _administrator = api.CreateGraphQLClient("Administrator");

    private async Task<(string From, string To)> WavesAsync()
    {
        var waves = (await _evaluator.QueryAsync("{ surveyWaves { id year } }"))["surveyWaves"]!.AsArray();
        return ((string)waves[0]!["id"]!, (string)waves[1]!["id"]!);
    }

    [Fact]
    public async Task In_the_demo_participants_moved_up_more_often_than_non_participants_and_the_caveats_come_with_it()
    {
        var (from, to) = await WavesAsync();
        var data = (await _evaluator.QueryAsync("""
            query($from: ID!, $to: ID!) { profileTransitions(fromWaveId: $from, toWaveId: $to) {
              fromWave { year } toWave { year } all { n movedUpShare } participants { n movedUpShare } nonParticipants { n movedUpShare }
              difference { estimate ciLow ciHigh suppressed } caveats participantDefinition minimumGroupSize } }
            """, new { from, to }))["profileTransitions"]!;

        // 1,800 people answered both waves; each n is perturbed by at most D on its own.
        const int D = ProtectedFigures.DefaultMaximumPerturbation;
        Assert.InRange((int)data["all"]!["n"]!, 1800 - D, 1800 + D);
        Assert.InRange((int)data["participants"]!["n"]! + (int)data["nonParticipants"]!["n"]!, 1800 - 2 * D, 1800 + 2 * D);
        Assert.True((double)data["participants"]!["movedUpShare"]! > (double)data["nonParticipants"]!["movedUpShare"]!);
        Assert.True((double)data["difference"]!["ciLow"]! > 0);
        Assert.True((double)data["difference"]!["ciLow"]! < (double)data["difference"]!["estimate"]! && (double)data["difference"]!["estimate"]! < (double)data["difference"]!["ciHigh"]!);
        Assert.Contains(data["caveats"]!.AsArray(), c => ((string)c!).Contains("To målinger kan ikke teste parallelle tendenser"));
        Assert.Contains(data["caveats"]!.AsArray(), c => ((string)c!).Contains($"inden for ±{D} af det sande antal"));
        Assert.Contains("2015-04-15", (string)data["participantDefinition"]!);
        Assert.Equal(5, (int)data["minimumGroupSize"]!);
    }

    [Fact]
    public async Task Reach_matrix_filters_by_kind_and_period_and_groups_by_the_profile_at_the_start_by_default()
    {
        var courses = (await _evaluator.QueryAsync("{ reachMatrix(filter: { kinds: [COURSE] }) { wave { year } rows { initiative { code } kind } } }"))["reachMatrix"]!;
        Assert.Null(courses["wave"]);
        Assert.Equal(["COURSE-OFFICE", "COURSE-ESDH", "COURSE-AI-2026"], courses["rows"]!.AsArray().Select(r => (string)r!["initiative"]!["code"]!));

        var in2015 = (await _evaluator.QueryAsync("""{ reachMatrix(filter: { from: "2015-01-01", to: "2015-12-31" }) { rows { initiative { code startsOn } } } }"""))["reachMatrix"]!;
        var codes = in2015["rows"]!.AsArray().Select(r => (string)r!["initiative"]!["code"]!).ToList();
        Assert.Contains("JC-CAFE", codes);
        Assert.DoesNotContain("IDEA-2016", codes);
        Assert.DoesNotContain("COURSE-AI-2026", codes);

        var byKind = (await _evaluator.QueryAsync("{ reachMatrix(filter: { groupByKind: true }) { rows { initiative { code } kind cells { profile { kind } } } } }"))["reachMatrix"]!["rows"]!.AsArray();
        Assert.Equal(7, byKind.Count);
        Assert.All(byKind, r => Assert.Null(r!["initiative"]));
        Assert.All(byKind, r => Assert.Equal(5, r!["cells"]!.AsArray().Count));
    }

    /// <summary>
    /// The demo's job centre café reached mostly HESITANT staff, who later moved up. Grouped by the latest wave (the old
    /// default) it looked as if cafés reached the already digital; by default the matrix tells what Initiative.reach tells.
    /// </summary>
    [Fact]
    public async Task By_default_the_reach_matrix_shows_the_cafe_reaching_hesitant_staff_as_initiative_reach_does()
    {
        var (_, latest) = await WavesAsync();
        var data = await _evaluator.QueryAsync("""
            query($latest: ID!) {
              byDefault: reachMatrix(filter: { kinds: [DROP_IN_CAFE] }) { rows { initiative { code } cells { profile { kind } participants } } }
              inLatestWave: reachMatrix(filter: { kinds: [DROP_IN_CAFE], waveId: $latest }) { rows { initiative { code } cells { profile { kind } participants } } }
              initiative(code: "JC-CAFE") { reach { profile { kind } participants } } }
            """, new { latest });
        static string? Largest(System.Text.Json.Nodes.JsonNode cells) =>
            (string?)cells.AsArray().Where(c => c!["profile"] is not null).MaxBy(c => (int?)c!["participants"] ?? -1)!["profile"]!["kind"];
        System.Text.Json.Nodes.JsonNode Cafe(string alias) => data[alias]!["rows"]!.AsArray().Single(r => (string)r!["initiative"]!["code"]! == "JC-CAFE")!["cells"]!;

        Assert.Equal("HESITANT", Largest(Cafe("byDefault")));
        Assert.Equal(data["initiative"]!["reach"]!.ToJsonString(), Cafe("byDefault").ToJsonString());
        Assert.NotEqual("HESITANT", Largest(Cafe("inLatestWave")));
    }

    [Fact]
    public async Task Initiative_reach_in_a_wave_shows_exactly_the_reach_matrix_cells_so_neither_can_undo_the_other()
    {
        var (from, _) = await WavesAsync();
        var data = await _evaluator.QueryAsync("""
            query($wave: ID!) {
              initiatives(first: 100) { nodes { code reach(waveId: $wave) { participants suppressed coverage } } }
              reachMatrix(filter: { waveId: $wave }) { rows { initiative { code } cells { participants suppressed coverage } } }
            }
            """, new { wave = from });

        var matrix = data["reachMatrix"]!["rows"]!.AsArray().ToDictionary(r => (string)r!["initiative"]!["code"]!, r => r!["cells"]!.ToJsonString());
        var nodes = data["initiatives"]!["nodes"]!.AsArray();
        Assert.Equal(matrix.Count, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(matrix[(string)n!["code"]!], n["reach"]!.ToJsonString()));
        Assert.Contains(nodes, n => n!["reach"]!.AsArray().Any(c => (bool)c!["suppressed"]!));
    }

    [Theory]
    [InlineData("""{ profileTransitions(fromWaveId: "U3VydmV5V2F2ZToy", toWaveId: "U3VydmV5V2F2ZTox") { all { n } } }""", "WAVES_OUT_OF_ORDER")]
    [InlineData("""{ profileTransitions(fromWaveId: "U3VydmV5V2F2ZTox", toWaveId: "U3VydmV5V2F2ZTox") { all { n } } }""", "WAVES_OUT_OF_ORDER")]
    [InlineData("""{ profileTransitions(fromWaveId: "U3VydmV5V2F2ZTox", toWaveId: "U3VydmV5V2F2ZTo5OQ") { all { n } } }""", "NOT_FOUND")]
    [InlineData("""{ profileTransitions(fromWaveId: "nope", toWaveId: "U3VydmV5V2F2ZTox") { all { n } } }""", "INVALID_ID")]
    [InlineData("""{ profileTransitions(fromWaveId: "U3VydmV5V2F2ZTox", toWaveId: "U3VydmV5V2F2ZToy", filter: { initiativeId: "SW5pdGlhdGl2ZTox", initiativeKind: COURSE }) { all { n } } }""", "CONFLICTING_FILTERS")]
    [InlineData("""{ profileTransitions(fromWaveId: "U3VydmV5V2F2ZTox", toWaveId: "U3VydmV5V2F2ZToy", filter: { initiativeId: "SW5pdGlhdGl2ZTo5OTk" }) { all { n } } }""", "NOT_FOUND")]
    [InlineData("""{ reachMatrix(filter: { from: "2017-01-01", to: "2016-01-01" }) { rows { kind } } }""", "END_BEFORE_START")]
    [InlineData("""{ reachMatrix(filter: { unitId: "T3JnYW5pc2F0aW9uVW5pdDo5OTk" }) { rows { kind } } }""", "NOT_FOUND")]
    [InlineData("""{ surveyWaves { profileDistribution(unitId: "SW5pdGlhdGl2ZTox") { total } } }""", "INVALID_ID")]
    public async Task Bad_analytics_arguments_get_a_clear_error_code_and_no_data(string query, string code)
    {
        var response = await _evaluator.PostAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal([code], response.ErrorCodes.Distinct());
        Assert.DoesNotContain("   at ", response.Body.ToJsonString());
    }

    [Fact]
    public async Task Demo_strategy_goals_show_the_latest_value_and_whether_they_are_on_track()
    {
        var goals = (await _evaluator.QueryAsync("{ strategyGoals { title profile { kind } comparison targetShare targetYear unit { code } latestValue wave { year } projectedValue onTrack status } }"))["strategyGoals"]!
            .AsArray().ToDictionary(g => (string?)g!["unit"]?["code"] ?? (string)g["profile"]!["kind"]!);

        // Values come from perturbed counts: the article's shares hold within half a percentage point.
        var selfDriven = goals["SELF_DRIVEN"]!;
        Assert.InRange((double)selfDriven["latestValue"]!, 0.535, 0.545);
        Assert.Equal(2017, (int)selfDriven["wave"]!["year"]!);
        Assert.InRange((double)selfDriven["projectedValue"]!, 0.94, 0.98); // 26 % → 54 % is 14 points a year: 54 + 3 × 14 = 96 % by 2020
        Assert.Equal("ON_TRACK", (string?)selfDriven["status"]);
        Assert.True((bool)selfDriven["onTrack"]!);

        var awaiting = goals["AWAITING"]!;
        Assert.InRange((double)awaiting["latestValue"]!, 0.005, 0.015);
        Assert.Equal("ACHIEVED", (string?)awaiting["status"]);

        // The target year has come and gone without the target: off track, with no projection.
        var jobcenter = goals["ARB-JC"]!;
        Assert.InRange((double)jobcenter["latestValue"]!, 0.55, 0.58);
        Assert.Equal("OFF_TRACK", (string?)jobcenter["status"]);
        Assert.False((bool)jobcenter["onTrack"]!);
        Assert.Null(jobcenter["projectedValue"]);
    }

    [Fact]
    public async Task Administrators_set_and_delete_goals_and_bad_goals_are_refused_with_typed_errors()
    {
        const string Set = """
            mutation($input: SetStrategyGoalInput!) { setStrategyGoal(input: $input) {
              strategyGoal { id title targetShare targetYear status } errors { __typename ... on UserError { code path } } } }
            """;
        var bad = (await _administrator.QueryAsync(Set, new { input = new { title = " ", profile = "WILLING", comparison = "AT_LEAST", targetShare = 1.5, targetYear = 1999, unitId = "T3JnYW5pc2F0aW9uVW5pdDo5OTk" } }))["setStrategyGoal"]!;
        Assert.Null(bad["strategyGoal"]);
        Assert.Equal(["REQUIRED", "OUT_OF_RANGE", "OUT_OF_RANGE", "NOT_FOUND"], bad["errors"]!.AsArray().Select(e => (string)e!["code"]!));

        var created = (await _administrator.QueryAsync(Set, new { input = new { title = "40 % velvillige i 2019", profile = "WILLING", comparison = "AT_LEAST", targetShare = 0.4, targetYear = 2019 } }))["setStrategyGoal"]!["strategyGoal"]!;
        var id = (string)created["id"]!;
        var updated = (await _administrator.QueryAsync(Set, new { input = new { id, title = "30 % velvillige i 2019", profile = "WILLING", comparison = "AT_LEAST", targetShare = 0.3, targetYear = 2019 } }))["setStrategyGoal"]!["strategyGoal"]!;
        Assert.Equal(id, (string)updated["id"]!);
        Assert.Equal("ACHIEVED", (string?)updated["status"]); // 33 % WILLING in 2017

        var deleted = (await _administrator.QueryAsync("mutation($id: ID!) { deleteStrategyGoal(input: { id: $id }) { strategyGoal { title } errors { __typename } } }", new { id }))["deleteStrategyGoal"]!;
        Assert.Equal("30 % velvillige i 2019", (string?)deleted["strategyGoal"]!["title"]);
        var again = (await _administrator.QueryAsync("mutation($id: ID!) { deleteStrategyGoal(input: { id: $id }) { errors { ... on UserError { code } } } }", new { id }))["deleteStrategyGoal"]!;
        Assert.Equal("NOT_FOUND", (string?)again["errors"]![0]!["code"]);
        await using var db = api.OpenDb();
        Assert.Equal(3, await db.StrategyGoals().CountAsync());
    }
}

public sealed class MinimumGroupSizeTests
{
    private sealed class TooSmall() : EmptyApiFactoryWith("2", "1");
    private sealed class Three() : EmptyApiFactoryWith("3", "2");
    private sealed class NoiseAsLargeAsK() : EmptyApiFactoryWith("5", "5");

    private class EmptyApiFactoryWith(string k, string d) : ApiFactory
    {
        protected override bool WithDemoData => false;
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Analytics:MinimumGroupSize", k), new("Analytics:MaximumPerturbation", d)];
    }

    [Fact]
    public void The_app_refuses_to_start_when_the_perturbation_could_show_an_empty_cell()
    {
        using var api = new NoiseAsLargeAsK();

        var error = Assert.Throws<OptionsValidationException>(() => api.Services);
        Assert.Contains("below Analytics:MinimumGroupSize", error.Message);
    }

    [Fact]
    public void The_app_refuses_to_start_with_a_minimum_group_size_below_3()
    {
        using var api = new TooSmall();

        var error = Assert.Throws<OptionsValidationException>(() => api.Services);
        Assert.Contains("Analytics:MinimumGroupSize", error.Message);
    }

    [Fact]
    public async Task A_minimum_group_size_of_3_is_used_for_every_answer()
    {
        using var api = new Three();

        var data = await api.CreateGraphQLClient("Evaluator").QueryAsync("{ reachMatrix { minimumGroupSize maximumPerturbation } }");

        Assert.Equal(3, (int)data["reachMatrix"]!["minimumGroupSize"]!);
        Assert.Equal(2, (int)data["reachMatrix"]!["maximumPerturbation"]!);
    }
}
