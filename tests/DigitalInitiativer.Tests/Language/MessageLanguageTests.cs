using System.Net;
using System.Text;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Tests.Features;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Language;

/// <summary>
/// Through HTTP into the real app: texts people read are Danish by default and with Accept-Language: da, English with
/// Accept-Language: en (or ?ui-culture=en), and the codes clients branch on are the same in both.
/// </summary>
public sealed class MessageLanguageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>No header, then each header, with whether the answer should be in English.</summary>
    public static TheoryData<string?, bool> Languages() => new()
    {
        { null, false },
        { "da", false },
        { "da-DK,da;q=0.9,en;q=0.8", false },
        { "en", true },
        { "en-GB,en;q=0.9", true },
        { "fr", false },
    };

    private GraphQLClient Client(string? language, string role = Roles.Administrator, string? personKey = null)
    {
        var client = api.CreateGraphQLClient(role, personKey);
        return language is null ? client : client.InLanguage(language);
    }

    private GraphQLClient Anonymous(string? language)
    {
        var client = api.CreateAnonymousClient();
        return language is null ? client : client.InLanguage(language);
    }

    private async Task<string> UnitIdAsync(string code) =>
        (string)(await api.CreateGraphQLClient().QueryAsync("query($code: String!) { organisationUnit(code: $code) { id } }", new { code }))["organisationUnit"]!["id"]!;

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_typed_mutation_error_comes_in_the_asked_language_with_the_same_code(string? language, bool english)
    {
        var input = InitiativeMutationTests.NewInitiative($"LANG-EMPTY-{Guid.NewGuid():N}"[..20], await UnitIdAsync("ARB-JC"), title: "");

        var error = (await Client(language, Roles.InitiativeManager, "demo-0011").QueryAsync(InitiativeMutationTests.Create, new { input }))["createInitiative"]!["errors"]![0]!;

        Assert.Equal("REQUIRED", (string?)error["code"]);
        Assert.Equal(english ? "'title' must not be empty." : "'title' skal udfyldes.", (string?)error["message"]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_sign_in_refusal_comes_in_the_asked_language_with_the_same_code(string? language, bool english)
    {
        var response = await Anonymous(language).PostAsync("{ competenceProfiles { name } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
        Assert.StartsWith(english ? "Sign in to use '" : "Du skal være logget ind for at bruge '", (string?)response.Errors![0]!["message"]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task An_invalid_id_comes_in_the_asked_language_with_the_same_code(string? language, bool english)
    {
        var response = await Client(language).PostAsync("""{ node(id: "nope") { id } }""");

        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
        Assert.Equal(english ? "'nope' is not a valid global id." : "'nope' er ikke et gyldigt globalt id.", (string?)response.Errors![0]!["message"]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_transport_error_comes_in_the_asked_language_with_the_same_code(string? language, bool english)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("[]", Encoding.UTF8, "application/json") };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await api.CreateAnonymousClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BATCH_NOT_SUPPORTED"], response.ErrorCodes);
        Assert.StartsWith(english ? "Batched requests are not supported" : "Flere operationer i én forespørgsel understøttes ikke", (string?)response.Errors![0]!["message"]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Profile_names_and_descriptions_come_in_the_asked_language_and_personas_and_kinds_stay(string? language, bool english)
    {
        var profiles = (await Client(language, Roles.Employee, "demo-0031").QueryAsync("{ competenceProfiles { kind name persona description } }"))["competenceProfiles"]!.AsArray();

        Assert.Equal(["AWAITING", "HESITANT", "WILLING", "SELF_DRIVEN"], profiles.Select(p => (string)p!["kind"]!));
        Assert.Equal(english ? ["Awaiting", "Hesitant", "Willing", "Self-driven"] : ["Afventende", "Tøvende", "Velvillig", "Selvkørende"],
            profiles.Select(p => (string)p!["name"]!));
        Assert.Equal(["Anna Afventende", "Torben Tøvende", "Victor Velvillig", "Signe Selvkørende"], profiles.Select(p => (string)p!["persona"]!));
        Assert.StartsWith(english ? "Keeps away from digital tools" : "Holder sig fra digitale værktøjer", (string?)profiles[0]!["description"]);
    }

    [Fact]
    public async Task The_ui_culture_query_parameter_asks_for_English_too()
    {
        var client = api.CreateAnonymousClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql?ui-culture=en")
        {
            Content = new StringContent("""{"query":"{ competenceProfiles { name } }"}""", Encoding.UTF8, "application/json"),
        };

        var response = await client.SendAsync(request);

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
        Assert.StartsWith("Sign in to use '", (string?)response.Errors![0]!["message"]);
    }

    [Fact]
    public async Task The_same_request_gets_the_same_codes_in_both_languages()
    {
        const string Query = """{ node(id: "nope") { id } a: competenceProfiles { kind } }""";
        var danish = await api.CreateAnonymousClient().PostAsync(Query);
        var english = await api.CreateAnonymousClient().InEnglish().PostAsync(Query);

        Assert.Equal(danish.Status, english.Status);
        Assert.Equal(danish.ErrorCodes, english.ErrorCodes);
        Assert.NotEqual((string?)danish.Errors![0]!["message"], (string?)english.Errors![0]!["message"]);
    }
}
