using GraphQL;
using GraphQL.Execution;

namespace DigitalInitiativer.Api.GraphQL;

/// <summary>A bug or outage inside a resolver: logged in full, reported to the client only as INTERNAL_ERROR.</summary>
public static class UnhandledErrors
{
    public static void Handle(UnhandledExceptionContext context)
    {
        var logger = context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(UnhandledErrors));
        logger?.LogError(context.OriginalException, "Unhandled error in GraphQL operation {OperationName}", context.ExecutionOptions.OperationName);
        context.Exception = new ExecutionError(GraphQLTexts.InternalError.Format()) { Code = ErrorCodes.InternalError };
    }
}
