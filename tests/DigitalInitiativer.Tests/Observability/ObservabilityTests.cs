using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using DigitalInitiativer.Api.Observability;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalInitiativer.Tests.Observability;

public sealed class HealthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [SqliteFact]
    public async Task Ready_is_503_while_the_database_file_is_gone_and_recovers_when_it_is_back()
    {
        var http = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        var moved = api.DatabasePath + ".moved";
        File.Move(api.DatabasePath, moved);
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            File.Move(moved, api.DatabasePath, overwrite: true);
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }
}

/// <summary>The app on a PostgreSQL server of its own, which the test stops and starts again.</summary>
public sealed class PostgresHealthTests : IDisposable
{
    private const int Port = 5491;
    private readonly OwnServerApp _api = new(Port);

    [PostgresFact]
    public async Task Ready_is_503_while_PostgreSQL_is_stopped_and_recovers_when_it_is_started_again()
    {
        await PostgresServer.StartAsync(Port);
        var http = _api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        await PostgresServer.StopAsync(Port);
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await PostgresServer.StartAsync(Port);
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        var data = await _api.CreateGraphQLClient().QueryAsync("{ competenceProfiles { kind } }");
        Assert.Equal(4, data["competenceProfiles"]!.AsArray().Count);
        // The connection that carries vote changes between instances comes back on its own too.
        for (var i = 0; i < 150 && ListeningCount() < 2; i++) await Task.Delay(100);
        Assert.Equal(2, ListeningCount());
    }

    private int ListeningCount() => _api.Logs.Lines.Count(line => line.Contains("Listening for vote changes"));

    public void Dispose()
    {
        _api.Dispose();
        if (TestDatabase.IsPostgres) PostgresServer.StopAsync(Port).GetAwaiter().GetResult();
    }

    private sealed class OwnServerApp(int port) : ApiFactory
    {
        public LogCapture Logs { get; } = new();
        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
        protected override bool WithDemoData => false;
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("ConnectionStrings:DigitalInitiativer", $"Host=127.0.0.1;Port={port};Username=postgres;Database=di_health")];
    }
}

public sealed class TelemetryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Each_operation_gets_a_span_and_metrics_with_its_name_and_type_but_never_its_variables()
    {
        const string Secret = "S3CRET-VARIABLE-VALUE";
        // Other test classes run requests at the same time, so the listener sees their spans too.
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GraphQLTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var operations = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener { InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == GraphQLTelemetry.SourceName) l.EnableMeasurementEvents(instrument); } };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) => { lock (operations) operations.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))); });
        meters.Start();

        await api.CreateGraphQLClient("Evaluator").QueryAsync(
            "query TelemetryProbe($code: String!) { initiative(code: $code) { title } }", new { code = Secret });

        var span = Assert.Single(spans.ToArray(), s => (string?)s.GetTagItem("graphql.operation.name") == "TelemetryProbe");
        Assert.Equal("query", span.GetTagItem("graphql.operation.type"));
        Assert.Equal("query TelemetryProbe", span.DisplayName);
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString()?.Contains(Secret) == true);
        lock (operations)
            Assert.Contains(operations, o => o.Value == 1 && (string?)o.Tags["graphql.operation.type"] == "query" && (string?)o.Tags["graphql.outcome"] == "ok");
    }
}
