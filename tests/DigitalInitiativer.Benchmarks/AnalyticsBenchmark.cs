using System.Data.Common;
using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Synthetic;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Benchmarks;

public static class AnalyticsBenchmark
{
    private const string ReachQuery = "{ reachMatrix { wave { year } rows { initiative { code } kind totalParticipants cells { profile { kind } participants coverage suppressed } } } }";
    private const string ReachByKindQuery = "{ reachMatrix(filter: { groupByKind: true }) { rows { kind totalParticipants cells { participants coverage suppressed } } } }";
    private const string DistributionQuery = "{ surveyWaves { year profileDistribution { total groups { profile { kind } count share } } } }";
    private const string TransitionsQuery = """
        query($from: ID!, $to: ID!) { profileTransitions(fromWaveId: $from, toWaveId: $to, filter: { initiativeKind: COURSE }) {
          all { n movedUpShare stayedShare movedDownShare cells { count } } participants { n movedUpShare cells { count } }
          nonParticipants { n movedUpShare cells { count } } difference { estimate ciLow ciHigh suppressed } } }
        """;

    // The SQL each answer needs, written by hand: what a bare report would run to get the same cells.
    private const string PopulationSql = """
        SELECT "UnitId", "Role", "Profile", COUNT(*) FROM "assessments" WHERE "WaveId" = 2 GROUP BY "UnitId", "Role", "Profile";
        SELECT p."UnitId", p."Role", COUNT(*) FROM "persons" p WHERE NOT EXISTS (SELECT 1 FROM "assessments" a WHERE a."PersonId" = p."Id" AND a."WaveId" = 2) GROUP BY p."UnitId", p."Role";
        """;
    private const string ReachCellsSql = """
        SELECT p."InitiativeId", a."Profile", COALESCE(a."UnitId", pe."UnitId"), COALESCE(a."Role", pe."Role"), COUNT(*)
        FROM "participations" p JOIN "persons" pe ON pe."Id" = p."PersonId"
        LEFT JOIN "assessments" a ON a."PersonId" = p."PersonId" AND a."WaveId" = 2
        WHERE p."Status" <> 4 GROUP BY 1, 2, 3, 4;
        """;
    private const string ReachMinimalSql = """
        SELECT p."InitiativeId", a."Profile", COUNT(*) FROM "participations" p
        LEFT JOIN "assessments" a ON a."PersonId" = p."PersonId" AND a."WaveId" = 2
        WHERE p."Status" <> 4 GROUP BY 1, 2;
        """;
    private const string TransitionsSql = """
        SELECT f."UnitId", f."Role", f."Profile", t."Profile",
          EXISTS (SELECT 1 FROM "participations" p WHERE p."PersonId" = f."PersonId" AND p."Status" <> 4
                  AND COALESCE(p."StartedOn", p."EnrolledOn") > '2021-04-15' AND COALESCE(p."StartedOn", p."EnrolledOn") <= '2023-04-15') AS took_part,
          COUNT(*)
        FROM "assessments" f JOIN "assessments" t ON t."PersonId" = f."PersonId" AND t."WaveId" = 2
        WHERE f."WaveId" = 1 GROUP BY 1, 2, 3, 4, 5;
        """;

