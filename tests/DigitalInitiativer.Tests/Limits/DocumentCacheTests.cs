using System.Net;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Limits;

/// <summary>A cached document skips only parsing and the specification's rules: every per-request rule still runs.</summary>
public sealed class DocumentCacheTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private DocumentCache Cache => api.Services.GetRequiredService<DocumentCache>();

    [Fact]
    public async Task A_document_cached_for_an_evaluator_is_still_refused_to_an_employee()
    {
        const string Query = "{ reachMatrix(filter: { groupByKind: true }) { rows { kind } } }";
        var before = Cache.Count;
        (await api.CreateGraphQLClient(Roles.Evaluator).PostAsync(Query)).AssertNoErrors();
        Assert.Equal(before + 1, Cache.Count);

        var employee = await api.CreateGraphQLClient(Roles.Employee, "demo-0004").PostAsync(Query);

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], employee.ErrorCodes.Distinct());
        Assert.Equal(before + 1, Cache.Count);
    }

    [Fact]
    public async Task A_cached_document_is_still_measured_against_the_complexity_limit_with_each_requests_variables()
    {
        const string Query = "query($n: Int) { initiatives(first: $n) { nodes { participations(first: $n) { nodes { person { key role unit { name code } } } } } } }";
        var client = api.CreateGraphQLClient();
        (await client.PostAsync(Query, new { n = 2 })).AssertNoErrors();

        var wide = await client.PostAsync(Query, new { n = 100 });

        Assert.Equal(HttpStatusCode.BadRequest, wide.Status);
        Assert.Contains("complexity", (string?)wide.Errors![0]!["message"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_cached_query_document_still_cannot_be_used_for_a_mutation_over_GET()
    {
        const string Document = "mutation { __typename }";
        var client = api.CreateGraphQLClient();
        await client.PostAsync(Document);

        using var response = await client.Http.GetAsync("/graphql?query=" + Uri.EscapeDataString(Document));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
