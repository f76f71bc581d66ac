using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DigitalInitiativer.Api.Observability;

/// <summary>Health endpoints and OpenTelemetry traces and metrics (exported over OTLP when an endpoint is configured).</summary>
public static class ObservabilityExtensions
{
    public const string LivePath = "/health/live", ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddDigitalInitiativerObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);

        // The standard OTEL_EXPORTER_OTLP_ENDPOINT (or OpenTelemetry:OtlpEndpoint) turns the exporters on.
        var otlpEndpoint = builder.Configuration["OpenTelemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("DigitalInitiativer.Api"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddSource(GraphQLTelemetry.SourceName);
                if (otlpEndpoint is not null) tracing.AddOtlpExporter(options => options.Endpoint = new Uri(otlpEndpoint));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(GraphQLTelemetry.SourceName);
                if (otlpEndpoint is not null) metrics.AddOtlpExporter(options => options.Endpoint = new Uri(otlpEndpoint));
            });
        return builder;
    }

    /// <summary>Live: the process answers. Ready: the database answers too (503 while it does not). Both without sign-in.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
