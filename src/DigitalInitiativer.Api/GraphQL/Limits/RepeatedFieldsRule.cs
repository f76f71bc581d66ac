using GraphQL.Validation;
using GraphQLParser.AST;

namespace DigitalInitiativer.Api.GraphQL.Limits;

/// <summary>
/// The same field (or fragment) asked for over and over in one selection set, inline fragments included, is what makes
/// the specification's overlapping-fields check grow with the square of the document. No real operation repeats a
/// name more than a few times, so a selection that repeats one more than <see cref="MaxRepeats"/> times is refused
/// before that check runs. Named fragments count by their name, not their content; many different fragments repeating
/// a field are bounded by the token limit instead.
/// </summary>
public sealed class RepeatedFieldsRule : ValidationRuleBase, IGuardRule
{
    public const int MaxRepeats = 20;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLSelectionSet>((set, context) =>
        {
            var counts = new Dictionary<string, int>();
            if (Count(set, counts))
                context.ReportError(new ValidationError(context.Document.Source, null!,
                    GraphQLTexts.TooManyRepeatedFields.Format(MaxRepeats), set) { Code = ErrorCodes.TooManyRepeatedFields });
        }));

    /// <summary>Counts the names a selection set asks for, through its inline fragments; true once one is over the limit.</summary>
    private static bool Count(GraphQLSelectionSet set, Dictionary<string, int> counts) =>
        set.Selections.Any(selection => selection switch
        {
            GraphQLField field => Over(counts, (field.Alias?.Name ?? field.Name).StringValue),
            GraphQLFragmentSpread spread => Over(counts, "..." + spread.FragmentName.Name.StringValue),
            GraphQLInlineFragment inline => Count(inline.SelectionSet, counts),
            _ => false,
        });

    private static bool Over(Dictionary<string, int> counts, string name) =>
        (counts[name] = counts.GetValueOrDefault(name) + 1) > MaxRepeats;
}
