using System.Net;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Limits;

/// <summary>One request a second per caller, no burst, no queue: the second request in a row is over the limit.</summary>
public sealed class TightRateLimitApiFactory : ApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("GraphQL:RequestsPerSecond", "1"),
        new("GraphQL:AnonymousRequestsPerSecond", "1"),
        new("GraphQL:BurstSeconds", "1"),
        new("GraphQL:RateLimitQueue", "0"),
    ];
}

/// <summary>A caller who sends requests faster than its rate gets 429, and other callers do not notice.</summary>
public sealed class CallerRateLimitTests(TightRateLimitApiFactory api) : IClassFixture<TightRateLimitApiFactory>
{
    [Fact]
    public async Task Callers_over_their_rate_get_429_with_Retry_After_and_other_callers_are_served()
    {
        foreach (var (flooding, other) in new[]
        {
            (api.CreateAnonymousClient(), api.CreateGraphQLClient(Roles.Employee, "demo-0061")),
            (api.CreateGraphQLClient(Roles.Employee, "demo-0062"), api.CreateGraphQLClient(Roles.Employee, "demo-0063")),
        })
        {
            var first = await flooding.PostAsync("{ __typename }");
            using var second = await flooding.Http.PostAsync("/graphql", new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"));
            var otherCaller = await other.PostAsync("{ __typename }");

            first.AssertNoErrors();
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.True(second.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Contains("\"RATE_LIMITED\"", await second.Content.ReadAsStringAsync());
            otherCaller.AssertNoErrors();
        }
    }
}
