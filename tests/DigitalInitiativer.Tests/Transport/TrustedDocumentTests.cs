using System.Net;
using System.Text.Json;
using DigitalInitiativer.Api.GraphQL.Transport;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Transport;

/// <summary>The front-ends' operations in docs/operations, registered by hash and runnable by documentId.</summary>
public sealed class TrustedDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string Operations = Path.Combine(ApiFactory.TestProjectDirectory, "..", "..", "docs", "operations");

    public static string IdOfFile(string name) => TrustedDocuments.IdOf(File.ReadAllText(Path.Combine(Operations, name)));

    [Fact]
    public void Every_operation_file_is_registered_and_the_manifest_lists_each_by_its_hash()
    {
        var registered = api.Services.GetRequiredService<TrustedDocuments>().Documents;
        var files = Directory.GetFiles(Operations, "*.graphql").Select(Path.GetFileName).Order().ToList();
        var manifest = files.ToDictionary(file => IdOfFile(file!), file => file);

        Assert.Equal(files.Count, registered.Count);
        Assert.All(manifest.Keys, id => Assert.True(registered.ContainsKey(id), id));
        var path = Path.Combine(Operations, "persisted-documents.json");
        var json = JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1") File.WriteAllText(path, json);
        Assert.Equal(json, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("InitiativesWithReach.graphql", null, "Evaluator")]
    [InlineData("EvaluatorTransitions.graphql", null, "Evaluator")]
    [InlineData("EmployeeVoting.graphql", "OpenProposals", "Employee")]
    [InlineData("EmployeeVoting.graphql", "CastVote", "Employee")]
    public async Task Each_operation_runs_by_its_document_id(string file, string? operationName, string role)
    {
        var client = api.CreateGraphQLClient(role, "demo-0123");
        var waves = (await api.CreateGraphQLClient().QueryAsync("{ surveyWaves { id } competition: initiative(code: \"IDEA-2026\") { competition { id proposals(first: 1) { nodes { id } } } } }"));
        var variables = new
        {
            fromWaveId = (string)waves["surveyWaves"]![0]!["id"]!,
            toWaveId = (string)waves["surveyWaves"]![1]!["id"]!,
            competitionId = (string)waves["competition"]!["competition"]!["id"]!,
            proposalId = (string)waves["competition"]!["competition"]!["proposals"]!["nodes"]![0]!["id"]!,
        };

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent(new { documentId = IdOfFile(file), operationName, variables }),
        });

        response.AssertNoErrors();
    }

    [Fact]
    public async Task A_request_with_both_a_query_and_a_document_id_is_refused()
    {
        var response = await api.CreateGraphQLClient("Evaluator").SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent(new { query = "{ __typename }", documentId = IdOfFile("InitiativesWithReach.graphql") }),
        });

        Assert.Equal(["INVALID_REQUEST"], response.ErrorCodes);
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

/// <summary>With GraphQL:OnlyTrustedDocuments, only the registered operations run.</summary>
public sealed class TrustedDocumentsOnlyTests(TrustedDocumentsOnlyTests.Factory api) : IClassFixture<TrustedDocumentsOnlyTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("GraphQL:OnlyTrustedDocuments", "true")];
    }

    private async Task<GraphQLResponse> PostAsync(object body)
    {
        var client = api.CreateGraphQLClient("Evaluator");
        return await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Accept", "application/graphql-response+json" } },
        });
    }

    [Fact]
    public async Task An_unregistered_query_is_refused_before_it_runs()
    {
        var response = await PostAsync(new { query = "{ initiatives(first: 1) { totalCount } }" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["TRUSTED_DOCUMENT_REQUIRED"], response.ErrorCodes);
        Assert.Null(response.Body["data"]);
    }

    [Fact]
    public async Task A_registered_document_runs_and_an_unknown_one_is_not_found()
    {
        var known = await PostAsync(new { documentId = TrustedDocumentTests.IdOfFile("InitiativesWithReach.graphql"), variables = new { first = 2 } });
        var unknown = await PostAsync(new { documentId = "sha256:" + new string('0', 64) });

        known.AssertNoErrors();
        Assert.Equal(2, known.Data["initiatives"]!["nodes"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(["DOCUMENT_NOT_FOUND"], unknown.ErrorCodes);
    }
}
