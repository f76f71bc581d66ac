using DigitalInitiativer.Api.Schema;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;
using GraphQLParser.Visitors;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Schema;

public sealed class SchemaTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string SchemaFile = Path.GetFullPath(Path.Combine(ApiFactory.TestProjectDirectory, "..", "..", "schema", "schema.graphql"));

    private ISchema Schema
    {
        get
        {
            var schema = api.Services.GetRequiredService<AppSchema>();
            schema.Initialize();
            return schema;
        }
    }

    /// <summary>
    /// The contract's one order: types, fields and arguments by name (ordinal), so a diff shows what changed; enum values
    /// as declared, so phases and states read in their real order (DRAFT, SUBMISSION, REVIEW, …), as introspection gives them.
    /// </summary>
    public static string Print(ISchema schema)
    {
        var sdl = schema.ToAST();
        SDLSorter.Sort(sdl, new ContractOrder());
        var printed = new SDLPrinter(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).Print(sdl);
        return printed.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    private sealed class ContractOrder() : SDLSorterOptions(StringComparison.Ordinal)
    {
        public override int Compare(ASTNode x, ASTNode y) => x is GraphQLEnumValueDefinition && y is GraphQLEnumValueDefinition ? 0 : base.Compare(x, y);
    }

    [Fact]
    public void Schema_file_matches_the_schema_the_app_serves()
    {
        var printed = Print(Schema);
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
            File.WriteAllText(SchemaFile, printed);

        var committed = File.Exists(SchemaFile) ? File.ReadAllText(SchemaFile).ReplaceLineEndings("\n") : "";
        Assert.True(committed == printed,
            "schema/schema.graphql is stale. Regenerate it with: UPDATE_SCHEMA=1 dotnet test --filter FullyQualifiedName~SchemaTests, "
            + "then review the diff: it is the front-end teams' contract.");
    }

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var missing = new List<string>();
        // The spec's own scalars are not printed in the SDL and are documented by the spec itself.
        string[] specScalars = ["String", "Boolean", "ID", "Int", "Float"];
        foreach (var type in Schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !specScalars.Contains(t.Name)))
        {
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add(type.Name);
            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description)) missing.Add($"{type.Name}.{field.Name}");
                    foreach (var argument in field.Arguments ?? [])
                        if (string.IsNullOrWhiteSpace(argument.Description)) missing.Add($"{type.Name}.{field.Name}({argument.Name})");
                }
            }
            if (type is EnumerationGraphType enumeration)
                missing.AddRange(enumeration.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
        }
        Assert.True(missing.Count == 0, "Missing descriptions: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_type_that_implements_Node_can_be_fetched_by_node()
    {
        var nodeTypes = Schema.AllTypes.OfType<IObjectGraphType>()
            .Where(t => t.ResolvedInterfaces.Any(i => i.Name == "Node")).Select(t => t.Name).ToList();

        using var scope = api.Services.CreateScope();
        var sources = scope.ServiceProvider.GetServices<INodeSource>().Select(s => s.TypeName).ToList();
        Assert.NotEmpty(nodeTypes);
        Assert.Empty(nodeTypes.Except(sources));
        Assert.Equal(sources.Count, sources.Distinct().Count());
    }

    [Fact]
    public void Every_mutation_takes_one_input_and_returns_a_payload_with_typed_errors()
    {
        foreach (var field in Schema.Mutation!.Fields)
        {
            Assert.Equal(["input"], field.Arguments!.Select(a => a.Name));
            var payload = (IObjectGraphType)field.ResolvedType!.GetNamedType();
            var errors = payload.GetField("errors")!.ResolvedType!.GetNamedType();
            var errorTypes = errors is UnionGraphType union ? union.PossibleTypes : [];
            Assert.NotEmpty(errorTypes);
            Assert.All(errorTypes, t => Assert.Contains(t.ResolvedInterfaces, i => i.Name == "UserError"));
        }
    }

    [Fact]
    public void Every_root_field_declares_who_may_use_it_so_nothing_new_is_open_by_default()
    {
        var roots = new[] { Schema.Query, Schema.Mutation, Schema.Subscription }.OfType<IObjectGraphType>();

        var undeclared = roots.SelectMany(root => root.Fields
                .Where(field => !field.IsAuthorizationRequired() && !field.IsAnonymousAllowed())
                .Select(field => $"{root.Name}.{field.Name}"))
            .ToList();

        Assert.NotEmpty(roots.SelectMany(r => r.Fields));
        Assert.True(undeclared.Count == 0, "Root fields without Authorize/AuthorizeWithRoles/AuthorizeWithPolicy/AllowAnonymous: " + string.Join(", ", undeclared));
    }
}
