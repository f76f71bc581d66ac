using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQL.Transport;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Limits;
using DigitalInitiativer.Api.Observability;
using GraphQL.Validation;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DigitalInitiativer.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP (POST and GET) per the GraphQL-over-HTTP spec: media type negotiation,
/// 400 for malformed requests, 415 for other content types, 405 for mutations over GET,
/// and the spec's status codes for results in application/graphql-response+json.
/// </summary>
public sealed class GraphQLHttpEndpoint(IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, IOptions<GraphQLSettings> options,
    GraphQLWebSocketHandler webSockets, IWebHostEnvironment environment)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    private static readonly IValidationRule[] GetRequestRules = [.. DocumentValidator.CoreRules, new OnlyQueriesOverGetRule()];
    private static readonly IValidationRule[] PostRequestRules = [.. DocumentValidator.CoreRules, new NoSubscriptionsOverHttpRule()];

    public async Task HandleAsync(HttpContext http)
    {
        if (http.WebSockets.IsWebSocketRequest)
        {
            await webSockets.HandleAsync(http);
            return;
        }
        var request = http.Request;
        if (GraphiQLPage.IsRequestedBy(request, environment))
        {
            await GraphiQLPage.WriteAsync(http, environment);
            return;
        }
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, Json, ErrorCodes.MethodNotAllowed, GraphQLTexts.MethodNotAllowed.Format());
            return;
        }

        var mediaType = NegotiateMediaType(request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status406NotAcceptable, Json, ErrorCodes.NotAcceptable,
                GraphQLTexts.NotAcceptable.Format(GraphQLResponseJson, Json));
            return;
        }

        var parsed = isGet ? ParseQueryString(request.Query) : await ReadBodyAsync(http);
        if (parsed.Error is { } error)
        {
            await WriteErrorAsync(http, error.Status, mediaType, error.Code, error.Message);
            return;
        }

        var graphQLRequest = parsed.Request!;
        if (options.Value.OnlyTrustedDocuments && graphQLRequest.DocumentId is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, ErrorCodes.TrustedDocumentRequired, GraphQLTexts.TrustedDocumentRequired.Format());
            return;
        }
        using var activity = GraphQLTelemetry.Start();
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = graphQLRequest.Query,
            DocumentId = graphQLRequest.DocumentId,
            OperationName = graphQLRequest.OperationName,
            Variables = graphQLRequest.Variables,
            Extensions = graphQLRequest.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
            ValidationRules = isGet ? GetRequestRules : PostRequestRules,
        });

        GraphQLTelemetry.Record(activity, result, graphQLRequest.OperationName, "http", startedAt);
        await WriteAsync(http, StatusOf(http, result, mediaType), mediaType, result);
    }

    private static int StatusOf(HttpContext http, ExecutionResult result, string mediaType)
    {
        if (result.Errors is not { Count: > 0 } errors)
            return StatusCodes.Status200OK;
        // The server ran out of time, which is not the client's fault.
        if (errors.Any(e => e.Code == ErrorCodes.Timeout))
            return StatusCodes.Status503ServiceUnavailable;
        if (result.Executed)
            return StatusCodes.Status200OK;
        // Refused before parsing, like an oversized body: whatever the media type.
        if (errors.Any(e => e.Code is ErrorCodes.TooManyTokens or ErrorCodes.DocumentTooDeep))
            return StatusCodes.Status400BadRequest;
        if (errors.Any(e => e is OnlyQueriesOverGetRule.NotAQueryError))
        {
            http.Response.Headers.Allow = "POST";
            return StatusCodes.Status405MethodNotAllowed;
        }
        if (errors.OfType<RateLimitedError>().FirstOrDefault() is { } limited)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(limited.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return StatusCodes.Status429TooManyRequests;
        }
        if (AccessDeniedError.StatusOf(errors) is { } denied)
        {
            if (denied == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer";
            return denied;
        }
        // The request never reached execution (parse, validation or variable errors): a client error,
        // which the spec reports as 400 in application/graphql-response+json and as 200 in legacy application/json.
        return mediaType == GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
    }

    /// <summary>The response media type the client accepts, preferring the spec's own; null when it accepts neither.</summary>
    internal static string? NegotiateMediaType(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return Json;
        if (!MediaTypeHeaderValue.TryParseList([accept], out var values)) return null;
        foreach (var value in values.Where(v => v.Quality is null or > 0).OrderByDescending(v => v.Quality ?? 1))
        {
            switch (value.MediaType.Value?.ToLowerInvariant())
            {
                case GraphQLResponseJson: return GraphQLResponseJson;
                case Json or "application/*" or "*/*": return Json;
            }
        }
        return null;
    }

    private async Task<ParsedRequest> ReadBodyAsync(HttpContext http)
    {
        var request = http.Request;
        var isJson = MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            && string.Equals(contentType.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase);
        // Browsers send form and text/plain POSTs cross-site without a CORS preflight; a custom header forces one.
        if (!isJson && !request.Headers.ContainsKey("GraphQL-Require-Preflight"))
        {
            return ParsedRequest.Fail(StatusCodes.Status400BadRequest, ErrorCodes.CsrfPreflightRequired,
                GraphQLTexts.CsrfPreflightRequired.Format());
        }
        if (!isJson
            || contentType!.Charset.HasValue && !string.Equals(contentType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return ParsedRequest.Fail(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                GraphQLTexts.UnsupportedMediaType.Format(Json, request.ContentType));
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit) return TooLarge(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit) return TooLarge(limit);
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            // The body ended before its Content-Length, usually because the client went away while sending it.
            return ParsedRequest.Fail(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, GraphQLTexts.BodyEndedEarly.Format());
        }
        if (buffer.Length == 0) return ParsedRequest.Fail(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, GraphQLTexts.BodyEmpty.Format());

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (JsonException e)
        {
            return ParsedRequest.Fail(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, GraphQLTexts.InvalidJson.Format(e.Message));
        }
        using (document)
        {
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Object => FromJsonObject(document.RootElement),
                JsonValueKind.Array => ParsedRequest.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BatchNotSupported, GraphQLTexts.BatchNotSupported.Format()),
                _ => ParsedRequest.Fail(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, GraphQLTexts.BodyNotObject.Format()),
            };
        }
    }

    private static ParsedRequest TooLarge(int limit) =>
        ParsedRequest.Fail(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, GraphQLTexts.BodyTooLarge.Format(limit / 1024));

    /// <summary>JsonDocument checks UTF-8 only when a string is read, so invalid bytes inside strings surface here.</summary>
    private ParsedRequest FromJsonObject(JsonElement body)
    {
        try
        {
            return FromJson(body);
        }
        catch (InvalidOperationException)
        {
            return ParsedRequest.Fail(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, GraphQLTexts.InvalidUtf8Json.Format());
        }
    }

    private ParsedRequest FromJson(JsonElement body)
    {
        string? query = null, operationName = null, documentId = null;
        Inputs? variables = null, extensions = null;
        var seen = new HashSet<string>();
        foreach (var property in body.EnumerateObject())
        {
            // A proxy that reads the first of two keys would check another document than the one that runs.
            if (!seen.Add(property.Name))
                return ParsedRequest.Fail(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, GraphQLTexts.ParameterTwice.Format(property.Name));
            var value = property.Value;
            var isNull = value.ValueKind == JsonValueKind.Null;
            switch (property.Name)
            {
                case "query" when value.ValueKind == JsonValueKind.String: query = value.GetString(); break;
                case "operationName" when value.ValueKind == JsonValueKind.String: operationName = value.GetString(); break;
                case "documentId" when value.ValueKind == JsonValueKind.String: documentId = value.GetString(); break;
                case "variables" when value.ValueKind == JsonValueKind.Object:
                    if (!serializer.TryRead(value.GetRawText(), out variables)) return InvalidObject(property.Name);
                    break;
                case "extensions" when value.ValueKind == JsonValueKind.Object:
                    if (!serializer.TryRead(value.GetRawText(), out extensions)) return InvalidObject(property.Name);
                    break;
                case "query" or "operationName" or "documentId" or "variables" or "extensions" when !isNull:
                    return ParsedRequest.Fail(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest,
                        (property.Name is "variables" or "extensions" ? GraphQLTexts.ParameterNotObject : GraphQLTexts.ParameterNotString).Format(property.Name));
            }
        }
        return Build(query, documentId, operationName, variables, extensions);
    }

    private ParsedRequest ParseQueryString(IQueryCollection parameters)
    {
        Inputs? variables = null, extensions = null;
        foreach (var (name, set) in new[] { ("variables", (Action<Inputs>)(v => variables = v)), ("extensions", v => extensions = v) })
        {
            if (parameters[name].FirstOrDefault() is not { Length: > 0 } text) continue;
            if (!text.TrimStart().StartsWith('{') || !serializer.TryRead(text, out var inputs)) return InvalidObject(name);
            set(inputs);
        }
        return Build(parameters["query"].FirstOrDefault(), parameters["documentId"].FirstOrDefault(), parameters["operationName"].FirstOrDefault(), variables, extensions);
    }

    private static ParsedRequest InvalidObject(string name) =>
        ParsedRequest.Fail(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, GraphQLTexts.ParameterNotJsonObject.Format(name));

    private static ParsedRequest Build(string? query, string? documentId, string? operationName, Inputs? variables, Inputs? extensions) =>
        string.IsNullOrWhiteSpace(query) && string.IsNullOrWhiteSpace(documentId)
            ? ParsedRequest.Fail(StatusCodes.Status400BadRequest, ErrorCodes.QueryMissing, GraphQLTexts.QueryMissing.Format())
            : new ParsedRequest(new GraphQLRequest
            {
                Query = string.IsNullOrWhiteSpace(query) ? null : query,
                DocumentId = string.IsNullOrWhiteSpace(documentId) ? null : documentId,
                OperationName = operationName, Variables = variables, Extensions = extensions,
            }, null);

    private Task WriteErrorAsync(HttpContext http, int status, string mediaType, string code, string message) =>
        WriteAsync(http, status, mediaType, new ExecutionResult(new ExecutionError(message) { Code = code }));

    private async Task WriteAsync(HttpContext http, int status, string mediaType, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private sealed record RequestError(int Status, string Code, string Message);

    private sealed record ParsedRequest(GraphQLRequest? Request, RequestError? Error)
    {
        public static ParsedRequest Fail(int status, string code, string message) => new(null, new RequestError(status, code, message));
    }
}
