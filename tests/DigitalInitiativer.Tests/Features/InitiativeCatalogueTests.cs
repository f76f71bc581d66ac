using System.Net;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Tests.Features;

public sealed class InitiativeCatalogueTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _client = api.CreateGraphQLClient();

    private const string Page = """
        query($first: Int, $after: String, $last: Int, $before: String, $where: InitiativeFilter, $order: InitiativeOrder) {
          initiatives(first: $first, after: $after, last: $last, before: $before, where: $where, order: $order) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { code } }
            nodes { code title startsOn }
          }
        }
        """;

    private async Task<System.Text.Json.Nodes.JsonNode> PageAsync(object variables) => (await _client.QueryAsync(Page, variables))["initiatives"]!;

    private static List<string> Codes(System.Text.Json.Nodes.JsonNode connection) => connection["nodes"]!.AsArray().Select(n => (string)n!["code"]!).ToList();

    [Fact]
    public async Task Pages_forward_and_backward_with_cursors_cover_the_catalogue_once()
    {
        var all = Codes(await PageAsync(new { first = 100 }));

        var first = await PageAsync(new { first = 4 });
        var second = await PageAsync(new { first = 4, after = (string?)first["pageInfo"]!["endCursor"] });
        var third = await PageAsync(new { first = 4, after = (string?)second["pageInfo"]!["endCursor"] });

        Assert.Equal(all, [.. Codes(first), .. Codes(second), .. Codes(third)]);
        Assert.Equal(all.Count, (int)first["totalCount"]!);
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        Assert.False((bool)first["pageInfo"]!["hasPreviousPage"]!);
        Assert.False((bool)third["pageInfo"]!["hasNextPage"]!);
        Assert.Equal(Codes(first), first["edges"]!.AsArray().Select(e => (string)e!["node"]!["code"]!));

        var back = await PageAsync(new { last = 4, before = (string?)third["pageInfo"]!["startCursor"] });
        Assert.Equal(Codes(second), Codes(back));
        Assert.Equal(all.TakeLast(3), Codes(await PageAsync(new { last = 3 })));
    }

    [Fact]
    public async Task Without_first_or_last_a_page_holds_at_most_20()
    {
        var page = await PageAsync(new { });

        Assert.True(page["nodes"]!.AsArray().Count is > 0 and <= 20);
    }

    [Theory]
    [InlineData(101, null)]
    [InlineData(0, null)]
    [InlineData(null, 101)]
    [InlineData(-1, null)]
    public async Task Page_sizes_outside_1_to_100_are_refused(int? first, int? last)
    {
        var response = await _client.PostAsync(Page, new { first, last });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["PAGINATION_OUT_OF_RANGE"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_made_up_cursor_is_refused()
    {
        var response = await _client.PostAsync(Page, new { first = 2, after = "not-a-cursor" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["INVALID_CURSOR"], response.ErrorCodes);
    }

    [Fact]
    public async Task Filters_by_kind_unit_target_profile_activity_and_title()
    {
        Assert.Equal(["JC-CAFE"], Codes(await PageAsync(new { first = 50, where = new { kinds = new[] { "DROP_IN_CAFE" } } })));

        var arbejdsmarked = (string)(await _client.QueryAsync("""{ organisationUnit(code: "ARB") { id } }"""))["organisationUnit"]!["id"]!;
        Assert.Equal(["JC-CAFE", "JC-SUPERUSERS"], Codes(await PageAsync(new { first = 50, where = new { unitId = arbejdsmarked } })).Order());

        var forHesitant = Codes(await PageAsync(new { first = 50, where = new { targetProfile = "HESITANT" } }));
        Assert.Contains("JC-CAFE", forHesitant);
        Assert.DoesNotContain("VIDEO-GUIDES", forHesitant);

        var activeNow = Codes(await PageAsync(new { first = 50, where = new { activeOn = "2026-10-01" } }));
        Assert.Contains("COURSE-AI-2026", activeNow);
        Assert.Contains("VIDEO-GUIDES", activeNow); // open-ended
        Assert.DoesNotContain("JC-CAFE", activeNow); // ended 2017

        Assert.Equal(["JC-CAFE"], Codes(await PageAsync(new { first = 50, where = new { text = "DROP-IN" } })));
        Assert.Equal(["ELEARN-DIGIPOST", "ELEARN-SECURITY"], Codes(await PageAsync(new { first = 50, where = new { kinds = new[] { "E_LEARNING" }, text = "e-læring" } })).Order());
    }

    [Fact]
    public async Task Text_searches_titles_and_descriptions_and_target_profiles_match_any_of_a_set()
    {
        await using var db = api.OpenDb();
        var described = await db.Initiatives().Where(i => i.Description != null && i.Description.Length > 20).OrderBy(i => i.Id).FirstAsync();
        var phrase = described.Description![5..18];
        Assert.Contains(described.Code, Codes(await PageAsync(new { first = 100, where = new { text = phrase.ToUpperInvariant() } })));
        if (!described.Title.Contains(phrase, StringComparison.OrdinalIgnoreCase)) // the deprecated filter searches titles only
            Assert.DoesNotContain(described.Code, Codes(await PageAsync(new { first = 100, where = new { titleContains = phrase } })));

        var hesitant = Codes(await PageAsync(new { first = 100, where = new { targetProfiles = new[] { "HESITANT" } } }));
        var awaiting = Codes(await PageAsync(new { first = 100, where = new { targetProfiles = new[] { "AWAITING" } } }));
        var either = Codes(await PageAsync(new { first = 100, where = new { targetProfiles = new[] { "AWAITING", "HESITANT" } } }));
        Assert.Equal(hesitant.Union(awaiting).Order(), either.Order());
        Assert.Equal(hesitant, Codes(await PageAsync(new { first = 100, where = new { targetProfile = "HESITANT" } }))); // deprecated, still served
    }

    [Fact]
    public async Task Sorts_by_title_or_start_date_in_either_direction()
    {
        var byTitle = (await PageAsync(new { first = 50 }))["nodes"]!.AsArray().Select(n => (string)n!["title"]!).ToList();
        Assert.Equal(byTitle.Order(StringComparer.Ordinal), byTitle);

        var byStartDesc = (await PageAsync(new { first = 50, order = new { field = "STARTS_ON", direction = "DESC" } }))["nodes"]!.AsArray()
            .Select(n => DateOnly.Parse((string)n!["startsOn"]!)).ToList();
        Assert.Equal(byStartDesc.OrderDescending(), byStartDesc);
    }

    [Fact]
    public async Task A_forged_unit_id_in_a_filter_is_an_INVALID_ID_error()
    {
        var response = await _client.PostAsync(Page, new { first = 5, where = new { unitId = "Zm9yZ2Vk" } });

        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
        Assert.DoesNotContain("Exception", response.Body.ToJsonString());
    }
}
