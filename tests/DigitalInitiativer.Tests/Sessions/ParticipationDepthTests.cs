using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Sessions;

/// <summary>
/// How deeply someone must have taken part to count in the analytics (filter completedOnly and minVisits), through
/// HTTP: a café and a course filled by recorded attendance show up in reachMatrix only at the depths they reach, the
/// demo's wave-to-wave transitions have fewer participants when only completions count and say so, and a minVisits
/// other than its few steps is refused. Counts are protected (perturbed, small ones withheld), so the margins are wide.
/// </summary>
public sealed class ParticipationDepthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly SessionDriver _driver = new(api);
    private readonly GraphQLClient _evaluator = api.CreateGraphQLClient(Roles.Evaluator);

    private const string RecordAttendance = """
        mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { recorded unknownEmployeeNumbers { position } errors { ... on UserError { code message } } } }
        """;

    /// <summary>The same reach matrix at four depths, one row per initiative with its total.</summary>
    private const string ReachAtDepths = """
        query($kinds: [InitiativeKind!]) {
          any: reachMatrix(filter: { kinds: $kinds }) { rows { initiative { code } totalParticipants } }
          completed: reachMatrix(filter: { kinds: $kinds, completedOnly: true }) { rows { initiative { code } totalParticipants } }
          visitedOnce: reachMatrix(filter: { kinds: $kinds, minVisits: 1 }) { rows { initiative { code } totalParticipants } }
          visitedTwice: reachMatrix(filter: { kinds: $kinds, minVisits: 2 }) { rows { initiative { code } totalParticipants } }
        }
        """;

    private const string Transitions = """
        query($from: ID!, $to: ID!, $filter: TransitionFilter) {
          profileTransitions(fromWaveId: $from, toWaveId: $to, filter: $filter) { participants { n } nonParticipants { n } participantDefinition }
        }
        """;

    /// <summary>An offer for the whole municipality with one session yesterday, and the people with these demo numbers recorded as having come.</summary>
    private async Task AttendedOfferAsync(string code, string kind, IEnumerable<int> demoNumbers)
    {
        var sessionId = await _driver.SessionAsync(await _driver.OfferAsync(code, kind), TimeSpan.FromDays(-1));
        var numbers = demoNumbers.Select(n => $"90{n:D4}").ToArray();
        var recorded = (await _driver.Manager.QueryAsync(RecordAttendance, new { input = new { sessionId, employeeNumbers = numbers } }))["recordAttendance"]!;
        Assert.Equal(numbers.Length, (int)recorded["recorded"]!);
    }

    private static int? TotalOf(JsonNode matrix, string code) =>
        (int?)matrix["rows"]!.AsArray().Single(r => (string)r!["initiative"]!["code"]! == code)!["totalParticipants"];

    private static void AssertReached(int? total) => Assert.True(total >= 20, $"Expected about 30 participants, got {total?.ToString() ?? "null (withheld)"}.");

    private static void AssertNoneOrWithheld(int? total) => Assert.True(total is null or 0, $"Expected no participants (0 or withheld), got {total}.");

    private async Task<(string From, string To)> WavesAsync()
    {
        var waves = (await _evaluator.QueryAsync("{ surveyWaves { id year } }"))["surveyWaves"]!.AsArray();
        return ((string)waves.Single(w => (int)w!["year"]! == 2015)!["id"]!, (string)waves.Single(w => (int)w!["year"]! == 2017)!["id"]!);
    }

    [Fact]
    public async Task Reach_matrix_counts_a_cafe_and_a_course_only_at_the_depth_their_attendees_reached()
    {
        await AttendedOfferAsync("DEPTH-CAFE", "DROP_IN_CAFE", Enumerable.Range(1520, 30));
        await AttendedOfferAsync("DEPTH-COURSE", "COURSE", Enumerable.Range(1550, 30));
        await api.RefreshAnalyticsAsync();

        var data = await _evaluator.QueryAsync(ReachAtDepths, new { kinds = new[] { "DROP_IN_CAFE", "COURSE" } });

        // One visit to a café completes it: it counts unless two visits are asked for.
        AssertReached(TotalOf(data["any"]!, "DEPTH-CAFE"));
        AssertReached(TotalOf(data["completed"]!, "DEPTH-CAFE"));
        AssertReached(TotalOf(data["visitedOnce"]!, "DEPTH-CAFE"));
        AssertNoneOrWithheld(TotalOf(data["visitedTwice"]!, "DEPTH-CAFE"));
        // One session of a course only starts it: it counts unless completion is asked for.
        AssertReached(TotalOf(data["any"]!, "DEPTH-COURSE"));
        AssertNoneOrWithheld(TotalOf(data["completed"]!, "DEPTH-COURSE"));
        AssertReached(TotalOf(data["visitedOnce"]!, "DEPTH-COURSE"));
        AssertNoneOrWithheld(TotalOf(data["visitedTwice"]!, "DEPTH-COURSE"));
    }

    [Fact]
    public async Task Transitions_counting_only_completions_have_fewer_participants_and_say_so()
    {
        var (from, to) = await WavesAsync();

        var any = (await _evaluator.QueryAsync(Transitions, new { from, to }))["profileTransitions"]!;
        var completed = (await _evaluator.QueryAsync(Transitions, new { from, to, filter = new { completedOnly = true } }))["profileTransitions"]!;
        var completedInEnglish = (await api.CreateGraphQLClient(Roles.Evaluator).InEnglish().QueryAsync(Transitions, new { from, to, filter = new { completedOnly = true } }))["profileTransitions"]!;

        // About one demo participation in six was only started or withdrawn: with hundreds of participants, far more than the noise.
        const int D = Analytics.ProtectedFigures.DefaultMaximumPerturbation;
        var (anyParticipants, completedParticipants) = ((int)any["participants"]!["n"]!, (int)completed["participants"]!["n"]!);
        Assert.True(completedParticipants < anyParticipants - 2 * D, $"{completedParticipants} completed participants, {anyParticipants} in all");
        Assert.True((int)completed["nonParticipants"]!["n"]! > (int)any["nonParticipants"]!["n"]! + 2 * D);
        Assert.DoesNotContain("gennemførte", (string)any["participantDefinition"]!);
        Assert.Contains("Kun gennemførte deltagelser tæller", (string)completed["participantDefinition"]!);
        Assert.Contains("Only completed participations count", (string)completedInEnglish["participantDefinition"]!);
    }

    [Theory]
    [InlineData("""query($from: ID!, $to: ID!) { profileTransitions(fromWaveId: $from, toWaveId: $to, filter: { minVisits: 21 }) { participants { n } } }""")]
    [InlineData("""query($from: ID!, $to: ID!) { profileTransitions(fromWaveId: $from, toWaveId: $to, filter: { minVisits: -1 }) { participants { n } } }""")]
    [InlineData("""query { reachMatrix(filter: { minVisits: 21 }) { rows { kind } } }""")]
    [InlineData("""query { reachMatrix(filter: { minVisits: 4 }) { rows { kind } } }""")]
    [InlineData("""query { reachMatrix(filter: { minVisits: -1, completedOnly: true }) { rows { kind } } }""")]
    public async Task A_min_visits_other_than_its_few_steps_is_an_OUT_OF_RANGE_error_without_figures(string query)
    {
        var (from, to) = await WavesAsync();

        var response = await _evaluator.PostAsync(query, query.Contains("$from") ? new { from, to } : null);

        Assert.Equal(["OUT_OF_RANGE"], response.ErrorCodes.Distinct());
        Assert.Null(response.Body["data"]?["profileTransitions"] ?? response.Body["data"]?["reachMatrix"]);
    }
}
