using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.GraphQL.Limits;

/// <summary>
/// Fragments that each spread two others, a few levels deep, make a short document select millions of fields: the
/// token limit does not see it, and executing or analysing it grows with the expansion. This guard counts the fields the
/// operation selects with every fragment expanded, in one pass over the document (each fragment's size is computed
/// once), and refuses more than <see cref="GraphQLSettings.MaxExpandedFields"/> before anything else walks the tree.
/// </summary>
public sealed class ExpandedSizeRule(IOptions<GraphQLSettings> settings) : ValidationRuleBase, IGuardRule
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var max = settings.Value.MaxExpandedFields;
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>();
        foreach (var fragment in context.Document.Definitions.OfType<GraphQLFragmentDefinition>())
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        var sizes = new Dictionary<string, long>();
        if (Size(context.Operation.SelectionSet, fragments, sizes, max) > max)
            context.ReportError(new ValidationError(context.Document.Source, null!,
                GraphQLTexts.TooManyFields.Format(max), context.Operation) { Code = ErrorCodes.TooManyFields });
        return default;
    }

    /// <summary>Fields under <paramref name="set"/>, fragments expanded, counted up to just past <paramref name="max"/>.</summary>
    private static long Size(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, Dictionary<string, long> sizes, long max)
    {
        if (set is null) return 0;
        long total = 0;
        foreach (var selection in set.Selections)
        {
            total += selection switch
            {
                GraphQLField field => 1 + Size(field.SelectionSet, fragments, sizes, max),
                GraphQLInlineFragment inline => Size(inline.SelectionSet, fragments, sizes, max),
                GraphQLFragmentSpread spread => FragmentSize(spread.FragmentName.Name.StringValue, fragments, sizes, max),
                _ => 0,
            };
            if (total > max) return max + 1;
        }
        return total;
    }

    private static long FragmentSize(string name, Dictionary<string, GraphQLFragmentDefinition> fragments, Dictionary<string, long> sizes, long max)
    {
        if (sizes.TryGetValue(name, out var known)) return known;
        if (!fragments.TryGetValue(name, out var fragment)) return 0;
        sizes[name] = 0; // a cycle counts nothing here; the specification's rule refuses it
        return sizes[name] = Size(fragment.SelectionSet, fragments, sizes, max);
    }
}
