using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace DigitalInitiativer.Tests.Infrastructure;

/// <summary>A bare graphql-transport-ws connection, for tests that check the protocol's rules message by message.</summary>
public sealed class GraphQLSocket(ClientWebSocket socket) : IDisposable
{
    public ClientWebSocket Socket => socket;

    public static async Task<GraphQLSocket> ConnectAsync(string url, string? subProtocol = "graphql-transport-ws", string? acceptLanguage = null)
    {
        var socket = new ClientWebSocket();
        if (subProtocol is not null) socket.Options.AddSubProtocol(subProtocol);
        if (acceptLanguage is not null) socket.Options.SetRequestHeader("Accept-Language", acceptLanguage);
        await socket.ConnectAsync(new Uri(url), CancellationToken.None);
        return new GraphQLSocket(socket);
    }

    /// <summary>Connected and acknowledged with <paramref name="token"/>.</summary>
    public static async Task<GraphQLSocket> AcknowledgedAsync(string url, string token, string? acceptLanguage = null)
    {
        var connection = await ConnectAsync(url, acceptLanguage: acceptLanguage);
        await connection.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + token } });
        Assert.Contains("connection_ack", (await connection.ReceiveAsync()).Text);
        return connection;
    }

    public Task SendAsync(object message) => SendRawAsync(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(message)));

    public Task SendRawAsync(byte[] message) => socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message's text, or the close code when the server closed the socket.</summary>
    public async Task<(string? Text, int? CloseCode)> ReceiveAsync(double timeoutSeconds = 10)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return result.MessageType == WebSocketMessageType.Close
            ? (null, (int?)socket.CloseStatus)
            : (Encoding.UTF8.GetString(buffer, 0, result.Count), null);
    }

    public async Task<JsonNode> ReceiveMessageAsync(double timeoutSeconds = 10)
    {
        var (text, closeCode) = await ReceiveAsync(timeoutSeconds);
        return text is null ? throw new InvalidOperationException($"The server closed the socket with {closeCode}.") : JsonNode.Parse(text)!;
    }

    public void Dispose() => socket.Dispose();
}
