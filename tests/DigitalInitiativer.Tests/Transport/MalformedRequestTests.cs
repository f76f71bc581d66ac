using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Transport;

/// <summary>
/// Malformed requests, sent as an attacker would, over HTTP and over the WebSocket. Each gets a 4xx (or, on the socket,
/// the protocol's 4400 close or an error message) with a code docs/errors.md documents: never a 500, INTERNAL_ERROR or a stack trace.
/// </summary>
public sealed class MalformedRequestTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28, 0xFF, 0xFE];

    private static string Nested(int depth) => "{ " + string.Concat(Enumerable.Repeat("a { ", depth)) + "b" + new string('}', depth) + " }";

    private static readonly string TwentyThousandFields = "{ " + string.Concat(Enumerable.Repeat("__typename ", 20_000)) + "}";

    /// <summary>GraphQL documents that are well-formed JSON but break the document's limits or name no runnable operation.</summary>
    public static TheoryData<string, string, string> Documents => new()
    {
        { "20,000 repeated fields", TwentyThousandFields, "TOO_MANY_TOKENS" },
        { "a selection nested 3,000 deep", Nested(3_000), "TOO_MANY_TOKENS" },
        { "a selection nested 200 deep", Nested(200), "DOCUMENT_TOO_DEEP" },
        { "a list value nested 300 deep", "{ __typename(x: " + new string('[', 300) + new string(']', 300) + ") }", "DOCUMENT_TOO_DEEP" },
        { "an unknown operation name", "query Known { __typename }", "INVALID_OPERATION_NAME" },
        { "two operations and no name", "query A { __typename } query B { __typename }", "NO_OPERATION_NAME" },
        { "no operation at all", "fragment F on Query { __typename }", "NO_OPERATION" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_document_past_the_limits_gets_400_over_HTTP(string what, string query, string code)
    {
        var operationName = code == "INVALID_OPERATION_NAME" ? "Unknown" : null;
        foreach (var accept in new[] { "application/graphql-response+json", "application/json" })
        {
            var response = await SendAsync(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { query, operationName }), accept);

            Assert.True(response.Status == HttpStatusCode.BadRequest || accept == "application/json" && code.Contains("OPERATION"), $"{what}: {response.Status}");
            AssertRefused(response.Body, code, what);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_document_past_the_limits_gets_an_error_message_on_the_WebSocket(string what, string query, string code)
    {
        using var socket = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, Token());
        var operationName = code == "INVALID_OPERATION_NAME" ? "Unknown" : null;

        await socket.SendAsync(new { id = "1", type = "subscribe", payload = new { query, operationName } });
        var message = await socket.ReceiveMessageAsync();

        Assert.Equal("error", (string?)message["type"]);
        AssertRefused(new JsonObject { ["errors"] = message["payload"]!.DeepClone() }, code, what);
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string?)(await socket.ReceiveMessageAsync())["type"]);
    }

    /// <summary>Request bodies that are not the GraphQL-over-HTTP request shape.</summary>
    public static TheoryData<string, byte[], string> Bodies => new()
    {
        { "invalid UTF-8 in the query", [.. "{\"query\":\"{ __typename "u8, .. InvalidUtf8, .. "}\"}"u8], "INVALID_JSON" },
        { "invalid UTF-8 in the operation name", [.. "{\"query\":\"{ __typename }\",\"operationName\":\""u8, .. InvalidUtf8, .. "\"}"u8], "INVALID_JSON" },
        { "invalid UTF-8 in a property name", [.. "{\"query\":\"{ __typename }\",\""u8, .. InvalidUtf8, .. "\":1}"u8], "INVALID_JSON" },
        { "invalid UTF-8 in variables", [.. "{\"query\":\"{ __typename }\",\"variables\":{\"a\":\""u8, .. InvalidUtf8, .. "\"}}"u8], "INVALID_JSON" },
        { "invalid JSON", "{\"query\": "u8.ToArray(), "INVALID_JSON" },
        { "JSON nested 10,000 deep", Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"variables\":{\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}}"), "INVALID_JSON" },
        { "query a number", "{\"query\": 42}"u8.ToArray(), "INVALID_REQUEST" },
        { "query an object", "{\"query\": {}}"u8.ToArray(), "INVALID_REQUEST" },
        { "variables a string", "{\"query\":\"{ __typename }\",\"variables\":\"x\"}"u8.ToArray(), "INVALID_REQUEST" },
        { "variables a list", "{\"query\":\"{ __typename }\",\"variables\":[1]}"u8.ToArray(), "INVALID_REQUEST" },
        { "extensions a number", "{\"query\":\"{ __typename }\",\"extensions\":5}"u8.ToArray(), "INVALID_REQUEST" },
        { "operationName a list", "{\"query\":\"{ __typename }\",\"operationName\":[]}"u8.ToArray(), "INVALID_REQUEST" },
        { "a body that is a number", "7"u8.ToArray(), "INVALID_REQUEST" },
        { "the query twice", "{\"query\":\"{ me { roles } }\",\"query\":\"{ __typename }\"}"u8.ToArray(), "INVALID_REQUEST" },
        { "a variable twice", "{\"query\":\"{ __typename }\",\"variables\":{\"a\":1,\"a\":2}}"u8.ToArray(), "INVALID_REQUEST" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_body_gets_400_over_HTTP(string what, byte[] body, string code)
    {
        foreach (var accept in new[] { "application/graphql-response+json", "application/json" })
        {
            var response = await SendAsync(body, accept);

            Assert.True(response.Status == HttpStatusCode.BadRequest, $"{what}: {response.Status}");
            AssertRefused(response.Body, code, what);
        }
    }

    /// <summary>
    /// The protocol closes with 4400 for a message that is not a well-formed graphql-transport-ws message; RFC 6455 with
    /// 1007 for a text frame that is not UTF-8.
    /// </summary>
    public static TheoryData<string, byte[], int> Messages => new()
    {
        { "invalid UTF-8", [.. "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename "u8, .. InvalidUtf8, .. "}\"}}"u8], 1007 },
        { "invalid JSON", "{\"type\":"u8.ToArray(), 4400 },
        { "query a number", "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":42}}"u8.ToArray(), 4400 },
        { "variables a string", "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\",\"variables\":\"x\"}}"u8.ToArray(), 4400 },
        { "extensions a list", "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\",\"extensions\":[]}}"u8.ToArray(), 4400 },
        { "operationName a number", "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\",\"operationName\":1}}"u8.ToArray(), 4400 },
        { "no payload", "{\"id\":\"1\",\"type\":\"subscribe\"}"u8.ToArray(), 4400 },
        { "a key twice in the message", "{\"type\":\"subscribe\",\"type\":\"ping\",\"id\":\"1\",\"payload\":{\"query\":\"{ __typename }\"}}"u8.ToArray(), 4400 },
        { "a key twice in the payload", "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"{ __typename }\",\"query\":\"{ x }\"}}"u8.ToArray(), 4400 },
        { "an id that is a number", "{\"id\":1,\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\"}}"u8.ToArray(), 4400 },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task A_malformed_message_closes_the_WebSocket_with_4400(string what, byte[] message, int closeCode)
    {
        using var socket = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, Token());

        await socket.SendRawAsync(message);

        if (closeCode == 1007)
        {
            // .NET's socket fails such a connection itself: it sends 1007 and drops the connection, so the client
            // may see the drop before the close frame. Either way the session is over and the server serves on.
            var ended = await Record.ExceptionAsync(async () => Assert.Equal(1007, (await socket.ReceiveAsync()).CloseCode));
            Assert.True(ended is null or System.Net.WebSockets.WebSocketException, ended?.ToString());
            using var next = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, Token());
            return;
        }
        Assert.True((await socket.ReceiveAsync()).CloseCode == closeCode, what);
    }

    [Fact]
    public async Task A_variable_twice_gets_an_error_message_and_the_socket_stays_open()
    {
        using var socket = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, Token());

        await socket.SendRawAsync("{\"type\":\"subscribe\",\"id\":\"v\",\"payload\":{\"query\":\"{ __typename }\",\"variables\":{\"a\":1,\"a\":2}}}"u8.ToArray());
        var message = await socket.ReceiveMessageAsync();

        Assert.Equal(("error", "INVALID_REQUEST"), ((string?)message["type"], (string?)message["payload"]![0]!["extensions"]!["code"]));
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string?)(await socket.ReceiveMessageAsync())["type"]);
    }

    private string Token() => api.Services.GetRequiredService<DevTokens>().Create(Roles.Employee, "demo-0007");

    private async Task<GraphQLResponse> SendAsync(byte[] body, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await api.CreateGraphQLClient(Roles.Employee, "demo-0007").SendAsync(request);
    }

    private static void AssertRefused(JsonNode body, string code, string what)
    {
        Assert.Null(body["data"]);
        var codes = body["errors"]!.AsArray().Select(e => (string?)e!["extensions"]?["code"]).ToList();
        Assert.True(codes.SequenceEqual([code]), $"{what}: {body.ToJsonString()}");
        Assert.Contains($"`{code}`", DigitalInitiativer.Tests.Schema.ErrorCodeDocsTests.ErrorReference);
        Assert.DoesNotMatch(@"\bat [\w.]+\(|\.cs:line|Exception", body.ToJsonString());
    }
}
