using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Analytics;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Tests.Features;

public sealed class ReachTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _client = api.CreateGraphQLClient();

    private const string ReachQuery = """
        query($wave: ID) {
          initiatives(first: 100) { nodes { code reach(waveId: $wave) { profile { kind } participants suppressed } } }
        }
        """;

    /// <summary>Reach as the API returns it: (code, profile kind or "UNASSESSED") → participants, null when withheld.</summary>
    private async Task<Dictionary<(string Code, string Group), long?>> ApiReachAsync(string? waveId)
    {
        var data = await _client.QueryAsync(ReachQuery, new { wave = waveId });
        return data["initiatives"]!["nodes"]!.AsArray()
            .SelectMany(n => n!["reach"]!.AsArray().Select(g => (Key: ((string)n["code"]!, (string?)g!["profile"]?["kind"] ?? "UNASSESSED"), Value: (long?)g["participants"])))
            .ToDictionary(x => x.Key, x => x.Value);
    }

    private static string GraphQLName(CompetenceProfileKind kind) => kind switch
    {
        CompetenceProfileKind.Awaiting => "AWAITING",
        CompetenceProfileKind.Hesitant => "HESITANT",
        CompetenceProfileKind.Willing => "WILLING",
        _ => "SELF_DRIVEN",
    };

    /// <summary>The same figures computed independently, with plain LINQ over every row loaded into memory.</summary>
    private async Task<Dictionary<(string Code, string Group), long>> ExpectedReachAsync(int? waveId)
    {
        await using var db = api.OpenDb();
        var initiatives = await db.Initiatives().ToListAsync();
        var waves = await db.SurveyWaves().ToDictionaryAsync(w => w.Id);
        var assessments = (await db.Assessments().ToListAsync()).ToLookup(a => a.PersonId);
        var participations = await db.Participations().Where(p => p.Status != ParticipationStatus.Withdrawn).ToListAsync();

        string GroupOf(Participation p)
        {
            var mine = assessments[p.PersonId];
            var chosen = waveId is { } w
                ? mine.FirstOrDefault(a => a.WaveId == w)
                : mine.Where(a => waves[a.WaveId].HeldOn <= (p.StartedOn ?? p.EnrolledOn)).MaxBy(a => waves[a.WaveId].HeldOn);
            return chosen is null ? "UNASSESSED" : GraphQLName(chosen.Profile);
        }

        string[] groups = ["AWAITING", "HESITANT", "WILLING", "SELF_DRIVEN", "UNASSESSED"];
        return initiatives.SelectMany(i =>
        {
            var counts = participations.Where(p => p.InitiativeId == i.Id).GroupBy(p => p.PersonId).Select(g => GroupOf(g.First())).ToList();
            return groups.Select(g => (Key: (i.Code, g), Value: (long)counts.Count(c => c == g)));
        }).ToDictionary(x => x.Key, x => x.Value);
    }

    [Fact]
    public async Task Reach_without_a_wave_groups_each_participant_by_their_latest_assessment_before_they_started()
    {
        var expected = await ExpectedReachAsync(null);
        var actual = await ApiReachAsync(null);

        Assert.True(ProtectedFigures.AssertMatch(expected, actual, maximumPerturbation: ProtectedFigures.DefaultMaximumPerturbation) > 30);
        Assert.Contains(actual, x => x.Key.Group == "UNASSESSED" && x.Value > 0);
    }

    [Fact]
    public async Task Reach_in_a_given_wave_groups_participants_by_their_profile_in_that_wave()
    {
        await using var db = api.OpenDb();
        var wave2017 = await db.SurveyWaves().SingleAsync(w => w.Year == 2017);

        var expected = await ExpectedReachAsync(wave2017.Id);
        var actual = await ApiReachAsync(GlobalIds.Of("SurveyWave", wave2017.Id));

        Assert.True(ProtectedFigures.AssertMatch(expected, actual, maximumPerturbation: ProtectedFigures.DefaultMaximumPerturbation) > 30);
        Assert.NotEqual(await ApiReachAsync(null), actual);
    }

    [Fact]
    public async Task Reach_lists_five_groups_in_level_order_with_the_unassessed_last_and_withholds_small_groups()
    {
        var data = await _client.QueryAsync("""{ initiative(code: "JC-SUPERUSERS") { reach { profile { level } participants suppressed } } }""");

        var groups = data["initiative"]!["reach"]!.AsArray();
        Assert.Equal([1, 2, 3, 4, null], groups.Select(g => (int?)g!["profile"]?["level"]));
        Assert.All(groups, g => Assert.Equal((bool)g!["suppressed"]!, g["participants"] is null));
        Assert.Contains(groups, g => (bool)g!["suppressed"]!);
        Assert.Contains(groups, g => !(bool)g!["suppressed"]! && (int)g["participants"]! >= ProtectedFigures.DefaultMinimumGroupSize);
    }

    [Fact]
    public async Task Demo_cafes_and_peer_training_reach_mostly_hesitant_staff_and_the_competition_mostly_the_confident()
    {
        var reach = await ApiReachAsync(null);

        string Largest(string code) => reach.Where(x => x.Key.Code == code && x.Key.Group != "UNASSESSED").MaxBy(x => x.Value ?? 0).Key.Group;
        Assert.Equal("HESITANT", Largest("JC-CAFE"));
        Assert.Equal("HESITANT", Largest("JC-SUPERUSERS"));
        Assert.Contains(Largest("IDEA-2016"), new[] { "WILLING", "SELF_DRIVEN" });
    }
}
