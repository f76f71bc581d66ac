using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Analytics;

/// <summary>Every share the schema publishes reads as a share: four decimals, never 0.9600000000000001.</summary>
public sealed class ShareRoundingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_published_share_has_at_most_four_decimals()
    {
        var evaluator = api.CreateGraphQLClient(Roles.Evaluator);
        var waves = (await evaluator.QueryAsync("{ surveyWaves { id } }"))["surveyWaves"]!.AsArray().Select(w => (string)w!["id"]!).ToList();
        var data = await evaluator.QueryAsync("""
            query($from: ID!, $to: ID!) {
              surveyWaves { profileDistribution { groups { share } } }
              strategyGoals { latestValue projectedValue }
              reachMatrix(filter: { waveId: $to }) { rows { cells { coverage } } }
              profileTransitions(fromWaveId: $from, toWaveId: $to) {
                all { movedUpShare stayedShare movedDownShare } participants { movedUpShare stayedShare movedDownShare }
                nonParticipants { movedUpShare stayedShare movedDownShare } difference { estimate ciLow ciHigh } }
            }
            """, new { from = waves[0], to = waves[^1] });

        var shares = Numbers(data).ToList();

        Assert.True(shares.Count > 50, $"only {shares.Count} shares");
        Assert.All(shares, share => Assert.Equal(Math.Round(share, 4), share));
        Assert.Contains(shares, share => Math.Round(share, 2) != share); // rounding to four decimals, not fewer
    }

    private static IEnumerable<double> Numbers(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Numbers(p.Value)),
        JsonArray a => a.SelectMany(Numbers),
        JsonValue v when v.TryGetValue<double>(out var number) => [number],
        _ => [],
    };
}
