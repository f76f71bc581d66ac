using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Transport;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Transport;

/// <summary>Small caps, so a test can reach them.</summary>
public sealed class SocketLimitsApiFactory : KestrelApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("GraphQL:MaxOperationsPerConnection", "3"),
        new("GraphQL:MaxOperationsPerCaller", "5"),
    ];
}

/// <summary>
/// A clock the test can move forward without firing timers: the socket's own expiry timer stays an hour away, so only the
/// check each operation makes as of its own time can end the session.
/// </summary>
public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class SettableClockApiFactory : KestrelApiFactory
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class WebSocketOperationTimeTests(SettableClockApiFactory api) : IClassFixture<SettableClockApiFactory>
{
    [Fact]
    public async Task Each_operation_is_authorised_as_of_its_own_time()
    {
        var token = api.Services.GetRequiredService<DevTokens>().Create(Roles.InitiativeManager, "demo-0011", TimeSpan.FromHours(1));
        using var socket = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, token);
        await socket.SubscribeAsync("before", "{ me { person { key } } }");
        Assert.Equal("next", (string?)(await socket.ReceiveMessageAsync())["type"]);
        Assert.Equal("complete", (string?)(await socket.ReceiveMessageAsync())["type"]);

        api.Clock.Now += TimeSpan.FromHours(2);
        await socket.SubscribeAsync("after", "mutation { recordParticipations(input: { items: [] }) { errors { __typename } } }");

        var (text, closeCode) = await socket.ReceiveAsync();
        Assert.Null(text);
        Assert.Equal(4403, closeCode);
    }
}

public sealed class SocketRateApiFactory : KestrelApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("GraphQL:RequestsPerSecond", "2"), new("GraphQL:BurstSeconds", "1"), new("GraphQL:RateLimitQueue", "0")];
}

public sealed class WebSocketRateTests(SocketRateApiFactory api) : IClassFixture<SocketRateApiFactory>
{
    [Fact]
    public async Task Operations_over_the_callers_rate_get_RATE_LIMITED_on_the_socket()
    {
        var token = api.Services.GetRequiredService<DevTokens>().Create(Roles.Employee, "demo-0015");
        using var socket = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, token);

        for (var i = 0; i < 6; i++) await socket.SubscribeAsync($"q{i}", "{ __typename }");
        var codes = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            var message = await socket.ReceiveMessageAsync();
            if ((string?)message["type"] == "error") codes.Add((string?)message["payload"]![0]!["extensions"]!["code"]);
            if ((string?)message["type"] == "next") await socket.ReceiveMessageAsync(); // its complete
        }

        Assert.Contains("RATE_LIMITED", codes);
    }
}

/// <summary>A WebSocket session lives as long as its token, and what its operations hold is capped and given back.</summary>
public sealed class WebSocketSessionTests(SocketLimitsApiFactory api) : IClassFixture<SocketLimitsApiFactory>
{
    private const string VotesChanged = "subscription($id: ID!) { proposalVotesChanged(competitionId: $id) { voteCount } }";
    private static readonly object Competition = new { id = GlobalIds.Of("IdeaCompetition", 1) };

    private GraphQLWebSocketHandler Handler => api.Services.GetRequiredService<GraphQLWebSocketHandler>();

    private string Token(string person, TimeSpan? lifetime = null) => api.Services.GetRequiredService<DevTokens>().Create(Roles.Employee, person, lifetime);

    [Fact]
    public async Task When_the_token_expires_the_server_closes_the_socket_with_4403_and_frees_its_subscription()
    {
        var before = await NoneRunningAsync();
        using var socket = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, Token("demo-0011", TimeSpan.FromSeconds(3)));
        await socket.SubscribeAsync("votes", VotesChanged, Competition);
        await socket.SubscribeAsync("q", "{ me { person { key } } }");
        Assert.Equal("next", (string?)(await socket.ReceiveMessageAsync())["type"]);
        Assert.Equal("complete", (string?)(await socket.ReceiveMessageAsync())["type"]);
        Assert.Equal(before + 1, Handler.ActiveOperations);

