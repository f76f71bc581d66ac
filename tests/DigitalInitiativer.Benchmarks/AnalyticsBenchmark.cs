using System.Data.Common;
using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Synthetic;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Benchmarks;

public static class AnalyticsBenchmark
{
    private const string ReachQuery = "{ reachMatrix { wave { year } rows { initiative { code } kind totalParticipants cells { profile { kind } participants coverage suppressed } } } }";
    private const string ReachByKindQuery = "{ reachMatrix(filter: { groupByKind: true }) { rows { kind totalParticipants cells { participants coverage suppressed } } } }";
    private const string TransitionsQuery = """
        query($from: ID!, $to: ID!) { profileTransitions(fromWaveId: $from, toWaveId: $to) {
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
        Directory.CreateDirectory(options.Folder);
        var connectionString = $"Data Source={options.DatabasePath}";
        await EnsureGeneratedAsync(options, connectionString, output);

        await using var api = new BenchmarkApi(connectionString);
        var token = api.Services.GetRequiredService<DevTokens>().Create(Roles.Evaluator, null);
        var http = api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var waves = await PostAsync(http, "{ surveyWaves { id } }", null);
        var waveIds = waves["surveyWaves"]!.AsArray().Select(w => (string)w!["id"]!).ToArray();

        await using var bare = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).AddInterceptors(new SqliteConnectionSetup()).Options);
        await bare.Database.OpenConnectionAsync();
        var connection = bare.Database.GetDbConnection();

        var results = new List<(Timing Api, Timing[] Bare)>
        {
            (await Timing.MeasureAsync("reachMatrix (100 initiatives)", options.Runs, () => PostAsync(http, ReachQuery, null)),
                [await Timing.MeasureAsync("  bare SQL, same cells (initiative × profile × unit × role) and population", options.Runs, () => RunSqlAsync(connection, ReachCellsSql + PopulationSql)),
                 await Timing.MeasureAsync("  bare SQL, initiative × profile only (no disclosure control)", options.Runs, () => RunSqlAsync(connection, ReachMinimalSql))]),
            (await Timing.MeasureAsync("reachMatrix(groupByKind: true)", options.Runs, () => PostAsync(http, ReachByKindQuery, null)), []),
            (await Timing.MeasureAsync("profileTransitions (any initiative)", options.Runs, () => PostAsync(http, TransitionsQuery, new { from = waveIds[0], to = waveIds[1] })),
                [await Timing.MeasureAsync("  bare SQL, same cells (unit × role × from × to × took part)", options.Runs, () => RunSqlAsync(connection, TransitionsSql))]),
        };

        output.WriteLine($"{options.Persons:N0} persons, {options.Participations:N0} participations, {options.Initiatives} initiatives, 2 waves; "
            + $"{Environment.ProcessorCount} cores; median of {options.Runs} runs after one warm-up");
        output.WriteLine($"{"",-76} {"median ms",10} {"min ms",8} {"API / bare",10}");
        foreach (var (apiTiming, bareTimings) in results)
        {
            output.WriteLine($"{apiTiming.Name,-76} {apiTiming.Median,10:0} {apiTiming.Min,8:0}");
            foreach (var bareTiming in bareTimings)
                output.WriteLine($"{bareTiming.Name,-76} {bareTiming.Median,10:0} {bareTiming.Min,8:0} {apiTiming.Median / bareTiming.Median,9:0.00}×");
        }
        return 0;
    }

    private static async Task EnsureGeneratedAsync(BenchmarkOptions options, string connectionString, TextWriter output)
    {
        if (File.Exists(options.DatabasePath)) return;
        output.WriteLine($"Generating {options.DatabasePath} ...");
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).AddInterceptors(new SqliteConnectionSetup()).Options);
        await db.Database.MigrateAsync();
        await SyntheticData.Generate(new SyntheticOptions(options.Persons, options.Participations, options.Initiatives)).WriteAsync(db);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        SqliteConnection.ClearAllPools();
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
