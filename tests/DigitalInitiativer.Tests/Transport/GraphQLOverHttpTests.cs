using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Transport;

public sealed class GraphQLOverHttpTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _client = api.CreateAnonymousClient();

    private static HttpRequestMessage Post(string body, string? contentType = "application/json", string? accept = null, bool preflight = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        if (preflight) request.Headers.Add("GraphQL-Require-Preflight", "1");
        return request;
    }

    [Theory]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json;q=0.5, application/graphql-response+json", "application/graphql-response+json")]
    public async Task Response_media_type_follows_the_Accept_header(string accept, string expected)
    {
        var response = await _client.SendAsync(Post("""{"query":"{ __typename }"}""", accept: accept));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith(expected, response.ContentType);
        Assert.Contains("charset=utf-8", response.ContentType);
        Assert.Equal("Query", (string?)response.Data["__typename"]);
    }

    [Fact]
    public async Task An_Accept_header_that_allows_no_JSON_gets_406()
    {
        var response = await _client.SendAsync(Post("""{"query":"{ __typename }"}""", accept: "text/html"));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal(["NOT_ACCEPTABLE"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_query_over_GET_runs()
    {
        var response = await api.CreateGraphQLClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("query Q($code: String!) { initiative(code: $code) { code } }")
            + "&variables=" + Uri.EscapeDataString("""{"code":"JC-CAFE"}""")));

        response.AssertNoErrors();
        Assert.Equal("JC-CAFE", (string?)response.Data["initiative"]!["code"]);
    }

    [Fact]
    public async Task A_mutation_over_GET_gets_405_with_Allow_POST_and_changes_nothing()
    {
        var mutation = """mutation { createInitiative(input: { code: "VIA-GET", kind: OTHER, title: "x", unitId: "x", startsOn: "2026-01-01" }) { initiative { id } } }""";
        using var response = await _client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(mutation))
        {
            Headers = { Accept = { MediaTypeWithQualityHeaderValue.Parse("application/graphql-response+json") } },
        });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Contains("METHOD_NOT_ALLOWED", await response.Content.ReadAsStringAsync());
        await using var db = api.OpenDb();
        Assert.False(db.Initiatives().Any(i => i.Code == "VIA-GET"));
    }

    [Fact]
    public async Task Other_HTTP_methods_get_405_with_Allow()
    {
        using var response = await _client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}") });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Unsupported_content_types_get_415(string contentType)
    {
        var response = await _client.SendAsync(Post("""{"query":"{ __typename }"}""", contentType, preflight: true));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal(["UNSUPPORTED_MEDIA_TYPE"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task A_POST_that_is_not_JSON_without_a_preflight_header_is_refused_as_CSRF(string contentType)
    {
        var response = await _client.SendAsync(Post("""{"query":"mutation { __typename }"}""", contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["CSRF_PREFLIGHT_REQUIRED"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("""{"query": "{ __typename }" """, "INVALID_JSON")]
    [InlineData("not json at all", "INVALID_JSON")]
    [InlineData("", "INVALID_REQUEST")]
    [InlineData("""[{"query":"{ __typename }"}]""", "BATCH_NOT_SUPPORTED")]
    [InlineData("\"just a string\"", "INVALID_REQUEST")]
    [InlineData("""{"qeury":"{ __typename }"}""", "QUERY_MISSING")]
    [InlineData("""{"query": 42}""", "INVALID_REQUEST")]
    [InlineData("""{"query":"{ __typename }", "variables": "x"}""", "INVALID_REQUEST")]
    [InlineData("""{"query":"{ __typename }", "operationName": {}}""", "INVALID_REQUEST")]
    public async Task Malformed_requests_get_400_with_a_stable_code(string body, string code)
    {
        foreach (var accept in new[] { "application/json", "application/graphql-response+json" })
        {
            var response = await _client.SendAsync(Post(body, accept: accept));

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal([code], response.ErrorCodes);
            Assert.Null(response.Body["data"]);
        }
    }

    [Theory]
    [InlineData("variables=%5B1%5D")]
    [InlineData("variables=not-json")]
    [InlineData("extensions=%22x%22")]
    public async Task GET_with_variables_or_extensions_that_are_not_a_JSON_object_gets_400(string parameter)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D&" + parameter));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["INVALID_REQUEST"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_body_over_256_KB_gets_413()
    {
        var padding = new string(' ', 300 * 1024);
        var response = await _client.SendAsync(Post($$"""{"query":"{ __typename }{{padding}}"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(["REQUEST_TOO_LARGE"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_document_that_does_not_parse_is_400_for_graphql_response_json_and_200_for_json()
    {
        var strict = await _client.PostAsync("{ initiatives(", accept: "application/graphql-response+json");
        var legacy = await _client.PostAsync("{ initiatives(", accept: "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Equal("SYNTAX_ERROR", strict.ErrorCodes.Single());
        Assert.Null(strict.Body["data"]);
    }

    [Fact]
    public async Task A_subscription_over_HTTP_is_refused_with_WEBSOCKET_REQUIRED()
    {
        var response = await api.CreateGraphQLClient().PostAsync("subscription { proposalVotesChanged(competitionId: \"x\") { voteCount } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["WEBSOCKET_REQUIRED"], response.ErrorCodes);
    }
}
