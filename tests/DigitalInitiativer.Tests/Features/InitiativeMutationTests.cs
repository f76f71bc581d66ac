using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Tests.Features;

public sealed class InitiativeMutationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _client = api.CreateGraphQLClient();

    internal const string Create = """
        mutation($input: CreateInitiativeInput!) {
          createInitiative(input: $input) {
            initiative { id code kind title description startsOn endsOn unit { code } targetProfiles { kind } }
            errors { __typename ... on UserError { code message path } ... on NotFoundError { id } }
          }
        }
        """;

    private const string Update = """
        mutation($input: UpdateInitiativeInput!) {
          updateInitiative(input: $input) {
            initiative { id title description startsOn endsOn unit { code } targetProfiles { kind } }
            errors { __typename ... on UserError { code message path } }
          }
        }
        """;

    private async Task<string> UnitIdAsync(string code) =>
        (string)(await _client.QueryAsync("query($code: String!) { organisationUnit(code: $code) { id } }", new { code }))["organisationUnit"]!["id"]!;

    internal static object NewInitiative(string code, string unitId, string title = "Drop-in café: det nye ESDH", string startsOn = "2026-01-10", string? endsOn = "2026-03-31") =>
        new { code, kind = "DROP_IN_CAFE", title, description = "Kom og prøv.", unitId, targetProfiles = new[] { "HESITANT", "AWAITING" }, startsOn, endsOn };

    [Fact]
    public async Task Create_initiative_saves_it_and_it_appears_in_the_catalogue()
    {
        var unitId = await UnitIdAsync("ARB-JC");
        var payload = (await _client.QueryAsync(Create, new { input = NewInitiative("CAFE-ESDH-2026", unitId) }))["createInitiative"]!;

        Assert.Empty(payload["errors"]!.AsArray());
        var initiative = payload["initiative"]!;
        Assert.Equal("CAFE-ESDH-2026", (string?)initiative["code"]);
        Assert.Equal("DROP_IN_CAFE", (string?)initiative["kind"]);
        Assert.Equal("ARB-JC", (string?)initiative["unit"]!["code"]);
        Assert.Equal(["AWAITING", "HESITANT"], initiative["targetProfiles"]!.AsArray().Select(p => (string)p!["kind"]!));
        Assert.Equal("2026-03-31", (string?)initiative["endsOn"]);

        var found = await _client.QueryAsync("""{ initiatives(where: { titleContains: "det nye esdh" }) { nodes { id } } }""");
        Assert.Equal((string?)initiative["id"], (string?)found["initiatives"]!["nodes"]![0]!["id"]);
    }

    [Fact]
    public async Task Create_initiative_reports_every_problem_at_once_and_saves_nothing()
    {
        var input = NewInitiative("bad code!", "Zm9v", title: new string('x', 151), startsOn: "2026-05-01", endsOn: "2026-04-01");

        var payload = (await _client.QueryAsync(Create, new { input }))["createInitiative"]!;

        Assert.Null(payload["initiative"]);
        var errors = payload["errors"]!.AsArray().Select(e => ((string)e!["code"]!, string.Join('.', e["path"]!.AsArray().Select(p => (string)p!)))).ToList();
        Assert.Equal(
            [("END_BEFORE_START", "input.endsOn"), ("INVALID_FORMAT", "input.code"), ("NOT_FOUND", "input.unitId"), ("TOO_LONG", "input.title")],
            errors.Order());
        await using var db = api.OpenDb();
        Assert.False(await db.Initiatives().AnyAsync(i => i.Code == "bad code!"));
    }

    [Fact]
    public async Task Create_initiative_with_a_code_in_use_returns_CodeTakenError()
    {
        var payload = (await _client.QueryAsync(Create, new { input = NewInitiative("JC-CAFE", await UnitIdAsync("ESB")) }))["createInitiative"]!;

        var error = payload["errors"]!.AsArray().Single()!;
        Assert.Equal("CodeTakenError", (string?)error["__typename"]);
        Assert.Equal("CODE_TAKEN", (string?)error["code"]);
        Assert.Null(payload["initiative"]);
    }

    [Fact]
    public async Task Update_initiative_changes_only_the_fields_given_and_null_clears_optional_ones()
    {
        var created = (await _client.QueryAsync(Create, new { input = NewInitiative("UPDATE-ME", await UnitIdAsync("ARB-JC")) }))["createInitiative"]!["initiative"]!;
        var id = (string)created["id"]!;

        var updated = (await _client.QueryAsync(Update, new { input = new { id, title = "Nyt navn", endsOn = (string?)null } }))["updateInitiative"]!;

        Assert.Empty(updated["errors"]!.AsArray());
        var initiative = updated["initiative"]!;
        Assert.Equal("Nyt navn", (string?)initiative["title"]);
        Assert.Null(initiative["endsOn"]);
        Assert.Equal((string?)created["description"], (string?)initiative["description"]);
        Assert.Equal((string?)created["startsOn"], (string?)initiative["startsOn"]);
        Assert.Equal("ARB-JC", (string?)initiative["unit"]!["code"]);
        Assert.Equal(2, initiative["targetProfiles"]!.AsArray().Count);
    }

    [Fact]
    public async Task Update_initiative_that_breaks_a_rule_changes_nothing()
    {
        var created = (await _client.QueryAsync(Create, new { input = NewInitiative("KEEP-ME", await UnitIdAsync("ESB")) }))["createInitiative"]!["initiative"]!;

        var updated = (await _client.QueryAsync(Update, new { input = new { id = (string)created["id"]!, title = "Changed", startsOn = "2027-01-01" } }))["updateInitiative"]!;

        Assert.Null(updated["initiative"]);
        Assert.Equal(["END_BEFORE_START"], updated["errors"]!.AsArray().Select(e => (string)e!["code"]!));
        await using var db = api.OpenDb();
        var stored = await db.Initiatives().SingleAsync(i => i.Code == "KEEP-ME");
        Assert.Equal("Drop-in café: det nye ESDH", stored.Title);
        Assert.Equal(new DateOnly(2026, 1, 10), stored.StartsOn);
    }

    [Fact]
    public async Task Update_initiative_with_an_unknown_id_returns_NotFoundError()
    {
        var updated = (await _client.QueryAsync(Update, new { input = new { id = GlobalIds.Of("Initiative", 424242), title = "x" } }))["updateInitiative"]!;

        Assert.Equal("NotFoundError", (string?)updated["errors"]![0]!["__typename"]);
    }
}
