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
    [GeneratedRegex(@"\s*Did you mean [^?]*\?", RegexOptions.CultureInvariant)]
    private static partial Regex Suggestion();

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        return environment.IsDevelopment() ? info : new ErrorInfo { Message = Suggestion().Replace(info.Message, ""), Extensions = info.Extensions };
    }
}
