using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Tests.Features;

public sealed class ParticipationMutationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _client = api.CreateGraphQLClient();

    internal const string RecordOne = """
        mutation($input: RecordParticipationInput!) {
          recordParticipation(input: $input) {
            participation { id status enrolledOn startedOn completedOn score person { key } initiative { code } }
            errors { __typename ... on UserError { code path } }
          }
        }
        """;

    internal const string RecordMany = """
        mutation($input: RecordParticipationsInput!) {
          recordParticipations(input: $input) {
            participations { id person { key } }
            errors { __typename ... on UserError { code message path } }
          }
        }
        """;

    private async Task<(string PersonId, string InitiativeId)> IdsAsync(string personKey, string initiativeCode)
    {
        await using var db = api.OpenDb();
        var person = await db.Persons().SingleAsync(p => p.Key == personKey);
        var initiative = await db.Initiatives().SingleAsync(i => i.Code == initiativeCode);
        return (GlobalIds.Of("Person", person.Id), GlobalIds.Of("Initiative", initiative.Id));
    }

    [Fact]
    public async Task Recording_a_participation_twice_updates_the_same_record()
    {
        var (personId, initiativeId) = await IdsAsync("demo-1999", "COURSE-AI-2026");

        var first = (await _client.QueryAsync(RecordOne, new { input = new { personId, initiativeId, status = "ENROLLED", enrolledOn = "2026-09-01" } }))["recordParticipation"]!;
        var second = (await _client.QueryAsync(RecordOne, new { input = new { personId, initiativeId, status = "COMPLETED", enrolledOn = "2026-09-01", startedOn = "2026-09-02", completedOn = "2026-10-15", score = 87.5 } }))["recordParticipation"]!;

        Assert.Empty(first["errors"]!.AsArray());
        Assert.Empty(second["errors"]!.AsArray());
        Assert.Equal((string?)first["participation"]!["id"], (string?)second["participation"]!["id"]);
        Assert.Equal("COMPLETED", (string?)second["participation"]!["status"]);
        Assert.Equal(87.5, (double)second["participation"]!["score"]!);
        Assert.Equal("demo-1999", (string?)second["participation"]!["person"]!["key"]);
    }

    private async Task<string> UnitIdAsync(string code)
    {
        await using var db = api.OpenDb();
        return GlobalIds.Of("OrganisationUnit", (await db.Units().SingleAsync(u => u.Code == code)).Id);
    }

    [Fact]
    public async Task Bulk_recording_saves_all_items_in_order()
    {
        var items = new List<object>();
        foreach (var key in new[] { "demo-0101", "demo-0102", "demo-0103" })
        {
            var (personId, initiativeId) = await IdsAsync(key, "COURSE-AI-2026");
            items.Add(new { personId, initiativeId, status = "ENROLLED", enrolledOn = "2026-09-05" });
        }

        var payload = (await _client.QueryAsync(RecordMany, new { input = new { items } }))["recordParticipations"]!;

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(["demo-0101", "demo-0102", "demo-0103"], payload["participations"]!.AsArray().Select(p => (string)p!["person"]!["key"]!));
    }

    [Fact]
    public async Task Bulk_recording_with_one_bad_item_saves_none_and_names_the_item_and_the_reason()
    {
        await using var db = api.OpenDb();
        var before = await db.Participations().CountAsync();
        var (goodPerson, initiativeId) = await IdsAsync("demo-0201", "COURSE-AI-2026");
        var (otherPerson, _) = await IdsAsync("demo-0202", "COURSE-AI-2026");
        object[] items =
        [
            new { personId = goodPerson, initiativeId, status = "ENROLLED", enrolledOn = "2026-09-05" },
            new { personId = otherPerson, initiativeId, status = "COMPLETED", enrolledOn = "2026-09-05", completedOn = "2026-09-01" },
            new { personId = GlobalIds.Of("Person", 777777), initiativeId, status = "ENROLLED", enrolledOn = "2026-09-05" },
            new { personId = goodPerson, initiativeId, status = "STARTED", enrolledOn = "2026-09-05", score = 120 },
        ];

        var payload = (await _client.QueryAsync(RecordMany, new { input = new { items } }))["recordParticipations"]!;

        Assert.Null(payload["participations"]);
        var errors = payload["errors"]!.AsArray().Select(e => $"{string.Join('.', e!["path"]!.AsArray().Select(p => (string)p!))} {(string)e["code"]!}").Order().ToList();
        Assert.Equal(
        [
            "input.items.1.completedOn END_BEFORE_START",
            "input.items.2.personId NOT_FOUND",
            "input.items.3.personId DUPLICATE_ITEM",
            "input.items.3.score OUT_OF_RANGE",
        ], errors);
        Assert.Equal(before, await db.Participations().CountAsync());
    }
}
