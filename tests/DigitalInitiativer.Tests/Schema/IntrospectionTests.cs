using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Schema;

/// <summary>Standard tools read the live endpoint in Development, as front-end teams point them at it.</summary>
public sealed class IntrospectionTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    private static readonly string SchemaFile = Path.GetFullPath(Path.Combine(ApiFactory.TestProjectDirectory, "..", "..", "schema", "schema.graphql"));

    [Fact]
    public async Task GraphQL_js_introspection_with_every_option_set_rebuilds_the_contract_and_codegen_generates_from_the_url()
    {
        var token = api.Services.GetRequiredService<DevTokens>().Create(Roles.Evaluator, null);

        var output = await NodeScript.RunAsync("introspection.mjs", api.GraphQLUrl, token, SchemaFile);

        Assert.Contains("default: same as the contract", output);
        Assert.Contains("descriptions, directiveIsRepeatable, schemaDescription, specifiedByUrl: same as the contract", output);
        Assert.Contains("inputValueDeprecation: same as the contract", output);
        Assert.Contains("oneOf: same as the contract", output);
        Assert.Contains("the same as from the file", output);
    }

    [Fact]
    public async Task The_depth_limit_still_holds_for_data_even_beside_introspection()
    {
        var client = api.CreateGraphQLClient(Roles.Evaluator);
        // Eleven levels of data, the limit is ten; asking for the schema too does not lift it.
        const string deep = "{ __schema { queryType { name } } organisationUnits { children { children { children { children { children { children { children { children { children { name } } } } } } } } } } }";

        var response = await client.PostAsync(deep);

        Assert.Contains("COMPLEXITY", response.ErrorCodes);
    }
}
