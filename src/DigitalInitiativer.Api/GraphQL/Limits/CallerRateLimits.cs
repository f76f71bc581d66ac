using System.Text.Json;
using System.Threading.RateLimiting;
using DigitalInitiativer.Api.GraphQL.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.GraphQL.Limits;

/// <summary>
/// ASP.NET Core's rate limiter in front of /graphql, so that a caller sending requests as fast as it can cannot take the
/// server's CPU from everyone else, however cheaply each request is refused. Two limits, chained, per caller (the
/// signed-in caller, or the IP address for callers without a sign-in, who may only ask for <c>__typename</c>): a token
/// bucket of requests per second, and a few requests running at once. What is over a limit waits in a queue, which
/// slows a flooding client down at no cost to the server; only what is over the queue gets 429. Opening a WebSocket
/// counts against the rate; the operations on it are limited by GraphQLWebSocketHandler, at the same rate per caller.
/// </summary>
public static class CallerRateLimits
{
    public static IServiceCollection AddCallerRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(RequestsPerSecond),
                PartitionedRateLimiter.Create<HttpContext, string>(RequestsAtOnce));
            options.OnRejected = RefuseAsync;
        });

    /// <summary>Marks the endpoints whose requests count (GraphQL, exports); health checks and assets do not.</summary>
    public static TBuilder LimitedPerCaller<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new LimitedPerCallerMarker());

    private sealed class LimitedPerCallerMarker;

    private static bool IsLimited(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<LimitedPerCallerMarker>() is not null;

    private static string CallerOf(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? "caller:" + Caller.IdOf(http.User) : "anonymous:" + http.Connection.RemoteIpAddress;

    private static GraphQLSettings Settings(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<GraphQLSettings>>().Value;

    private static RateLimitPartition<string> RequestsPerSecond(HttpContext http)
    {
        if (!IsLimited(http)) return RateLimitPartition.GetNoLimiter("");
        var settings = Settings(http);
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        return RateLimitPartition.GetTokenBucketLimiter(CallerOf(http), _ => Rate(settings, signedIn));
    }

    /// <summary>The per-second limit of one caller (signed in) or of all callers without a sign-in at one address.</summary>
    public static TokenBucketRateLimiterOptions Rate(GraphQLSettings settings, bool signedIn)
    {
        var perSecond = signedIn ? settings.RequestsPerSecond : settings.AnonymousRequestsPerSecond;
        return new TokenBucketRateLimiterOptions
        {
            TokensPerPeriod = perSecond,
            TokenLimit = perSecond * settings.BurstSeconds,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = settings.RateLimitQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
    }

    /// <summary>A WebSocket session is one long request: opening it counts against the rate, its operations are capped by its handler.</summary>
    private static RateLimitPartition<string> RequestsAtOnce(HttpContext http)
    {
        if (!IsLimited(http) || http.WebSockets.IsWebSocketRequest) return RateLimitPartition.GetNoLimiter("");
        var settings = Settings(http);
        return RateLimitPartition.GetConcurrencyLimiter(CallerOf(http), _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.ConcurrentRequestsPerCaller,
            QueueLimit = settings.RateLimitQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    private static async ValueTask RefuseAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, Math.Ceiling(wait.TotalSeconds)) : 1;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, new
        {
            errors = new[] { new { message = GraphQLTexts.TooManyRequests.Format(retryAfter), extensions = new { code = ErrorCodes.RateLimited } } },
        }, cancellationToken: cancellationToken);
    }
}
