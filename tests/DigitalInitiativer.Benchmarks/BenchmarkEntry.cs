namespace DigitalInitiativer.Benchmarks;

/// <summary>
/// <c>analytics</c> (the default): reachMatrix and profileTransitions against the bare SQL that does the same aggregation.
/// <c>imports</c>: survey and participation imports against a raw bulk insert of the same rows. Both in one run each.
/// <c>attack</c>: an honest client's latency alone and next to 16 attackers with heavy documents (docs/performance.md).
/// </summary>
public static class BenchmarkEntry
{
    public static Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "imports" => ImportBenchmark.RunAsync(BenchmarkOptions.Parse(args), Console.Out),
        "attack" => AttackBenchmark.RunAsync(BenchmarkOptions.Parse(args), Console.Out),
        _ => AnalyticsBenchmark.RunAsync(BenchmarkOptions.Parse(args), Console.Out),
    };
}
