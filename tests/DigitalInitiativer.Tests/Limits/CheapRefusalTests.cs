using System.Diagnostics;
using System.Net;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Limits;

/// <summary>
/// Heavy documents are refused before the work that grows with their size: tokens are counted before parsing, and who
/// may use what is checked before GraphQL.NET's validation (whose overlapping-fields rule grows with the square of
/// repeated fields). Seen as the production app answers anonymous and signed-in callers.
/// </summary>
public sealed class CheapRefusalTests(ProductionApiFactory api) : IClassFixture<ProductionApiFactory>
{
    private static string Repeated(string selection, int times) => "{ " + string.Concat(Enumerable.Repeat(selection + " ", times)) + "}";

    [Fact]
    public async Task An_anonymous_document_of_20000_fields_gets_400_TOO_MANY_TOKENS_at_once()
    {
        var anonymous = api.CreateAnonymousClient();
        await anonymous.PostAsync("{ __typename }"); // warm up

        var clock = Stopwatch.StartNew();
        var response = await anonymous.PostAsync(Repeated("__typename", 20_000));
        clock.Stop();

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["TOO_MANY_TOKENS"], response.ErrorCodes);
        // Before the limit this took 6 to 12 seconds of CPU; a generous bound that a shared machine still meets.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    /// <summary>Fragments spreading two fragments each, <paramref name="levels"/> deep: 2^levels fields in a few hundred tokens.</summary>
    private static string FragmentBomb(int levels, string leaf) =>
        "{ __typename ...A0 ...B0 } "
        + string.Concat(Enumerable.Range(0, levels).Select(i => $"fragment A{i} on Query {{ ...A{i + 1} ...B{i + 1} }} fragment B{i} on Query {{ ...A{i + 1} ...B{i + 1} }} "))
        + $"fragment A{levels} on Query {{ {leaf} }} fragment B{levels} on Query {{ {leaf} }}";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_fragment_bomb_is_refused_before_it_is_expanded(bool signedIn)
    {
        var client = signedIn ? api.CreateEntraClient(Roles.Evaluator) : api.CreateAnonymousClient();
        var bomb = FragmentBomb(22, signedIn ? "surveyWaves { year }" : "__typename");
        Assert.True(Api.GraphQL.Limits.LimitedDocumentBuilder.CountTokens(bomb, int.MaxValue) < 1000);

        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync(bomb);
        clock.Stop();

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["TOO_MANY_FIELDS"], response.ErrorCodes);
        // Expanded, this document selects 8 million fields; executing it took 20 s before the guard.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        (await client.PostAsync(FragmentBomb(8, signedIn ? "surveyWaves { year }" : "__typename"))).AssertNoErrors();
    }

    [Fact]
    public void The_largest_real_document_has_room_under_the_token_limit()
    {
        var largest = RealQueries.All.Max(query => Api.GraphQL.Limits.LimitedDocumentBuilder.CountTokens(query, int.MaxValue));

        Assert.True(largest * 2 <= new Api.GraphQL.GraphQLSettings().MaxTokens, $"largest real document: {largest} tokens");
    }

    [Fact]
    public async Task A_caller_is_refused_for_what_they_may_not_use_before_the_rest_of_the_document_is_validated()
    {
        // Both documents also break a validation rule; only the access refusal comes back, so validation never ran.
        const string invalidRest = "initiatives(first: 1, nosuchargument: 1) { totalCount } ";
        var anonymous = await api.CreateAnonymousClient().PostAsync(Repeated(invalidRest + "surveyWaves { year }", 1));
        var employee = await api.CreateEntraClient(Roles.Employee).PostAsync("{ " + invalidRest + "auditLog(subjectId: \"UGVyc29uOjE\") { totalCount } }");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.All(anonymous.ErrorCodes, code => Assert.Equal("AUTH_NOT_AUTHENTICATED", code));
        Assert.Equal(HttpStatusCode.Forbidden, employee.Status);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], employee.ErrorCodes);
    }

    [Theory]
    [InlineData("{ REPEAT }")]
    [InlineData("{ initiatives { nodes { REPEAT } } }")]
    [InlineData("{ INLINE }")]
    [InlineData("{ ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F } fragment F on Query { __typename }")]
    public async Task A_selection_that_repeats_a_name_more_than_20_times_is_refused_before_validation(string shape)
    {
        var query = shape.Replace("REPEAT", string.Concat(Enumerable.Repeat("__typename ", 21)))
            .Replace("INLINE", string.Concat(Enumerable.Repeat("... on Query { __typename } ", 21)));
        var twenty = shape.Replace("REPEAT", string.Concat(Enumerable.Repeat("__typename ", 20)));

        var response = await api.CreateEntraClient(Roles.Evaluator).PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["TOO_MANY_REPEATED_FIELDS"], response.ErrorCodes);
        if (shape.Contains("REPEAT")) (await api.CreateEntraClient(Roles.Evaluator).PostAsync(twenty)).AssertNoErrors();
    }

    [Theory]
    [InlineData("{ noSuchField }", "{ initiatives { totalCount } }")]
    [InlineData("{ __typename secretField }", "{ __typename surveyWaves { year } }")]
    [InlineData("{ initiatives { nodes { noSuchField } } }", "{ initiatives { nodes { title } } }")]
    [InlineData("query A { __typename } query B { noSuchField }", "query A { __typename } query B { initiatives { totalCount } }")]
    [InlineData("{ __typename noSuchField @skip(if: true) }", "{ __typename initiatives @skip(if: true) { totalCount } }")]
    [InlineData("{ __typename ... on NoSuchType { __typename } }", "{ __typename ... on Initiative { __typename } }")]
    [InlineData("query($x: NoSuchType) { __typename }", "query($x: InitiativeFilter) { __typename }")]
    [InlineData("{ __typename } fragment F on NoSuchType { __typename }", "{ __typename } fragment F on Initiative { __typename }")]
    public async Task Without_a_sign_in_an_unknown_field_is_refused_exactly_as_a_protected_one(string unknown, string known)
    {
        var anonymous = api.CreateAnonymousClient();
        var operationName = unknown.StartsWith("query A") ? "A" : null;

        var forUnknown = await anonymous.SendAsync(Post(unknown, operationName));
        var forProtected = await anonymous.SendAsync(Post(known, operationName));

        Assert.Equal(HttpStatusCode.Unauthorized, forUnknown.Status);
        Assert.Equal(forProtected.Status, forUnknown.Status);
        Assert.Equal(forProtected.ErrorCodes, forUnknown.ErrorCodes);
        Assert.Equal(Shape(forProtected), Shape(forUnknown));
    }

    private static HttpRequestMessage Post(string query, string? operationName) => new(HttpMethod.Post, "/graphql")
    {
        Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query, operationName }), System.Text.Encoding.UTF8, "application/json"),
        Headers = { { "Accept", "application/graphql-response+json" } },
    };

    /// <summary>The messages with the caller's own field names taken out: what is left must not differ.</summary>
    private static string Shape(GraphQLResponse response) =>
        string.Join("|", response.Errors!.Select(e => System.Text.RegularExpressions.Regex.Replace((string)e!["message"]!, "'[^']*'", "'…'")));

    public static TheoryData<string> Typos => new()
    {
        "{ initiatives { nodes { titl } } }",
        "{ initiatives(firs: 2) { totalCount } }",
        "{ initiatives(where: { kinds: [DROP_IN_CAF] }) { totalCount } }",
        "{ initiatives(order: { fild: TITLE }) { totalCount } }",
        "{ initiative { title } }",
        "{ surveyWave { year } }",
        "query($n: Itn) { initiatives(first: $n) { totalCount } }",
        "{ initiatives { nodes { ... on Initiativ { title } } } }",
        "{ organisationUnits { nodes { nme } } }",
        "{ competenceProfiles { kinds } }",
    };

    [Theory]
    [MemberData(nameof(Typos))]
    public async Task No_error_suggests_a_name_to_anyone_outside_Development(string typo)
    {
        foreach (var client in new[] { api.CreateAnonymousClient(), api.CreateEntraClient(Roles.Administrator) })
        {
            var body = (await client.PostAsync(typo)).Body.ToJsonString();

            Assert.DoesNotContain("did you mean", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("mean", body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