    public static async Task<int> RunAsync(BenchmarkOptions options, TextWriter output)
    {
        var (provider, connectionString) = await EnsureGeneratedAsync(options, output);

        await using var api = new BenchmarkApi(connectionString, new Dictionary<string, string> { [DatabaseConnection.ProviderKey] = provider.ToString(), ["Analytics:WarmFigures"] = "false",
            // The first call computes the figures; at 5,000,000 participations that takes longer than a reader is given.
            ["GraphQL:ExecutionTimeoutSeconds"] = "900" });
        var token = api.Services.GetRequiredService<DevTokens>().Create(Roles.Evaluator, null);
        var http = api.CreateClient();
        http.Timeout = TimeSpan.FromMinutes(10);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var waves = await PostAsync(http, "{ surveyWaves { id } }", null);
        var waveIds = waves["surveyWaves"]!.AsArray().Select(w => (string)w!["id"]!).ToArray();

        await using var connection = Open(provider, connectionString);
        await connection.OpenAsync();

        var results = new List<(Timing Api, Timing[] Bare)>
        {
            (await Timing.MeasureAsync("reachMatrix (100 initiatives)", options.Runs, () => PostAsync(http, ReachQuery, null)),
                [await Timing.MeasureAsync("  bare SQL, same cells (initiative × profile × unit × role) and population", options.Runs, () => RunSqlAsync(connection, ReachCellsSql + PopulationSql)),
                 await Timing.MeasureAsync("  bare SQL, initiative × profile only (no disclosure control)", options.Runs, () => RunSqlAsync(connection, ReachMinimalSql))]),
            (await Timing.MeasureAsync("reachMatrix(groupByKind: true)", options.Runs, () => PostAsync(http, ReachByKindQuery, null)), []),
            (await Timing.MeasureAsync("profileTransitions (courses)", options.Runs, () => PostAsync(http, TransitionsQuery, new { from = waveIds[0], to = waveIds[1] })),
                [await Timing.MeasureAsync("  bare SQL, same cells (unit × role × from × to × took part)", options.Runs, () => RunSqlAsync(connection, TransitionsSql))]),
            (await Timing.MeasureAsync("surveyWaves { profileDistribution } (2 waves)", options.Runs, () => PostAsync(http, DistributionQuery, null)),
                [await Timing.MeasureAsync("  bare SQL, same cells (unit × role × profile, one wave)", options.Runs, () => RunSqlAsync(connection, PopulationSql))]),
        };

        output.WriteLine($"{provider}: {options.Persons:N0} persons, {options.Participations:N0} participations, {options.Initiatives} initiatives, 2 waves; "
            + $"{Environment.ProcessorCount} cores; median of {options.Runs} runs after one warm-up. The first call computes and protects the figures (\"first ms\"); "
            + "later calls read them until their data changes.");
        output.WriteLine($"{"",-76} {"first ms",9} {"median ms",10} {"min ms",8} {"API / bare",10}");
        foreach (var (apiTiming, bareTimings) in results)
        {
            output.WriteLine($"{apiTiming.Name,-76} {apiTiming.WarmUp,9:0} {apiTiming.Median,10:0.0} {apiTiming.Min,8:0.0}");
            foreach (var bareTiming in bareTimings)
                output.WriteLine($"{bareTiming.Name,-76} {"",9} {bareTiming.Median,10:0} {bareTiming.Min,8:0} {apiTiming.Median / bareTiming.Median,9:0.000}×");
        }
        return 0;
    }

    private static DbConnection Open(DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    /// <summary>The generated database, made once per size and kept: a SQLite file, or a PostgreSQL database filled with COPY.</summary>
    private static async Task<(DatabaseProvider, string)> EnsureGeneratedAsync(BenchmarkOptions options, TextWriter output)
    {
        if (options.Postgres is { } server)
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = options.PostgresDatabase, CommandTimeout = 600 }.ToString();
            await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString()))
            {
                await admin.OpenAsync();
                await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{options.PostgresDatabase}'", admin);
                if (await exists.ExecuteScalarAsync() is not null) return (DatabaseProvider.Postgres, connectionString);
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{options.PostgresDatabase}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
            await GenerateAsync(options, output, new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString, o => o.CommandTimeout(600)).Options,
                options => new PostgresAppDbContext(options));
            return (DatabaseProvider.Postgres, connectionString);
        }

        Directory.CreateDirectory(options.Folder);
        var sqlite = $"Data Source={options.DatabasePath}";
        if (!File.Exists(options.DatabasePath))
        {
            await GenerateAsync(options, output, new DbContextOptionsBuilder<AppDbContext>().UseSqlite(sqlite).AddInterceptors(new SqliteConnectionSetup()).Options,
                options => new AppDbContext(options));
            SqliteConnection.ClearAllPools();
        }
        return (DatabaseProvider.Sqlite, sqlite);
    }

    private static async Task GenerateAsync(BenchmarkOptions options, TextWriter output, DbContextOptions<AppDbContext> contextOptions, Func<DbContextOptions<AppDbContext>, AppDbContext> create)
    {
        output.WriteLine($"Generating {options.Persons:N0} persons and {options.Participations:N0} participations ...");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var db = create(contextOptions);
        await db.Database.MigrateAsync();
        var data = SyntheticData.Generate(new SyntheticOptions(options.Persons, options.Participations, options.Initiatives));
        var generated = clock.Elapsed;
        await data.WriteAsync(db);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        output.WriteLine($"Generated in memory in {generated.TotalSeconds:0.0} s, written (with the analytics refresh) in {(clock.Elapsed - generated).TotalSeconds:0.0} s.");
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string query, object? variables)
    {
        using var response = await http.PostAsync("/graphql", System.Net.Http.Json.JsonContent.Create(new { query, variables }));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (!response.IsSuccessStatusCode || body["errors"] is not null) throw new InvalidOperationException($"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body["data"]!;
    }

    private static async Task RunSqlAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync()) { }
        }
        while (await reader.NextResultAsync());
    }
}
