using System.Net;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Tests.Features;

/// <summary>The foundation issue's list of bad input: each gets a stable code, the right status, no 500 and no write.</summary>
public sealed class BadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _client = api.CreateGraphQLClient();

    private async Task<int> InitiativeCountAsync()
    {
        await using var db = api.OpenDb();
        return await db.Initiatives().CountAsync();
    }

    private async Task<string> EsbjergIdAsync() => (string)(await _client.QueryAsync("""{ organisationUnit(code: "ESB") { id } }"""))["organisationUnit"]!["id"]!;

    [Fact]
    public async Task Malformed_JSON_gets_400_INVALID_JSON()
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query": "mutation { createInitiative""", System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["INVALID_JSON"], response.ErrorCodes);
    }

    [Fact]
    public async Task An_unknown_field_gets_400_with_a_validation_code()
    {
        var response = await _client.PostAsync("{ initiatives { nodes { code colour } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["FIELDS_ON_CORRECT_TYPE"], response.ErrorCodes);
        Assert.Null(response.Body["data"]);
    }

    [Fact]
    public async Task An_unknown_input_field_gets_400_and_writes_nothing()
    {
        var before = await InitiativeCountAsync();
        var input = new { code = "EXTRA-FIELD", kind = "COURSE", title = "x", unitId = await EsbjergIdAsync(), startsOn = "2026-01-01", colour = "red" };

        var response = await _client.PostAsync(InitiativeMutationTests.Create, new { input });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["INVALID_VALUE"], response.ErrorCodes);
        Assert.Equal(before, await InitiativeCountAsync());
    }

    [Theory]
    [InlineData("""{"first": "ten"}""")]
    [InlineData("""{"first": 1.5}""")]
    [InlineData("""{"where": {"activeOn": "31-12-2026"}}""")]
    [InlineData("""{"where": {"kinds": ["WORKSHOP"]}}""")]
    public async Task Variables_of_the_wrong_type_get_400_INVALID_VALUE(string variables)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                $$"""{"query": "query($first: Int, $where: InitiativeFilter) { initiatives(first: $first, where: $where) { totalCount } }", "variables": {{variables}} }""",
                System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Accept", "application/graphql-response+json" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["INVALID_VALUE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Unknown_and_forged_ids_in_a_mutation_get_NotFoundError_and_write_nothing()
    {
        var before = await InitiativeCountAsync();
        foreach (var unitId in new[] { GlobalIds.Of("OrganisationUnit", 99999), GlobalIds.Of("Person", 1), "forged", "" })
        {
            var payload = (await _client.QueryAsync(InitiativeMutationTests.Create, new { input = InitiativeMutationTests.NewInitiative("FORGED-UNIT", unitId) }))["createInitiative"]!;

            var error = payload["errors"]!.AsArray().Single()!;
            Assert.Equal(("NotFoundError", "NOT_FOUND", unitId), ((string?)error["__typename"], (string?)error["code"], (string?)error["id"]));
        }
        Assert.Equal(before, await InitiativeCountAsync());
    }

    [Fact]
    public async Task An_over_long_title_gets_TOO_LONG_and_writes_nothing()
    {
        var before = await InitiativeCountAsync();

        var payload = (await _client.QueryAsync(InitiativeMutationTests.Create,
            new { input = InitiativeMutationTests.NewInitiative("LONG-TITLE", await EsbjergIdAsync(), title: new string('æ', 151)) }))["createInitiative"]!;

        Assert.Equal(["TOO_LONG"], payload["errors"]!.AsArray().Select(e => (string)e!["code"]!));
        Assert.Equal(before, await InitiativeCountAsync());

        var exactly150 = (await _client.QueryAsync(InitiativeMutationTests.Create,
            new { input = InitiativeMutationTests.NewInitiative("LONG-TITLE", await EsbjergIdAsync(), title: new string('æ', 150)) }))["createInitiative"]!;
        Assert.Empty(exactly150["errors"]!.AsArray());
    }

    [Fact]
    public async Task An_end_date_before_the_start_date_gets_END_BEFORE_START_and_writes_nothing()
    {
        var before = await InitiativeCountAsync();

        var payload = (await _client.QueryAsync(InitiativeMutationTests.Create,
            new { input = InitiativeMutationTests.NewInitiative("BACKWARDS", await EsbjergIdAsync(), startsOn: "2026-06-01", endsOn: "2026-05-31") }))["createInitiative"]!;

        var error = payload["errors"]!.AsArray().Single()!;
        Assert.Equal("END_BEFORE_START", (string?)error["code"]);
        Assert.Equal(["input", "endsOn"], error["path"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(before, await InitiativeCountAsync());
    }

    [Fact]
    public async Task An_empty_bulk_list_gets_EMPTY_LIST()
    {
        var payload = (await _client.QueryAsync(ParticipationMutationTests.RecordMany, new { input = new { items = Array.Empty<object>() } }))["recordParticipations"]!;

        var error = payload["errors"]!.AsArray().Single()!;
        Assert.Equal("EMPTY_LIST", (string?)error["code"]);
        Assert.Equal(["input", "items"], error["path"]!.AsArray().Select(p => (string)p!));
        Assert.Null(payload["participations"]);
    }
}
