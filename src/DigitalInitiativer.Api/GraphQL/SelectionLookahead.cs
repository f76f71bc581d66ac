using GraphQL;
using GraphQLParser.AST;

namespace DigitalInitiativer.Api.GraphQL;

/// <summary>Looks ahead into what a query selects below the current field, so a resolver can load it in the same SQL statement.</summary>
public static class SelectionLookahead
{
    /// <summary>
    /// True when the query selects <paramref name="path"/> below this field, e.g. ("nodes", "unit"), through inline
    /// fragments and fragment spreads. Directives are not evaluated, so a field skipped with @skip still counts:
    /// the answer may load a little more than needed, never less.
    /// </summary>
    public static bool Selects(this IResolveFieldContext context, params string[] path) =>
        Selects(context.FieldAst.SelectionSet, path, context.Document);

    private static bool Selects(GraphQLSelectionSet? selectionSet, ReadOnlySpan<string> path, GraphQLDocument document)
    {
        if (path.IsEmpty) return true;
        if (selectionSet is null) return false;
        foreach (var selection in selectionSet.Selections)
        {
            var found = selection switch
            {
                GraphQLField field => field.Name.Value == path[0] && Selects(field.SelectionSet, path[1..], document),
                GraphQLInlineFragment inline => Selects(inline.SelectionSet, path, document),
                GraphQLFragmentSpread spread => document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.Value == spread.FragmentName.Name.Value) is { } fragment
                    && Selects(fragment.SelectionSet, path, document),
                _ => false,
            };
            if (found) return true;
        }
        return false;
    }
}
