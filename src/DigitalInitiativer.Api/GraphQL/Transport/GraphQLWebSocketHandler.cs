using DigitalInitiativer.Api.Observability;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.GraphQL.Transport;

/// <summary>
/// The graphql-transport-ws protocol (as spoken by the npm graphql-ws client) on a WebSocket at /graphql.
/// The connection is authenticated from the connection_init payload's Authorization entry, and lives as long as that
/// token: at its expiry the server closes the socket with 4403. Operations are capped per connection and per caller.
/// </summary>
public sealed class GraphQLWebSocketHandler(
    IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, IServiceScopeFactory scopes,
    IOptions<GraphQLSettings> settings, ILogger<GraphQLWebSocketHandler> logger, TimeProvider clock)
{
    public const string SubProtocol = "graphql-transport-ws";
    public const int TokenExpiredCloseCode = 4403;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _operationsPerCaller = new();
    private readonly PartitionedRateLimiter<string> _operationRate = PartitionedRateLimiter.Create<string, string>(
        caller => RateLimitPartition.GetTokenBucketLimiter(caller, _ => Limits.CallerRateLimits.Rate(settings.Value, signedIn: true)));
    private int _activeOperations;

    /// <summary>Operations running or subscribed on this instance's sockets; each one holds a DI scope until it ends.</summary>
    public int ActiveOperations => Volatile.Read(ref _activeOperations);

    private readonly IDocumentExecuter<ISchema> _executer = executer;
    private readonly IGraphQLTextSerializer _serializer = serializer;
    private readonly IServiceScopeFactory _scopes = scopes;
    private readonly GraphQLSettings _settings = settings.Value;
    private readonly ILogger _logger = logger;
    private readonly TimeProvider _clock = clock;

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
        {
            using var refused = await http.WebSockets.AcceptWebSocketAsync();
            try
            {
                await refused.CloseAsync((WebSocketCloseStatus)4406, "Subprotocol not acceptable", http.RequestAborted);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client left without answering the close.
            }
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync(SubProtocol);
        await new Connection(this, http, socket).RunAsync();
    }

    private sealed class Connection(GraphQLWebSocketHandler handler, HttpContext http, WebSocket socket)
    {
        private readonly ILogger _logger = handler._logger;
        /// <summary>The language of the upgrade request, for messages sent from outside it (a subscription's stream failing).</summary>
        private readonly System.Globalization.CultureInfo _uiCulture = System.Globalization.CultureInfo.CurrentUICulture;
        private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);
        private const int MaxPendingSends = 256;
        private readonly SemaphoreSlim _sending = new(1, 1);
        private int _pendingSends;
        private readonly Dictionary<string, Operation> _operations = [];
        private readonly CancellationTokenSource _closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        private bool _initReceived;
        private bool _acknowledged;
        private DateTimeOffset _tokenExpires = DateTimeOffset.MaxValue;
        private string _caller = "";
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
                // After the server's close frame, keep reading until the client answers it, but act on nothing more.
                while (socket.State is WebSocketState.Open or WebSocketState.CloseSent && await ReceiveAsync() is { } text)
                    if (socket.State == WebSocketState.Open) await HandleMessageAsync(text);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client went away, or sent a frame the socket itself refused (text that is not UTF-8: the socket
                // sends 1007 and fails the connection, as RFC 6455 asks). Nothing to answer.
            }
            finally
            {
                await _closing.CancelAsync();
                EndAllOperations();
            }
        }

        private void EndAllOperations()
        {
            lock (_operations)
            {
                foreach (var operation in _operations.Values) operation.Cancel();
                _operations.Clear();
            }
        }

        private async Task<string?> ReceiveAsync()
        {
            var buffer = new byte[8 * 1024];
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, _closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived) await CloseAsync((int)WebSocketCloseStatus.NormalClosure, "");
                    return null;
                }
                message.Write(buffer, 0, result.Count);
                if (message.Length > handler._settings.MaxRequestBodyBytes)
                {
                    await CloseAsync(4400, "Message too large");
                    return null;
                }
                // The socket itself checks that text is UTF-8, failing the connection with 1007 as RFC 6455 asks.
                if (result.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }

        private async Task HandleMessageAsync(string text)
        {
            string? type, id;
            JsonObject? payload;
            bool wellFormed;
            try
            {
                var message = JsonNode.Parse(text) as JsonObject;
                (type, id, payload) = (StringOf(message?["type"]), StringOf(message?["id"]), message?["payload"] as JsonObject);
                wellFormed = IsWellFormed(payload);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
            {
                // Not JSON, or an object with a key twice (JsonObject refuses it when first read).
                (type, id, payload, wellFormed) = (null, null, null, false);
            }
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
                case "subscribe" when id is { Length: > 0 } && wellFormed:
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

        /// <summary>The protocol's subscribe payload: query or documentId a string, operationName a string, variables and extensions objects, each optional but the first.</summary>
        private static bool IsWellFormed(JsonObject? payload) =>
            payload is not null
            && (StringOf(payload["query"]) ?? StringOf(payload["documentId"])) is not null
            && payload.All(property => property.Value is null || property.Key switch
            {
                "query" or "documentId" or "operationName" => StringOf(property.Value) is not null,
                "variables" or "extensions" => property.Value is JsonObject,
                _ => true,
            });

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
            _caller = Authorization.Caller.IdOf(_user);
            _tokenExpires = ExpiryOf(result);
            _acknowledged = true;
            await SendAsync(new JsonObject { ["type"] = "connection_ack" });
            if (_tokenExpires != DateTimeOffset.MaxValue) _ = CloseAtExpiryAsync();
        }

        /// <summary>Closes the socket with 4403 when the token expires (in steps of a day at most, as timers cannot wait longer than 49 days).</summary>
        private async Task CloseAtExpiryAsync()
        {
            try
            {
                for (var left = _tokenExpires - handler._clock.GetUtcNow(); left > TimeSpan.Zero; left = _tokenExpires - handler._clock.GetUtcNow())
                    await Task.Delay(left < TimeSpan.FromDays(1) ? left : TimeSpan.FromDays(1), handler._clock, _closing.Token);
                await CloseAsync(TokenExpiredCloseCode, "Token expired");
            }
            catch (OperationCanceledException)
            {
            }
        }

        /// <summary>When the token stops being valid: the sign-in's own expiry, else the JWT's exp claim.</summary>
        private static DateTimeOffset ExpiryOf(AuthenticateResult result)
        {
            if (result.Properties?.ExpiresUtc is { } expires) return expires;
            return long.TryParse(result.Principal?.FindFirst("exp")?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MaxValue;
        }

        private async Task SubscribeAsync(string id, JsonObject payload)
        {
            if (!_acknowledged)
            {
                await CloseAsync(4401, "Unauthorized");
                return;
            }
            // Each operation is authorised as of its own time: a token that has expired since the ack ends the session.
            if (handler._clock.GetUtcNow() >= _tokenExpires)
            {
                await CloseAsync(TokenExpiredCloseCode, "Token expired");
                return;
            }
            // The caller's operations per second, shared by all their sockets; waiting here slows a flooding socket down.
            using (var lease = await handler._operationRate.AcquireAsync(_caller, 1, _closing.Token))
            {
                if (!lease.IsAcquired)
                {
                    await RefuseAsync(id, ErrorCodes.RateLimited, GraphQLTexts.TooManyOperationsPerSecond.Format());
                    return;
                }
            }
            bool duplicate;
            string? overCap = null;
            Operation? operation = null;
            lock (_operations)
            {
                duplicate = _operations.ContainsKey(id);
                if (!duplicate)
                {
                    overCap = _operations.Count >= handler._settings.MaxOperationsPerConnection ? GraphQLTexts.TooManyOperationsOnConnection.Format(handler._settings.MaxOperationsPerConnection)
                        : !handler.TryStartOperation(_caller) ? GraphQLTexts.TooManyOperationsForCaller.Format(handler._settings.MaxOperationsPerCaller)
                        : null;
                }
                if (!duplicate && overCap is null)
                {
                    var caller = _caller;
                    operation = new Operation(handler._scopes.CreateAsyncScope(), CancellationTokenSource.CreateLinkedTokenSource(_closing.Token), () => handler.EndOperation(caller));
                    _operations.Add(id, operation);
                }
            }
            if (duplicate)
            {
                await CloseAsync(4409, $"Subscriber for {id} already exists");
                return;
            }
            if (operation is null)
            {
                await RefuseAsync(id, ErrorCodes.TooManyOperations, overCap!);
                return;
            }
            _ = RunOperationAsync(id, payload, operation);
        }

        private Task RefuseAsync(string id, string code, string message) =>
            SendErrorAsync(id, new ExecutionResult(new ExecutionError(message) { Code = code }));

        private Task SendErrorAsync(string id, ExecutionResult result) =>
            SendAsync(new JsonObject { ["id"] = id, ["type"] = "error", ["payload"] = ErrorsOf(result) });

        private async Task RunOperationAsync(string id, JsonObject payload, Operation operation)
        {
            try
            {
                if (handler._settings.OnlyTrustedDocuments && StringOf(payload["documentId"]) is null)
                {
                    Forget(id, operation);
                    await RefuseAsync(id, ErrorCodes.TrustedDocumentRequired, GraphQLTexts.TrustedDocumentRequired.Format());
                    return;
                }
                if (!TryReadInputs(payload["variables"], out var variables) || !TryReadInputs(payload["extensions"], out var extensions))
                {
                    Forget(id, operation);
                    await RefuseAsync(id, ErrorCodes.InvalidRequest, GraphQLTexts.InvalidSocketInputs.Format());
                    return;
                }
                using var activity = GraphQLTelemetry.Start();
                var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                var result = await handler._executer.ExecuteAsync(new ExecutionOptions
                {
                    Query = StringOf(payload["query"]),
                    DocumentId = StringOf(payload["documentId"]),
                    OperationName = StringOf(payload["operationName"]),
                    Variables = variables,
                    Extensions = extensions,
                    User = _user,
                    RequestServices = operation.Scope.ServiceProvider,
                    CancellationToken = operation.Cancellation.Token,
                });

                GraphQLTelemetry.Record(activity, result, StringOf(payload["operationName"]), "websocket", startedAt);
                if (result.Streams is { Count: > 0 } streams)
                {
                    foreach (var stream in streams.Values) operation.Hold(stream.Subscribe(new Observer(this, id, operation)));
                    return;
                }
                // The id is free again before the client hears the operation is over, so it may reuse it at once.
                if (!result.Executed)
                {
                    Forget(id, operation);
                    await SendErrorAsync(id, result);
                }
                else
                {
                    await SendResultAsync(id, result);
                    Forget(id, operation);
                    await SendAsync(new JsonObject { ["id"] = id, ["type"] = "complete" });
                }
            }
            catch (OperationCanceledException)
            {
                Forget(id, operation);
            }
            catch (Exception e)
            {
                handler._logger.LogError(e, "WebSocket operation {Id} failed", id);
                await CloseAsync(4500, "Internal server error");
            }
            finally
            {
                operation.ExecutionEnded();
            }
        }

        private bool TryReadInputs(JsonNode? node, out Inputs? inputs)
        {
            inputs = null;
            if (node is not JsonObject json) return true;
            var read = handler._serializer.TryRead(json.ToJsonString(), out var value);
            inputs = value;
            return read;
        }

        /// <summary>Ends the operation under <paramref name="id"/>; with <paramref name="only"/>, only if it is still that one (ids can be reused).</summary>
        private void Forget(string id, Operation? only = null)
        {
            Operation? operation;
            lock (_operations)
            {
                if (!_operations.TryGetValue(id, out operation) || only is not null && operation != only) return;
                _operations.Remove(id);
            }
            operation.Cancel();
        }

        private JsonNode ErrorsOf(ExecutionResult result) =>
            JsonNode.Parse(handler._serializer.Serialize(new ExecutionResult { Errors = result.Errors }))!["errors"]!.DeepClone();

        private Task SendResultAsync(string id, ExecutionResult result) =>
            SendAsync(new JsonObject { ["id"] = id, ["type"] = "next", ["payload"] = JsonNode.Parse(handler._serializer.Serialize(result)) });

        /// <summary>
        /// Sends one message. A client that stops reading cannot hold the server: a send that does not finish within
        /// <see cref="SendTimeout"/>, or more than <see cref="MaxPendingSends"/> messages waiting, drops the connection.
        /// </summary>
        private async Task SendAsync(JsonObject message)
        {
            try
            {
                if (Interlocked.Increment(ref _pendingSends) > MaxPendingSends || !await _sending.WaitAsync(SendTimeout))
                {
                    Drop();
                    return;
                }
                try
                {
                    using var timeout = new CancellationTokenSource(SendTimeout);
                    if (socket.State == WebSocketState.Open)
                        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException)
                {
                    Drop();
                }
                finally
                {
                    _sending.Release();
                }
            }
            finally
            {
                Interlocked.Decrement(ref _pendingSends);
            }
        }

        /// <summary>Ends the connection without a close handshake; the receive loop then ends every operation.</summary>
        private void Drop()
        {
            socket.Abort();
            _closing.Cancel();
        }

        /// <summary>
        /// Sends the close frame without waiting for the client's, and ends every operation at once; the receive loop
        /// reads the client's answer, and a client that never answers is dropped after a few seconds.
        /// </summary>
        private async Task CloseAsync(int code, string reason)
        {
            if (!await _sending.WaitAsync(SendTimeout))
            {
                Drop();
                EndAllOperations();
                return;
            }
            try
            {
                using var timeout = new CancellationTokenSource(SendTimeout);
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                socket.Abort();
            }
            finally
            {
                _sending.Release();
            }
            EndAllOperations();
            if (!_closing.IsCancellationRequested) _closing.CancelAfter(TimeSpan.FromSeconds(5));
        }

        private sealed class Observer(Connection connection, string id, Operation operation) : IObserver<ExecutionResult>
        {
            public void OnNext(ExecutionResult value) => _ = connection.SendResultAsync(id, value);

            public void OnError(Exception error)
            {
                connection._logger.LogWarning(error, "Subscription {Id} ended with an error", id);
                connection.Forget(id, operation);
                _ = connection.SendAsync(new JsonObject { ["id"] = id, ["type"] = "error", ["payload"] = new JsonArray(new JsonObject { ["message"] = GraphQLTexts.SubscriptionFailed.FormatIn(connection._uiCulture) }) });
            }

            public void OnCompleted()
            {
                connection.Forget(id, operation);
                _ = connection.SendAsync(new JsonObject { ["id"] = id, ["type"] = "complete" });
            }
        }
    }

    private bool TryStartOperation(string caller)
    {
        var max = _settings.MaxOperationsPerCaller;
        while (true)
        {
            var running = _operationsPerCaller.GetValueOrDefault(caller);
            if (running >= max) return false;
            if (running == 0 ? _operationsPerCaller.TryAdd(caller, 1) : _operationsPerCaller.TryUpdate(caller, running + 1, running)) break;
        }
        Interlocked.Increment(ref _activeOperations);
        return true;
    }

    private void EndOperation(string caller)
    {
        Interlocked.Decrement(ref _activeOperations);
        while (true)
        {
            var running = _operationsPerCaller.GetValueOrDefault(caller);
            if (running <= 1 ? _operationsPerCaller.TryRemove(new KeyValuePair<string, int>(caller, running)) : _operationsPerCaller.TryUpdate(caller, running - 1, running)) return;
        }
    }

    /// <summary>
    /// One operation. Its DI scope, and its place under the caps, are given back only when its execution has returned
    /// and it has been ended (completed, unsubscribed, or the socket closed), so a cancelled execution never runs on a
    /// disposed scope and rapid subscribe/complete cannot run more than the caps allow. A stream subscribed after the
    /// operation was ended is ended at once.
    /// </summary>
    private sealed class Operation(AsyncServiceScope scope, CancellationTokenSource cancellation, Action released)
    {
        private readonly List<IDisposable> _subscriptions = [];
        private bool _cancelled, _executing = true, _released;

        public AsyncServiceScope Scope { get; } = scope;
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public void Hold(IDisposable subscription)
        {
            lock (_subscriptions)
            {
                if (!_cancelled)
                {
                    _subscriptions.Add(subscription);
                    return;
                }
            }
            subscription.Dispose();
        }

        public void Cancel()
        {
            lock (_subscriptions)
            {
                if (_cancelled) return;
                _cancelled = true;
            }
            Cancellation.Cancel();
            foreach (var subscription in _subscriptions) subscription.Dispose();
            ReleaseIfDone();
        }

        public void ExecutionEnded()
        {
            lock (_subscriptions) _executing = false;
            ReleaseIfDone();
        }

        private void ReleaseIfDone()
        {
            lock (_subscriptions)
            {
                if (_executing || !_cancelled || _released) return;
                _released = true;
            }
            _ = Scope.DisposeAsync().AsTask();
            Cancellation.Dispose();
            released();
        }
    }
}
