using System.Net;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Limits;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace DigitalInitiativer.Tests.Limits;

public sealed class LimitTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _client = api.CreateGraphQLClient();
    private GraphQLSettings Settings => api.Services.GetRequiredService<IOptions<GraphQLSettings>>().Value;

    [Fact]
    public async Task The_complexity_and_depth_limits_leave_room_for_every_real_query()
    {
        var meter = api.Services.GetRequiredService<ComplexityMeter>();
        var highest = 0.0;
        var deepest = 0;
        foreach (var query in RealQueries.All)
        {
            meter.Reset();
            await _client.QueryAsync(query);
            output.WriteLine($"complexity {meter.HighestComplexity,8:0}  depth {meter.HighestDepth,2}  {query.ReplaceLineEndings(" ")[..Math.Min(80, query.Length)]}");
            highest = Math.Max(highest, meter.HighestComplexity);
            deepest = Math.Max(deepest, meter.HighestDepth);
        }

        output.WriteLine($"highest complexity {highest}, limit {Settings.MaxComplexity}; deepest {deepest}, limit {Settings.MaxDepth}");
        Assert.True(highest > 0);
        Assert.True(highest * 1.5 <= Settings.MaxComplexity, $"The heaviest real query ({highest}) is too close to the limit ({Settings.MaxComplexity}).");
        Assert.True(deepest < Settings.MaxDepth);
    }

    /// <summary>A chain of single objects (parent of parent of ...), so only depth grows, not complexity.</summary>
    private static string NestedParents(int depth) =>
        "{ organisationUnit(code: \"ARB-JC-VIRK\") { " + string.Concat(Enumerable.Repeat("parent { ", depth - 2)) + "name" + new string('}', depth - 1) + " }";

    [Fact]
    public async Task A_query_deeper_than_10_is_refused_before_it_runs()
    {
        api.SqlCommands.Reset();
        var tooDeep = await _client.PostAsync(NestedParents(11));
        Assert.Equal(0, api.SqlCommands.Count);

        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.Status);
        Assert.Single(tooDeep.ErrorCodes);
        Assert.Contains("depth", (string?)tooDeep.Errors![0]!["message"], StringComparison.OrdinalIgnoreCase);
        (await _client.PostAsync(NestedParents(10))).AssertNoErrors();
    }

    [Fact]
    public async Task A_query_over_the_complexity_limit_is_refused_before_it_runs()
    {
        const string Wide = "{ initiatives(first: 100) { nodes { participations(first: 100) { nodes { person { key role unit { name code } } } } } } }";
        api.SqlCommands.Reset();

        var response = await _client.PostAsync(Wide);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("complexity", (string?)response.Errors![0]!["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, api.SqlCommands.Count);
    }

    private static string Aliases(int count) =>
        "{ " + string.Join(" ", Enumerable.Range(1, count).Select(i => $"p{i}: competenceProfiles {{ kind }}")) + " }";

    [Fact]
    public async Task More_than_15_aliases_are_refused_with_TOO_MANY_ALIASES()
    {
        (await _client.PostAsync(Aliases(15))).AssertNoErrors();

        var response = await _client.PostAsync(Aliases(16));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["TOO_MANY_ALIASES"], response.ErrorCodes);
    }

    [Fact]
    public async Task Aliases_hidden_in_fragments_count_too()
    {
        var fragment = "fragment F on Query { " + string.Join(" ", Enumerable.Range(1, 10).Select(i => $"f{i}: surveyWaves {{ year }}")) + " }";
        var query = "{ ...F " + string.Join(" ", Enumerable.Range(1, 6).Select(i => $"q{i}: competenceProfiles {{ kind }}")) + " } " + fragment;

        Assert.Equal(["TOO_MANY_ALIASES"], (await _client.PostAsync(query)).ErrorCodes);
    }
}

public sealed class RateLimitApiFactory : ApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("GraphQL:MutationsPerMinute", "3")];
}

public sealed class TimeoutApiFactory : ApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("GraphQL:ExecutionTimeoutSeconds", "0.000001")];
}

public sealed class RateLimitTests(RateLimitApiFactory api) : IClassFixture<RateLimitApiFactory>
{
    private const string HarmlessMutation = "mutation { recordParticipations(input: { items: [] }) { errors { __typename } } }";

    /// <summary>Quotas are per clock minute; a test that needs one minute waits out the last seconds of the current one.</summary>
    internal static async Task WithinOneMinuteAsync()
    {
        var intoMinute = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 60_000;
        if (intoMinute > 45_000) await Task.Delay(TimeSpan.FromMilliseconds(60_000 - intoMinute + 200));
    }

