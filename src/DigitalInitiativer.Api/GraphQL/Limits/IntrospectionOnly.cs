using GraphQL.Validation;
using GraphQLParser.AST;

namespace DigitalInitiativer.Api.GraphQL.Limits;

/// <summary>
/// Whether an operation asks for nothing but the schema (<c>__schema</c>, <c>__type</c>, <c>__typename</c>), as IDEs and
/// code generators do. Such operations read no data, so the depth and complexity limits meant for data do not apply:
/// GraphQL.js's standard introspection query nests 15 levels. Introspection itself is refused outside Development.
/// </summary>
public static class IntrospectionOnly
{
    public static bool Is(ValidationContext context) =>
        context.Operation is { } operation && Selects(operation.SelectionSet, context.Document, []);

    private static bool Selects(GraphQLSelectionSet selections, GraphQLDocument document, HashSet<string> visited) =>
        selections.Selections.All(selection => selection switch
        {
            GraphQLField field => field.Name.Value.Span.StartsWith("__"),
            GraphQLInlineFragment inline => Selects(inline.SelectionSet, document, visited),
            GraphQLFragmentSpread spread => !visited.Add(spread.FragmentName.Name.Value.ToString())
                || (document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.Value == spread.FragmentName.Name.Value) is { } fragment
                    && Selects(fragment.SelectionSet, document, visited)),
            _ => false,
        });
}
