using DigitalInitiativer.Api.GraphQL.Authorization;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace DigitalInitiativer.Api.GraphQL.Limits;

/// <summary>
/// Per-caller limit on mutations, counted per mutation field (aliases and fragments included), not per request, and
/// shared by every instance through <see cref="MutationQuota"/>. It runs as a validation rule because only the parsed
/// document says what a POST to /graphql changes, and after the other rules, so a refused document costs no permit.
/// Queries are never limited here.
/// </summary>
public sealed class MutationRateLimitRule : ValidationRuleBase
{
    public override async ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Mutation || context.HasErrors) return null;
        var fields = CountMutationFields(context.Operation.SelectionSet, context.Document, []);
        if (fields == 0) return null;
        var quota = context.RequestServices!.GetRequiredService<MutationQuota>();
        if (await quota.TryTakeAsync(Caller.IdOf(context.User), fields, context.CancellationToken) is { } retryAfter)
            context.ReportError(new RateLimitedError(context.Document.Source, context.Operation, retryAfter));
        return null;
    }

    private static int CountMutationFields(GraphQLSelectionSet selections, GraphQLDocument document, HashSet<string> visited) =>
        selections.Selections.Sum(selection => selection switch
        {
            GraphQLField field => field.Name.Value.Span.StartsWith("__") ? 0 : 1,
            GraphQLInlineFragment inline => CountMutationFields(inline.SelectionSet, document, visited),
            GraphQLFragmentSpread spread when visited.Add(spread.FragmentName.Name.StringValue)
                && document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name == spread.FragmentName.Name) is { } fragment
                => CountMutationFields(fragment.SelectionSet, document, visited),
            _ => 0,
        });
}

public sealed class RateLimitedError : ValidationError
{
    public RateLimitedError(GraphQLParser.ROM source, ASTNode node, TimeSpan retryAfter)
        : base(source, null!, GraphQLTexts.TooManyChanges.Format(Math.Ceiling(retryAfter.TotalSeconds)), node)
    {
        Code = ErrorCodes.RateLimited;
        RetryAfter = retryAfter;
    }

    public TimeSpan RetryAfter { get; }
}
