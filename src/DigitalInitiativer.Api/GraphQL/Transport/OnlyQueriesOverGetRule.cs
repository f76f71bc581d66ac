using DigitalInitiativer.Api.GraphQL.Limits;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace DigitalInitiativer.Api.GraphQL.Transport;

/// <summary>GET must never change anything, so only query operations may run over GET (answered with 405).</summary>
public sealed class OnlyQueriesOverGetRule : ValidationRuleBase, IGuardRule
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
            : base(GraphQLTexts.NotAQueryOverGet.Format(operation.Operation.ToString().ToLowerInvariant()))
        {
            Code = ErrorCodes.MethodNotAllowed;
        }
    }
}

/// <summary>A subscription streams events, which plain HTTP here cannot carry: it needs the WebSocket at the same path.</summary>
public sealed class NoSubscriptionsOverHttpRule : ValidationRuleBase, IGuardRule
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation == OperationType.Subscription)
            context.ReportError(new ValidationError(context.Document.Source, null!, GraphQLTexts.SubscriptionsOverWebSocket.Format(), context.Operation)
            {
                Code = ErrorCodes.WebSocketRequired,
            });
        return default;
    }
}
