using GraphQL.Validation;
using GraphQLParser.AST;

namespace DigitalInitiativer.Api.GraphQL.Transport;

/// <summary>GET must never change anything, so only query operations may run over GET (answered with 405).</summary>
public sealed class OnlyQueriesOverGetRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
            context.ReportError(new NotAQueryError(context.Operation));
        return default;
    }

    public sealed class NotAQueryError : ValidationError
    {
        public NotAQueryError(GraphQLOperationDefinition operation)
            : base($"A {operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.")
        {
            Code = ErrorCodes.MethodNotAllowed;
        }
    }
}