    [Fact]
    public async Task Mutations_over_the_per_caller_limit_get_429_with_Retry_After_and_others_are_unaffected()
    {
        await WithinOneMinuteAsync();
        var manager = api.CreateGraphQLClient("InitiativeManager", "demo-0011");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync(HarmlessMutation)).Status);

        using var limited = await manager.Http.PostAsync("/graphql", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { query = HarmlessMutation }), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Contains("RATE_LIMITED", await limited.Content.ReadAsStringAsync());
        var otherManager = api.CreateGraphQLClient("InitiativeManager", "demo-0021");
        Assert.Equal(HttpStatusCode.OK, (await otherManager.PostAsync(HarmlessMutation)).Status);
    }

    private static string Aliased(int count) =>
        "mutation { " + string.Concat(Enumerable.Range(0, count).Select(i => $"m{i}: recordParticipations(input: {{ items: [] }}) {{ errors {{ __typename }} }} ")) + "}";

    [Fact]
    public async Task Every_mutation_field_counts_aliases_and_fragments_included()
    {
        await WithinOneMinuteAsync();
        var manager = api.CreateGraphQLClient("InitiativeManager", "demo-0031");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await manager.PostAsync(Aliased(4))).Status);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync(Aliased(2))).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await manager.PostAsync(Aliased(2))).Status);
        var viaFragment = await manager.PostAsync("mutation { ...Record } fragment Record on Mutation { recordParticipations(input: { items: [] }) { errors { __typename } } }");
        Assert.Equal(HttpStatusCode.OK, viaFragment.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await manager.PostAsync(Aliased(1))).Status);
    }

    [Fact]
    public async Task A_mutation_refused_for_its_depth_takes_no_permit()
    {
        await WithinOneMinuteAsync();
        var manager = api.CreateGraphQLClient("InitiativeManager", "demo-0032");
        const string tooDeep = "mutation { recordParticipations(input: { items: [] }) { participations { person { unit { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } }";

        for (var i = 0; i < 5; i++)
            Assert.Equal(["COMPLEXITY"], (await manager.PostAsync(tooDeep)).ErrorCodes);

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync(Aliased(3))).Status);
    }

    [Fact]
    public async Task Two_instances_on_one_database_share_one_limit()
    {
        await WithinOneMinuteAsync();
        await using var second = new SharedDatabaseApiFactory(api.ConnectionString, [new("GraphQL:MutationsPerMinute", "3")]);
        var token = api.Services.GetRequiredService<DevTokens>().Create("InitiativeManager", "demo-0041");
        var onFirst = api.CreateClientWithToken(token);
        var onSecond = second.CreateClientWithToken(token);

        Assert.Equal(HttpStatusCode.OK, (await onFirst.PostAsync(HarmlessMutation)).Status);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.PostAsync(HarmlessMutation)).Status);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.PostAsync(HarmlessMutation)).Status);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await onSecond.PostAsync(HarmlessMutation)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await onFirst.PostAsync(HarmlessMutation)).Status);
    }

    [Fact]
    public async Task Concurrent_mutations_on_two_instances_never_get_more_than_the_limit()
    {
        await WithinOneMinuteAsync();
        await using var second = new SharedDatabaseApiFactory(api.ConnectionString, [new("GraphQL:MutationsPerMinute", "3")]);
        var token = api.Services.GetRequiredService<DevTokens>().Create("InitiativeManager", "demo-0042");
        var clients = new[] { api.CreateClientWithToken(token), second.CreateClientWithToken(token) };

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clients[i % 2].PostAsync(HarmlessMutation)));

        Assert.Equal(3, statuses.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(17, statuses.Count(r => r.Status == HttpStatusCode.TooManyRequests));
    }

}

public sealed class TimeoutTests(TimeoutApiFactory api) : IClassFixture<TimeoutApiFactory>
{
    [Fact]
    public async Task An_operation_that_runs_past_the_timeout_is_stopped_with_TIMEOUT()
    {
        // The figures at a depth nothing computes ahead (the start-up warm-up included), so the operation always has
        // work to do when the timeout strikes, instead of sometimes finishing from the cache within the timer's first tick.
        var response = await api.CreateGraphQLClient().PostAsync(
            "{ initiatives(first: 100) { nodes { reach { participants } } } reachMatrix(filter: { completedOnly: true, minVisits: 10 }) { rows { kind } } }");

        Assert.Contains("TIMEOUT", response.ErrorCodes);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
    }
}
