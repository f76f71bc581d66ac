using System.Net;
using System.Text.Json.Nodes;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Observability;

/// <summary>The load test's baseline is only fair if it returns exactly what the GraphQL catalogue query returns.</summary>
public sealed class LoadTestBaselineTests(LoadTestBaselineTests.Factory api) : IClassFixture<LoadTestBaselineTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("LoadTest:Baseline", "true")];
    }

    [Fact]
    public async Task The_baseline_endpoint_returns_the_same_JSON_as_the_catalogue_query_and_needs_a_sign_in()
    {
        var client = api.CreateGraphQLClient("Evaluator");
        var graphQL = await client.PostAsync("{ initiatives(first: 20, order: { field: STARTS_ON }) { nodes { id code title kind startsOn unit { name } } } }");
        var baseline = JsonNode.Parse(await client.Http.GetStringAsync("/baseline/catalogue"))!;

        Assert.True(JsonNode.DeepEquals(graphQL.Body, baseline), baseline.ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/baseline/catalogue")).StatusCode);
    }
}

public sealed class LoadTestBaselineOffTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Without_the_setting_there_is_no_baseline_endpoint() =>
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateGraphQLClient("Evaluator").Http.GetAsync("/baseline/catalogue")).StatusCode);
}
