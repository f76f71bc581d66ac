using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Features;

/// <summary>Counting, to the exact figure (perturbation off): who lands in which reach group.</summary>
public sealed class UnassessedReachTests(ExactApiFactory api) : IClassFixture<ExactApiFactory>
{
    private readonly GraphQLClient _client = api.CreateGraphQLClient();

    [Fact]
    public async Task New_participants_without_any_assessment_land_in_the_unassessed_reach_group()
    {
        var created = await _client.QueryAsync("""
            mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } errors { __typename } } }
            """, new { input = new { code = "NEWCOMERS-CAFE", kind = "DROP_IN_CAFE", title = "Café for newcomers", unitId = await UnitIdAsync("ARB-JC"), startsOn = "2026-11-01" } });
        var initiativeId = (string)created["createInitiative"]!["initiative"]!["id"]!;
        const string Reach = """query($id: ID!) { node(id: $id) { ... on Initiative { reach { profile { kind } participants } } } }""";
        int? Unassessed(System.Text.Json.Nodes.JsonNode data) => (int?)data["node"]!["reach"]!.AsArray().Single(g => g!["profile"] is null)!["participants"];
        Assert.Equal(0, Unassessed(await _client.QueryAsync(Reach, new { id = initiativeId })));

        // Five, the minimum group size: fewer would be withheld.
        foreach (var n in Enumerable.Range(1, 5))
        {
            await using (var db = api.OpenDb())
            {
                db.Persons().Add(new Person { Key = $"newcomer-{n}", Role = PersonRole.Employee, UnitId = (await db.Units().SingleAsync(u => u.Code == "ARB-JC")).Id });
                await db.SaveChangesAsync();
            }
            var personId = await PersonIdAsync($"newcomer-{n}");
            await _client.QueryAsync(ParticipationMutationTests.RecordOne, new { input = new { personId, initiativeId, status = "STARTED", enrolledOn = "2026-11-01", startedOn = "2026-11-02" } });
        }
        // Counted from the next refresh on, which is a day after the last one, not now.
        await using (var scope = api.Services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<AnalyticsSnapshot>().RefreshIfDueAsync(CancellationToken.None));
        Assert.Equal(0, Unassessed(await _client.QueryAsync(Reach, new { id = initiativeId })));

        await api.RefreshAnalyticsAsync();
        Assert.Equal(5, Unassessed(await _client.QueryAsync(Reach, new { id = initiativeId })));
    }

    private async Task<string> UnitIdAsync(string code)
    {
        await using var db = api.OpenDb();
        return GlobalIds.Of("OrganisationUnit", (await db.Units().SingleAsync(u => u.Code == code)).Id);
    }

    private async Task<string> PersonIdAsync(string key)
    {
        await using var db = api.OpenDb();
        return GlobalIds.Of("Person", (await db.Persons().SingleAsync(p => p.Key == key)).Id);
    }
}
