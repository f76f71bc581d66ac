using DigitalInitiativer.Api.Observability;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.GraphQL.Transport;

/// <summary>
/// The graphql-transport-ws protocol (as spoken by the npm graphql-ws client) on a WebSocket at /graphql.
/// The connection is authenticated once, from the connection_init payload's Authorization entry.
/// </summary>
public sealed class GraphQLWebSocketHandler(
    IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, IServiceScopeFactory scopes,
    IOptions<GraphQLSettings> settings, ILogger<GraphQLWebSocketHandler> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    private readonly IDocumentExecuter<ISchema> _executer = executer;
    private readonly IGraphQLTextSerializer _serializer = serializer;
    private readonly IServiceScopeFactory _scopes = scopes;
    private readonly GraphQLSettings _settings = settings.Value;
    private readonly ILogger _logger = logger;

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
        {
            using var refused = await http.WebSockets.AcceptWebSocketAsync();
            await refused.CloseAsync((WebSocketCloseStatus)4406, "Subprotocol not acceptable", http.RequestAborted);
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync(SubProtocol);
        await new Connection(this, http, socket).RunAsync();
    }

    private sealed class Connection(GraphQLWebSocketHandler handler, HttpContext http, WebSocket socket)
    {
        private readonly ILogger _logger = handler._logger;
        private readonly SemaphoreSlim _sending = new(1, 1);
        private readonly Dictionary<string, Operation> _operations = [];
        private readonly CancellationTokenSource _closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        private bool _initReceived;
        private bool _acknowledged;
        /// <summary>The user that connection_init authenticated; every operation on the socket runs as them.</summary>
        private System.Security.Claims.ClaimsPrincipal _user = new();

        public async Task RunAsync()
        {
            var initTimeout = TimeSpan.FromSeconds(handler._settings.ConnectionInitTimeoutSeconds);
            _ = Task.Delay(initTimeout, _closing.Token).ContinueWith(async _ =>
            {
                if (!_initReceived) await CloseAsync(4408, "Connection initialisation timeout");
            }, TaskContinuationOptions.OnlyOnRanToCompletion);

            try
            {
                while (socket.State == WebSocketState.Open && await ReceiveAsync() is { } text)
                    await HandleMessageAsync(text);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client went away; nothing to answer.
            }
            finally
            {
                await _closing.CancelAsync();
                lock (_operations)
                {
                    foreach (var operation in _operations.Values) operation.Dispose();
                    _operations.Clear();
                }
            }
        }

        private async Task<string?> ReceiveAsync()
        {
            var buffer = new byte[8 * 1024];
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, _closing.Token);
                if (result.MessageType == WebSocketMessageType.Close) return null;
                message.Write(buffer, 0, result.Count);
                if (message.Length > handler._settings.MaxRequestBodyBytes)
                {
                    await CloseAsync(4400, "Message too large");
                    return null;
                }
                if (result.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }

        private async Task HandleMessageAsync(string text)
        {
            JsonObject? message;
            try { message = JsonNode.Parse(text) as JsonObject; }
            catch (JsonException) { message = null; }
            var type = StringOf(message?["type"]);
            var id = StringOf(message?["id"]);
            var payload = message?["payload"] as JsonObject;
            switch (type)
            {
                case "connection_init":
                    await InitAsync(payload);
                    break;
                case "ping":
                    await SendAsync(new JsonObject { ["type"] = "pong" });
                    break;
                case "pong":
                    break;
                case "subscribe" when id is { Length: > 0 } && (StringOf(payload?["query"]) ?? StringOf(payload?["documentId"])) is not null:
                    await SubscribeAsync(id, payload!);
                    break;
                case "complete" when id is not null:
                    Forget(id);
                    break;
                default:
                    await CloseAsync(4400, "Invalid message received");
                    break;
            }
        }

        private static string? StringOf(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

        private async Task InitAsync(JsonObject? payload)
        {
            if (_initReceived)
            {
                await CloseAsync(4429, "Too many initialisation requests");
                return;
            }
            _initReceived = true;
            var authorization = payload?.FirstOrDefault(p => string.Equals(p.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value;
            // Authentication handlers cache their result per request, and the upgrade request was already
            // authenticated without this header, so the token is checked on a fresh context in its own scope.
            await using var scope = handler._scopes.CreateAsyncScope();
            var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            probe.Request.Headers.Authorization = StringOf(authorization) ?? "";
            var result = await probe.AuthenticateAsync();
            if (!result.Succeeded || result.Principal?.Identity?.IsAuthenticated != true)
            {
                await CloseAsync(4403, "Forbidden");
                return;
            }
            _user = result.Principal;
            _acknowledged = true;
            await SendAsync(new JsonObject { ["type"] = "connection_ack" });
        }

        private async Task SubscribeAsync(string id, JsonObject payload)
        {
            if (!_acknowledged)
            {
                await CloseAsync(4401, "Unauthorized");
                return;
            }
            var operation = new Operation(handler._scopes.CreateAsyncScope(), CancellationTokenSource.CreateLinkedTokenSource(_closing.Token));
            lock (_operations)
            {
                if (!_operations.TryAdd(id, operation)) operation = null;
            }
            if (operation is null)
            {
                await CloseAsync(4409, $"Subscriber for {id} already exists");
                return;
            }
            _ = RunOperationAsync(id, payload, operation);
        }

        private async Task RunOperationAsync(string id, JsonObject payload, Operation operation)
        {
            try
            {
                if (handler._settings.OnlyTrustedDocuments && StringOf(payload["documentId"]) is null)
                {
                    var refused = new ExecutionResult(new ExecutionError(GraphQLHttpEndpoint.TrustedDocumentRequiredMessage) { Code = ErrorCodes.TrustedDocumentRequired });
                    await SendAsync(new JsonObject { ["id"] = id, ["type"] = "error", ["payload"] = ErrorsOf(refused) });
                    Forget(id);
                    return;
                }
                var serializer = handler._serializer;
                using var activity = GraphQLTelemetry.Start();
                var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                var result = await handler._executer.ExecuteAsync(new ExecutionOptions
                {
                    Query = StringOf(payload["query"]),
                    DocumentId = StringOf(payload["documentId"]),
                    OperationName = StringOf(payload["operationName"]),
                    Variables = payload["variables"] is JsonObject variables ? serializer.Deserialize<Inputs>(variables.ToJsonString()) : null,
                    Extensions = payload["extensions"] is JsonObject extensions ? serializer.Deserialize<Inputs>(extensions.ToJsonString()) : null,
                    User = _user,
                    RequestServices = operation.Scope.ServiceProvider,
                    CancellationToken = operation.Cancellation.Token,
                });

                GraphQLTelemetry.Record(activity, result, StringOf(payload["operationName"]), "websocket", startedAt);
                if (result.Streams is { Count: > 0 } streams)
                {
                    operation.Subscriptions.AddRange(streams.Values.Select(stream => stream.Subscribe(new Observer(this, id))));
                    return;
                }
                if (!result.Executed)
                {
                    await SendAsync(new JsonObject { ["id"] = id, ["type"] = "error", ["payload"] = ErrorsOf(result) });
                }
                else
                {
                    await SendResultAsync(id, result);
                    await SendAsync(new JsonObject { ["id"] = id, ["type"] = "complete" });
                }
                Forget(id);
            }
            catch (OperationCanceledException)
            {
                Forget(id);
            }
            catch (Exception e)
            {
                handler._logger.LogError(e, "WebSocket operation {Id} failed", id);
                await CloseAsync(4500, "Internal server error");
            }
        }

        private void Forget(string id)
        {
            Operation? operation;
            lock (_operations) _operations.Remove(id, out operation);
            operation?.Dispose();
        }

        private JsonNode ErrorsOf(ExecutionResult result) =>
            JsonNode.Parse(handler._serializer.Serialize(new ExecutionResult { Errors = result.Errors }))!["errors"]!.DeepClone();

        private Task SendResultAsync(string id, ExecutionResult result) =>
            SendAsync(new JsonObject { ["id"] = id, ["type"] = "next", ["payload"] = JsonNode.Parse(handler._serializer.Serialize(result)) });

        private async Task SendAsync(JsonObject message)
        {
            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await _sending.WaitAsync();
            try
            {
                if (socket.State == WebSocketState.Open)
                    await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The client is gone; the receive loop ends the connection.
            }
            finally
            {
                _sending.Release();
            }
        }

        private async Task CloseAsync(int code, string reason)
        {
            await _sending.WaitAsync();
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await socket.CloseAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
            finally
            {
                _sending.Release();
                await _closing.CancelAsync();
            }
        }

        private sealed class Observer(Connection connection, string id) : IObserver<ExecutionResult>
        {
            public void OnNext(ExecutionResult value) => _ = connection.SendResultAsync(id, value);

            public void OnError(Exception error)
            {
                connection._logger.LogWarning(error, "Subscription {Id} ended with an error", id);
                _ = connection.SendAsync(new JsonObject { ["id"] = id, ["type"] = "error", ["payload"] = new JsonArray(new JsonObject { ["message"] = "The subscription failed." }) });
                connection.Forget(id);
            }

            public void OnCompleted()
            {
                _ = connection.SendAsync(new JsonObject { ["id"] = id, ["type"] = "complete" });
                connection.Forget(id);
            }
        }
    }

    /// <summary>One running operation: its DI scope lives as long as the subscription does.</summary>
    private sealed class Operation(AsyncServiceScope scope, CancellationTokenSource cancellation) : IDisposable
    {
        public AsyncServiceScope Scope { get; } = scope;
        public CancellationTokenSource Cancellation { get; } = cancellation;
        public List<IDisposable> Subscriptions { get; } = [];

        public void Dispose()
        {
            Cancellation.Cancel();
            foreach (var subscription in Subscriptions) subscription.Dispose();
            _ = Scope.DisposeAsync().AsTask();
        }
    }
}
