using System.Data.Common;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Limits;

/// <summary>Every query the app sends takes 300 ms longer, so an operation of many root fields takes seconds.</summary>
public sealed class SlowDatabaseApiFactory : ApiFactory
{
    public SlowQueries Queries { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Queries));

    public sealed class SlowQueries : DbCommandInterceptor
    {
        private int _started;

        public int Started => Volatile.Read(ref _started);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("initiatives", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _started);
                await Task.Delay(300, cancellationToken);
            }
            return result;
        }
    }
}

/// <summary>When the client goes away, the server stops working on its request instead of finishing for nobody.</summary>
public sealed class DisconnectTests(SlowDatabaseApiFactory api) : IClassFixture<SlowDatabaseApiFactory>
{
    [Fact]
    public async Task Work_stops_when_the_client_disconnects()
    {
        var client = api.CreateGraphQLClient();
        const int fields = 12;
        var query = "{ " + string.Concat(Enumerable.Range(1, fields).Select(n => $"f{n}: initiatives(first: {n}) {{ totalCount nodes {{ code }} }} ")) + "}";
        await client.PostAsync("{ initiatives(first: 1) { totalCount } }"); // warm up

        var startedBefore = api.Queries.Started;
        using var gone = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Http.PostAsync("/graphql",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json"), gone.Token));
        await Task.Delay(TimeSpan.FromSeconds(3));

        // The whole operation sends at least one query per field (12 × 300 ms); after the client left at 700 ms, at most
        // the query then running finishes.
        var started = api.Queries.Started - startedBefore;
        Assert.InRange(started, 1, 4);
    }
}
