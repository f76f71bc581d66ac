using System.Diagnostics;
using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Competitions;

/// <summary>Live vote counts over graphql-transport-ws, proven with the npm graphql-ws client and checked against the protocol's rules.</summary>
public sealed class LiveVoteCountTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    private string Token(string role, string? person = null) => api.Services.GetRequiredService<DevTokens>().Create(role, person);

    [Fact]
    public async Task A_vote_cast_over_HTTP_reaches_a_graphql_ws_subscriber_within_a_second()
    {
        var employee = api.CreateGraphQLClient(Roles.Employee, "demo-0002");
        var competition = (await employee.QueryAsync("""{ initiative(code: "IDEA-2026") { competition { id proposals(first: 1) { nodes { id } } } } }"""))["initiative"]!["competition"]!;
        var competitionId = (string)competition["id"]!;
        var proposalId = (string)competition["proposals"]!["nodes"]![0]!["id"]!;
        await using var subscriber = new RunningNodeScript("subscribe.mjs", api.WebSocketUrl, Token(Roles.Employee, "demo-0003"), competitionId);
        Assert.Equal("ready", await subscriber.ReadLineAsync(TimeSpan.FromSeconds(20)));

        var voted = await CompetitionDriver.VoteAsync(employee, proposalId);
        var clock = Stopwatch.StartNew();
        var line = await subscriber.ReadLineAsync(TimeSpan.FromSeconds(1));
        clock.Stop();

        Assert.True(line is not null, "No event within a second. " + await subscriber.ErrorsAsync());
        var change = JsonNode.Parse(line!)!["data"]!["proposalVotesChanged"]!;
        Assert.Equal(proposalId, (string?)change["proposalId"]);
        Assert.Equal((int)voted["proposal"]!["voteCount"]!, (int)change["voteCount"]!);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"{clock.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    public async Task A_connection_without_a_valid_token_is_refused_with_4403(string? authorization)
    {
        await using var client = new RunningNodeScript("refused.mjs", [api.WebSocketUrl, .. authorization is null ? Array.Empty<string>() : [authorization]]);

        Assert.Equal("closed 4403 Forbidden", await client.ReadLineAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task The_Authorization_key_in_connection_init_is_case_insensitive()
    {
        await using var client = new RunningNodeScript("refused.mjs", api.WebSocketUrl, "Bearer " + Token(Roles.Employee, "demo-0004"));

        Assert.Equal("connected", await client.ReadLineAsync(TimeSpan.FromSeconds(20)));
    }

    private Task<GraphQLSocket> ConnectAsync(string? subProtocol = "graphql-transport-ws") => GraphQLSocket.ConnectAsync(api.WebSocketUrl, subProtocol);

    private Task<GraphQLSocket> AcknowledgedAsync() => GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, Token(Roles.Employee, "demo-0005"));

    [Fact]
    public async Task Without_connection_init_the_server_closes_with_4408_after_the_timeout()
    {
        using var socket = await ConnectAsync();

        Assert.Equal(4408, (await socket.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        using var socket = await AcknowledgedAsync();

        await socket.SendAsync(new { type = "connection_init" });

        Assert.Equal(4429, (await socket.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task Subscribing_before_the_ack_closes_with_4401()
    {
        using var socket = await ConnectAsync();

        await socket.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ __typename }" } });

        Assert.Equal(4401, (await socket.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task A_duplicate_operation_id_closes_with_4409()
    {
        using var socket = await AcknowledgedAsync();
        var subscribe = new { id = "same", type = "subscribe", payload = new { query = "subscription($id: ID!) { proposalVotesChanged(competitionId: $id) { voteCount } }", variables = new { id = GlobalIds.Of("IdeaCompetition", 1) } } };

        await socket.SendAsync(subscribe);
        await socket.SendAsync(subscribe);

        Assert.Equal(4409, (await socket.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_and_a_query_gets_next_then_complete()
    {
        using var socket = await AcknowledgedAsync();

        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string?)JsonNode.Parse((await socket.ReceiveAsync()).Text!)!["type"]);

        await socket.SendAsync(new { id = "q", type = "subscribe", payload = new { query = "{ competenceProfiles { kind } }" } });
        var next = JsonNode.Parse((await socket.ReceiveAsync()).Text!)!;
        var complete = JsonNode.Parse((await socket.ReceiveAsync()).Text!)!;
        Assert.Equal(("next", "q"), ((string?)next["type"], (string?)next["id"]));
        Assert.Equal(4, next["payload"]!["data"]!["competenceProfiles"]!.AsArray().Count);
        Assert.Equal(("complete", "q"), ((string?)complete["type"], (string?)complete["id"]));
    }

    [Fact]
    public async Task An_invalid_message_closes_with_4400_and_a_wrong_subprotocol_with_4406()
    {
        using (var socket = await AcknowledgedAsync())
        {
            await socket.SendAsync(new { type = "shout" });
            Assert.Equal(4400, (await socket.ReceiveAsync()).CloseCode);
        }
        using var wrong = await ConnectAsync("graphql-ws");
        Assert.Equal(4406, (await wrong.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task A_subscription_the_role_may_not_use_gets_an_error_message_not_events()
    {
        using var socket = await AcknowledgedAsync();

        await socket.SendAsync(new { id = "x", type = "subscribe", payload = new { query = "{ auditLog(subjectId: \"UGVyc29uOjE\") { totalCount } }" } });
        var error = JsonNode.Parse((await socket.ReceiveAsync()).Text!)!;

        Assert.Equal(("error", "x"), ((string?)error["type"], (string?)error["id"]));
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)error["payload"]![0]!["extensions"]!["code"]);
    }
}
