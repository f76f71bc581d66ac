using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Benchmarks;

/// <summary>
/// An honest catalogue client's latency alone, then next to 16 attackers sending heavy documents as fast as they can,
/// over real sockets to the demo municipality. The honest p99 under attack should stay within 2× of its p99 alone.
/// </summary>
public static class AttackBenchmark
{
    private const string Catalogue = "{ initiatives(first: 20, order: { field: STARTS_ON }) { nodes { id code title kind startsOn unit { name } } } }";
    private const int Attackers = 16;

    public static async Task<int> RunAsync(BenchmarkOptions options, TextWriter output)
    {
        var database = Path.Combine(Path.GetTempPath(), $"digitalinitiativer-attack-{Guid.NewGuid():N}.db");
        try
        {
            await using var api = new BenchmarkApi($"Data Source={database}", new Dictionary<string, string> { ["Seed:Demo"] = "true" });
            var address = api.StartOnKestrel();
            var tokens = api.Services.GetRequiredService<DevTokens>();
            using var honest = Client(address, tokens.Create(Roles.Evaluator, null));
            var requests = options.Runs * 60;

            var heavyAnonymous = Body("{ " + string.Concat(Enumerable.Repeat("__typename ", 20_000)) + "}");
            var underLimit = Body("{ " + string.Concat(Enumerable.Repeat("__typename ", 990)) + "}");
            var valid = Body(Catalogue);
            var fragmentBomb = Body("{ __typename ...A0 ...B0 } "
                + string.Concat(Enumerable.Range(0, 22).Select(i => $"fragment A{i} on Query {{ ...A{i + 1} ...B{i + 1} }} fragment B{i} on Query {{ ...A{i + 1} ...B{i + 1} }} "))
                + "fragment A22 on Query { __typename } fragment B22 on Query { __typename }");
            var attacks = new (string Name, string? Token, byte[] Body)[]
            {
                ("anonymous, 20,000 fields (220 KB)", null, heavyAnonymous),
                ("anonymous, fragment bomb (2^22 fields in 450 tokens)", null, fragmentBomb),
                ("signed in, 990 fields (just under the token limit)", tokens.Create(Roles.Employee, "demo-0001"), underLimit),
                ("signed in, the catalogue query itself", tokens.Create(Roles.Employee, "demo-0002"), valid),
            };

            output.WriteLine($"Demo municipality on SQLite, Kestrel on {address}; {Environment.ProcessorCount} cores; {requests} honest requests per phase, 20 a second.");
            output.WriteLine($"{"phase",-58} {"p50 ms",8} {"p99 ms",8} {"p99 / alone",12} {"attack requests",16} {"attack statuses",20}");
            await MeasureAsync(honest, 200); // warm-up
            var alone = await MeasureAsync(honest, requests);
            output.WriteLine($"{"honest catalogue client alone",-58} {Percentile(alone, 0.5),8:0.0} {Percentile(alone, 0.99),8:0.0}");
            foreach (var (name, token, body) in attacks)
            {
                using var stop = new CancellationTokenSource();
                var statuses = new System.Collections.Concurrent.ConcurrentDictionary<HttpStatusCode, int>();
                var attackers = Enumerable.Range(0, Attackers).Select(_ => Task.Run(async () =>
                {
                    using var attacker = Client(address, token);
                    while (!stop.IsCancellationRequested)
                    {
                        try
                        {
                            using var response = await attacker.PostAsync("/graphql", Content(body), stop.Token);
                            statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                        }
                        catch (OperationCanceledException)
                        {
                        }
                    }
                })).ToList();
                await Task.Delay(500);
                var underAttack = await MeasureAsync(honest, requests);
                await stop.CancelAsync();
                await Task.WhenAll(attackers);
                output.WriteLine($"{"  next to 16 attackers: " + name,-58} {Percentile(underAttack, 0.5),8:0.0} {Percentile(underAttack, 0.99),8:0.0} "
                    + $"{Percentile(underAttack, 0.99) / Percentile(alone, 0.99),11:0.00}× {statuses.Values.Sum(),16} "
                    + $"{string.Join(", ", statuses.Select(s => $"{(int)s.Key}: {s.Value}")),20}");
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(database) + "*")) File.Delete(file);
        }
    }

    private static HttpClient Client(Uri address, string? token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static byte[] Body(string query) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { query });

    private static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>The honest client asks 20 times a second, as a front-end does at most for one person; each request is timed.</summary>
    private static async Task<List<double>> MeasureAsync(HttpClient client, int requests)
    {
        var body = Body(Catalogue);
        var times = new List<double>(requests);
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        for (var i = 0; i < requests; i++)
        {
            await pace.WaitForNextTickAsync();
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync("/graphql", Content(body));
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The honest request got {(int)response.StatusCode}.");
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static double Percentile(List<double> values, double p) => values.Order().ElementAt(Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1));
}
