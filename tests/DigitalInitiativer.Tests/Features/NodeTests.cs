using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Features;

public sealed class NodeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _client = api.CreateGraphQLClient();
    private readonly GraphQLClient _employee = api.CreateGraphQLClient(Roles.Employee, PersonKey);

    private const string PersonKey = "demo-0101";

    /// <summary>One id of every Node type, collected the way a client would meet them. Assessments are only ever one's own.</summary>
    private async Task<Dictionary<string, string>> OneIdOfEachTypeAsync()
    {
        var catalogue = await _client.QueryAsync("""
            {
              competenceProfiles { __typename id }
              surveyWaves { __typename id }
              initiatives(first: 1, where: { kinds: [DROP_IN_CAFE] }) {
                nodes {
                  __typename id
                  unit { __typename id }
                  participations(first: 1) { nodes { __typename id person { __typename id } } }
                }
              }
            }
            """);
        var own = await _employee.QueryAsync("{ me { assessments { __typename id } } }");
        var ids = new Dictionary<string, string>();
        void Collect(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["__typename"] is { } type && obj["id"] is { } id) ids.TryAdd((string)type!, (string)id!);
                    foreach (var (_, child) in obj) Collect(child);
                    break;
                case JsonArray array:
                    foreach (var child in array) Collect(child);
                    break;
            }
        }
        Collect(catalogue);
        Collect(own);
        return ids;
    }

    [Fact]
    public async Task Node_fetches_every_kind_of_object_by_its_global_id()
    {
        var ids = await OneIdOfEachTypeAsync();
        Assert.Equal(["Assessment", "CompetenceProfile", "Initiative", "OrganisationUnit", "Participation", "Person", "SurveyWave"], ids.Keys.Order());

        foreach (var (type, id) in ids)
        {
            var client = type == "Assessment" ? _employee : _client;
            var data = await client.QueryAsync("query($id: ID!) { node(id: $id) { __typename id } }", new { id });
            Assert.Equal(type, (string?)data["node"]!["__typename"]);
            Assert.Equal(id, (string?)data["node"]!["id"]);
        }
    }

    [Fact]
    public async Task Nodes_returns_objects_in_order_with_null_for_ids_that_name_nothing()
    {
        var ids = await OneIdOfEachTypeAsync();
        var unknown = GlobalIds.Of("Initiative", 987654);

        var data = await _client.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { ids["Initiative"], unknown, ids["Person"] } });

        var nodes = data["nodes"]!.AsArray();
        Assert.Equal(ids["Initiative"], (string?)nodes[0]!["id"]);
        Assert.Null(nodes[1]);
        Assert.Equal(ids["Person"], (string?)nodes[2]!["id"]);
    }

    [Fact]
    public async Task A_well_formed_id_of_nothing_gives_null()
    {
        var data = await _client.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = GlobalIds.Of("Person", 999999) });

        Assert.Null(data["node"]);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("SW5pdGlhdGl2ZTphYmM")] // "Initiative:abc"
    [InlineData("V2hhdGV2ZXI6MQ")] // "Whatever:1"
    [InlineData("")]
    public async Task A_forged_id_is_an_INVALID_ID_error_that_reveals_nothing(string id)
    {
        var response = await _client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
        Assert.Null(response.Data["node"]);
        Assert.DoesNotContain("   at ", response.Body.ToJsonString());
    }

    [Fact]
    public async Task Another_persons_data_is_null_through_node_for_roles_that_may_not_see_it()
    {
        var ids = await OneIdOfEachTypeAsync();
        var otherEmployee = api.CreateGraphQLClient(Roles.Employee, "demo-0102");
        var evaluator = api.CreateGraphQLClient(Roles.Evaluator);

        foreach (var type in new[] { "Assessment", "Participation", "Person" })
        {
            Assert.Null((await otherEmployee.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = ids[type] }))["node"]);
            Assert.Null((await evaluator.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = ids[type] }))["node"]);
        }
        // Not even an administrator can read someone else's assessed profile.
        Assert.Null((await _client.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = ids["Assessment"] }))["node"]);
    }
}
