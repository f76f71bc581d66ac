using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Tests.Sessions;

/// <summary>
/// initiatives(where: { forMe: true }) as an employee in Skoler sees it: offers for their unit or one above it, for
/// everyone or their latest profile, current or upcoming; and the catalogue's search the way Danish readers type.
/// </summary>
public sealed class OffersForMeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly SessionDriver _driver = new(api);

    private const string Offers = """
        query($where: InitiativeFilter) { initiatives(first: 100, where: $where) { nodes { code } } }
        """;

    private static async Task<List<string>> CodesAsync(GraphQLClient client, object where) =>
        [.. (await client.QueryAsync(Offers, new { where }))["initiatives"]!["nodes"]!.AsArray().Select(n => (string)n!["code"]!)];

    [Fact]
    public async Task An_employee_sees_offers_for_their_unit_or_above_for_everyone_or_their_latest_profile_that_are_not_over()
    {
        string key;
        CompetenceProfileKind latest;
        await using (var db = api.OpenDb())
        {
            var schools = await db.Units().Where(u => u.Code == "BK-SKO").Select(u => u.Id).SingleAsync();
            var assessed = await db.Persons().Where(p => p.UnitId == schools && db.Assessments().Count(a => a.PersonId == p.Id) == 2)
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.Key }).FirstAsync();
            key = assessed.Key;
            latest = await db.Assessments().Where(a => a.PersonId == assessed.Id).OrderByDescending(a => a.Wave!.HeldOn).Select(a => a.Profile).FirstAsync();
        }
        var other = Enum.GetValues<CompetenceProfileKind>().First(k => k != latest);
        string Graph(CompetenceProfileKind kind) => kind switch
        {
            CompetenceProfileKind.Awaiting => "AWAITING", CompetenceProfileKind.Hesitant => "HESITANT", CompetenceProfileKind.Willing => "WILLING", _ => "SELF_DRIVEN",
        };
        await _driver.OfferAsync("FORME-ALL", unitCode: "ESB");
        await _driver.OfferAsync("FORME-MINE", unitCode: "BK", targetProfiles: [Graph(latest)]);
        await _driver.OfferAsync("FORME-OTHER-PROFILE", unitCode: "ESB", targetProfiles: [Graph(other)]);
        await _driver.OfferAsync("FORME-JC-ONLY", kind: "PEER_TRAINING", unitCode: "ARB-JC");
        await _driver.OfferAsync("FORME-OVER", unitCode: "ESB", startsOn: "2020-01-01", endsOn: "2020-12-31");
        await _driver.OfferAsync("FORME-UPCOMING", unitCode: "BK-SKO", startsOn: "2030-01-01");

        var employee = _driver.Employee(key);
        var mine = await CodesAsync(employee, new { forMe = true, text = "Tilbud FORME" });
        Assert.Equal(["FORME-ALL", "FORME-MINE", "FORME-UPCOMING"], mine.Order());

        // From the Jobcenter, the Jobcenter's own peer training is there, the Skoler offer is not.
        var jobcentre = _driver.Employee(await KeyInAsync("ARB-JC"));
        var theirs = await CodesAsync(jobcentre, new { forMe = true, text = "Tilbud FORME" });
        Assert.Contains("FORME-JC-ONLY", theirs);
        Assert.DoesNotContain("FORME-UPCOMING", theirs);

        // It combines with the other conditions, and the plain catalogue still lists everything.
        Assert.Equal(["FORME-JC-ONLY"], await CodesAsync(jobcentre, new { forMe = true, kinds = new[] { "PEER_TRAINING" }, text = "Tilbud FORME" }));
        Assert.Equal(6, (await CodesAsync(employee, new { text = "Tilbud FORME" })).Count);
        // A sign-in linked to no person has no offers "for me".
        Assert.Empty(await CodesAsync(api.CreateGraphQLClient(Api.GraphQL.Authorization.Roles.InitiativeManager), new { forMe = true }));
    }

    private async Task<string> KeyInAsync(string unitCode)
    {
        await using var db = api.OpenDb();
        var unit = await db.Units().Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        return await db.Persons().Where(p => p.UnitId == unit).OrderBy(p => p.Id).Select(p => p.Key).FirstAsync();
    }

    [Theory]
    [InlineData("cafe", true)]
    [InlineData("CAFÉ", true)]
    [InlineData("Café", true)]
    [InlineData("aarhus", true)]
    [InlineData("ÅRHUS", true)]
    [InlineData("tastatur", true)]
    [InlineData("genveje", true)]
    [InlineData("Søren", true)]
    [InlineData("soren", false)]
    [InlineData("bar", false)]
    [InlineData("shortcuts", true)]
    public async Task Search_ignores_case_and_accents_and_keeps_the_Danish_letters_on_every_database(string text, bool found)
    {
        const string code = "SEARCH-CAFE";
        await using (var db = api.OpenDb())
            if (!await db.Set<Api.Initiatives.Initiative>().AnyAsync(i => i.Code == code))
                await _driver.Manager.QueryAsync("""
                    mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { errors { ... on UserError { code } } } }
                    """, new { input = new { code, kind = "DROP_IN_CAFE", title = "Café for nye systemer i Århus", description = "Søren viser tastaturgenveje og små bårer af gode vaner.",
                        englishTitle = "Café for new systems", englishDescription = "Keyboard shortcuts and good habits.", unitId = await Competitions.CompetitionDriver.UnitIdAsync(_driver.Manager, "ESB"), startsOn = "2026-01-01" } });

        var codes = await CodesAsync(_driver.Manager, new { text });
        Assert.Equal(found, codes.Contains(code));
    }

    [Fact]
    public async Task Offers_carry_a_link_and_their_texts_in_the_callers_language()
    {
        const string query = """{ initiative(code: "ELEARN-DIGIPOST") { title description url } }""";
        var danish = (await _driver.Manager.QueryAsync(query))["initiative"]!;
        var english = (await _driver.Manager.InEnglish().QueryAsync(query))["initiative"]!;
        Assert.Equal("E-læring: Digital Post i sagsbehandlingen", (string?)danish["title"]);
        Assert.StartsWith("Sådan sender", (string?)danish["description"]);
        Assert.Equal("E-learning: Digital Post in case work", (string?)english["title"]);
        Assert.StartsWith("How to send", (string?)english["description"]);
        Assert.Equal("https://laering.esbjerg.dk/digital-post", (string?)danish["url"]);

        var refused = (await _driver.Manager.QueryAsync("""
            mutation($id: ID!) { updateInitiative(input: { id: $id, url: "javascript:alert(1)" }) { errors { ... on UserError { code path } } } }
            """, new { id = (string)(await _driver.Manager.QueryAsync("""{ initiative(code: "ELEARN-DIGIPOST") { id } }"""))["initiative"]!["id"]! }))["updateInitiative"]!;
        Assert.Equal("INVALID_FORMAT", (string?)refused["errors"]![0]!["code"]);
    }
}
