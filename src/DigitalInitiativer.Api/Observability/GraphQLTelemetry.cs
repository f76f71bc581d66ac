using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQL;

namespace DigitalInitiativer.Api.Observability;

/// <summary>
/// A span and two metrics per GraphQL operation: its type, its name and whether it failed. Never the variables or the
/// document text, which may hold personal data.
/// </summary>
public static class GraphQLTelemetry
{
    public const string SourceName = "DigitalInitiativer.GraphQL";

    public static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Counter<long> Operations = Meter.CreateCounter<long>("graphql.server.operations", description: "GraphQL operations run, by type and outcome.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("graphql.server.operation.duration", "s", "How long GraphQL operations took, by type and outcome.");

    public static Activity? Start() => Source.StartActivity("graphql.operation", ActivityKind.Internal);

    public static void Record(Activity? activity, ExecutionResult result, string? requestedName, string transport, long startedAt)
    {
        var type = result.Operation?.Operation.ToString().ToLowerInvariant() ?? "unknown";
        var name = result.Operation?.Name?.StringValue ?? requestedName ?? "anonymous";
        var outcome = result.Errors is { Count: > 0 } ? "error" : "ok";
        var tags = new TagList { { "graphql.operation.type", type }, { "graphql.outcome", outcome }, { "graphql.transport", transport } };
        Operations.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tags);

        if (activity is null) return;
        activity.DisplayName = $"{type} {name}";
        activity.SetTag("graphql.operation.type", type);
        activity.SetTag("graphql.operation.name", name);
        activity.SetTag("graphql.transport", transport);
        if (result.Errors is { Count: > 0 } errors)
        {
            activity.SetTag("graphql.error.codes", string.Join(",", errors.Select(e => e.Code).Distinct()));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
