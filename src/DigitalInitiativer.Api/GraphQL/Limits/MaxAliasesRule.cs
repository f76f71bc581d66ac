using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.GraphQL.Limits;

/// <summary>Aliases let a small document ask for the same expensive field many times; cap them per operation.</summary>
public sealed class MaxAliasesRule(IOptions<GraphQLSettings> settings) : ValidationRuleBase, IGuardRule
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var max = settings.Value.MaxAliases;
        var count = CountAliases(context.Operation);
        foreach (var fragment in context.GetRecursivelyReferencedFragments(context.Operation) ?? [])
            count += CountAliases(fragment);
        if (count > max)
            context.ReportError(new ValidationError(context.Document.Source, null!, GraphQLTexts.TooManyAliases.Format(count, max), context.Operation)
            {
                Code = ErrorCodes.TooManyAliases,
            });
        return default;
    }

    private static int CountAliases(ASTNode node) => node switch
    {
        GraphQLField field => (field.Alias is null ? 0 : 1) + CountAliases(field.SelectionSet),
        IHasSelectionSetNode { SelectionSet: { } set } => CountAliases(set),
        GraphQLSelectionSet set => set.Selections.Sum(CountAliases),
        _ => 0,
    };

    private static int CountAliases(GraphQLSelectionSet? set) => set?.Selections.Sum(CountAliases) ?? 0;
}