        var (text, closeCode) = await socket.ReceiveAsync(timeoutSeconds: 10);

        Assert.Null(text);
        Assert.Equal(4403, closeCode);
        await Eventually(() => Handler.ActiveOperations == before);
    }

    [Fact]
    public async Task Operations_are_capped_per_connection_and_per_caller_and_the_socket_stays_open()
    {
        var before = await NoneRunningAsync();
        var token = Token("demo-0012");
        using var first = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, token);
        for (var i = 0; i < 3; i++) await first.SubscribeAsync($"s{i}", VotesChanged, Competition);

        await first.SubscribeAsync("one-too-many", VotesChanged, Competition);
        var refused = await first.ReceiveMessageAsync();
        Assert.Equal(("error", "one-too-many"), ((string?)refused["type"], (string?)refused["id"]));
        Assert.Equal("TOO_MANY_OPERATIONS", (string?)refused["payload"]![0]!["extensions"]!["code"]);
        await first.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string?)(await first.ReceiveMessageAsync())["type"]);

        // The same caller on a second socket: 2 more fit under the caller's cap of 5.
        using var second = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, token);
        for (var i = 0; i < 3; i++) await second.SubscribeAsync($"t{i}", VotesChanged, Competition);
        Assert.Equal("t2", (string?)(await second.ReceiveMessageAsync())["id"]);
        Assert.Equal(before + 5, Handler.ActiveOperations);

        // Completing one gives its place back.
        await first.SendAsync(new { id = "s0", type = "complete" });
        await Eventually(() => Handler.ActiveOperations == before + 4);
        await second.SubscribeAsync("t3", VotesChanged, Competition);
        await second.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string?)(await second.ReceiveMessageAsync())["type"]);
        Assert.Equal(before + 5, Handler.ActiveOperations);
    }

    [Fact]
    public async Task Hundreds_of_subscriptions_on_one_socket_hold_only_the_cap_and_closing_frees_them()
    {
        var before = await NoneRunningAsync();
        using var socket = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, Token("demo-0013"));

        // 400 (not thousands): past a burst, subscribes are paced to the caller's rate, so more would only take longer.
        for (var i = 0; i < 400; i++) await socket.SubscribeAsync($"s{i}", VotesChanged, Competition);
        var refusals = 0;
        while (refusals < 397)
        {
            var message = await socket.ReceiveMessageAsync();
            if ((string?)message["payload"]?[0]?["extensions"]?["code"] == "TOO_MANY_OPERATIONS") refusals++;
        }
        Assert.Equal(before + 3, Handler.ActiveOperations);

        await socket.Socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        await Eventually(() => Handler.ActiveOperations == before);
    }

    [Fact]
    public async Task An_id_is_free_again_as_soon_as_its_operation_is_over()
    {
        var before = await NoneRunningAsync();
        using var socket = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, Token("demo-0014"));

        for (var round = 0; round < 3; round++)
        {
            await socket.SubscribeAsync("q", "{ me { person { key } } }");
            Assert.Equal("next", (string?)(await socket.ReceiveMessageAsync())["type"]);
            Assert.Equal("complete", (string?)(await socket.ReceiveMessageAsync())["type"]);
        }
        for (var round = 0; round < 3; round++)
        {
            await socket.SubscribeAsync("s", VotesChanged, Competition);
            await socket.SendAsync(new { id = "s", type = "complete" });
        }
        await socket.SubscribeAsync("s", VotesChanged, Competition);
        await socket.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (string?)(await socket.ReceiveMessageAsync())["type"]);
        await Eventually(() => Handler.ActiveOperations == before + 1);
    }

    /// <summary>The sockets of the test before are closed by their client as it ends; wait until the server has let go of them.</summary>
    private async Task<int> NoneRunningAsync()
    {
        await Eventually(() => Handler.ActiveOperations == 0);
        return 0;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }
}
