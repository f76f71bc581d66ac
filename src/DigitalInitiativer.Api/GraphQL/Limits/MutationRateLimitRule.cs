using System.Threading.RateLimiting;
using DigitalInitiativer.Api.GraphQL.Authorization;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.GraphQL.Limits;

/// <summary>
/// Per-caller limit on mutations, with .NET's built-in rate limiter (System.Threading.RateLimiting, the engine
/// behind ASP.NET Core's rate-limiting middleware). It runs as a validation rule because only the parsed
/// document says whether a POST to /graphql is a mutation; queries are never limited here.
/// </summary>
public sealed class MutationRateLimitRule : ValidationRuleBase, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public MutationRateLimitRule(IOptions<GraphQLSettings> settings)
    {
        var permits = settings.Value.MutationsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Mutation || context.HasErrors) return default;
        var caller = Caller.IdOf(context.User);
        using var lease = _limiter.AttemptAcquire(caller);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            context.ReportError(new RateLimitedError(context.Document.Source, context.Operation, retryAfter));
        }
        return default;
    }

    public void Dispose() => _limiter.Dispose();
}

public sealed class RateLimitedError : ValidationError
{
    public RateLimitedError(GraphQLParser.ROM source, ASTNode node, TimeSpan retryAfter)
        : base(source, null!, $"Too many changes in a short time; try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.", node)
    {
        Code = ErrorCodes.RateLimited;
        RetryAfter = retryAfter;
    }

    public TimeSpan RetryAfter { get; }
}
