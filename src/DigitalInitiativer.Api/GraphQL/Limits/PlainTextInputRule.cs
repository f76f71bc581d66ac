using DigitalInitiativer.Api.SeedWork;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace DigitalInitiativer.Api.GraphQL.Limits;

/// <summary>
/// Refuses, before anything runs, any string argument or variable that holds a control character (but tab and line
/// breaks) or a bidirectional override: such text would be stored and served back to other people's screens and
/// spreadsheets. One rule for every text input, so no mutation can forget it.
/// </summary>
public sealed class PlainTextInputRule : ValidationRuleBase, IGuardRule
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (HasForbiddenText(context.Variables))
            context.ReportError(new ForbiddenCharactersError(context.Document.Source, context.Operation));
        return new(new MatchingNodeVisitor<GraphQLStringValue>((value, context) =>
        {
            if (PlainText.HasForbiddenCharacters((string)value.Value))
                context.ReportError(new ForbiddenCharactersError(context.Document.Source, value));
        }));
    }

    private static bool HasForbiddenText(object? value) => value switch
    {
        string text => PlainText.HasForbiddenCharacters(text),
        IDictionary<string, object?> map => map.Values.Any(HasForbiddenText),
        System.Collections.IEnumerable items => items.Cast<object?>().Any(HasForbiddenText),
        _ => false,
    };

    private sealed class ForbiddenCharactersError : ValidationError
    {
        public ForbiddenCharactersError(GraphQLParser.ROM source, ASTNode node)
            : base(source, null!, GraphQLTexts.ForbiddenCharacters.Format(), node)
        {
            Code = ErrorCodes.ForbiddenCharacters;
        }
    }
}
