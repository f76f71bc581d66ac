using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;

namespace DigitalInitiativer.Api.GraphQL;

/// <summary>
/// Never exposes exception details. Outside Development it also drops GraphQL.NET's "Did you mean ...?" hints,
/// which would let a caller map the schema even with introspection turned off.
/// </summary>
public sealed partial class SafeErrorInfoProvider(IHostEnvironment environment) : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false })
{
    /// <summary>GraphQL.NET ends a message with its suggestion, with or without a question mark.</summary>
    [GeneratedRegex(@"\s*Did you mean\b.*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Suggestion();

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        // GraphQL.NET writes the timeout error itself; its message is for people, so it comes in their language too.
        if (executionError.Code == ErrorCodes.Timeout) info = new ErrorInfo { Message = GraphQLTexts.Timeout.Format(), Extensions = info.Extensions };
        return environment.IsDevelopment() ? info : new ErrorInfo { Message = Suggestion().Replace(info.Message, ""), Extensions = info.Extensions };
    }
}
