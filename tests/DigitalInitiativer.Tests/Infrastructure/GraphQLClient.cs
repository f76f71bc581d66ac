using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalInitiativer.Tests.Infrastructure;

public sealed record GraphQLResponse(HttpStatusCode Status, string? ContentType, JsonNode Body)
{
    public JsonNode Data => Body["data"] ?? throw new InvalidOperationException($"No data in response: {Body.ToJsonString()}");
    public JsonArray? Errors => Body["errors"]?.AsArray();
    public IReadOnlyList<string> ErrorCodes => Errors?.Select(e => (string?)e!["extensions"]?["code"] ?? "").ToList() ?? [];

    public GraphQLResponse AssertNoErrors()
    {
        Assert.True(Errors is null || Errors.Count == 0, $"Unexpected errors: {Body.ToJsonString()}");
        Assert.Equal(HttpStatusCode.OK, Status);
        return this;
    }
}

/// <summary>Posts GraphQL requests to /graphql the way a front-end would.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http => http;

    /// <summary>
    /// Asks for texts in <paramref name="language"/> (sent as Accept-Language) on every later request; without it the API
    /// answers in Danish. Returns the same client, e.g. <c>api.CreateGraphQLClient().InLanguage("en")</c>.
    /// </summary>
    public GraphQLClient InLanguage(string language)
    {
        http.DefaultRequestHeaders.AcceptLanguage.Clear();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return this;
    }

    /// <summary>Asks for English texts: for tests that read a message rather than its code.</summary>
    public GraphQLClient InEnglish() => InLanguage("en");

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers = { Accept = { MediaTypeWithQualityHeaderValue.Parse(accept) } },
        });
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(),
            text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    /// <summary>Runs a query that must succeed and returns its data.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null) => (await PostAsync(query, variables)).AssertNoErrors().Data;
}
