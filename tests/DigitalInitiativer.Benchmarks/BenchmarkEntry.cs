namespace DigitalInitiativer.Benchmarks;

/// <summary>
/// <c>analytics</c> (the default): reachMatrix and profileTransitions against the bare SQL that does the same aggregation.
/// <c>imports</c>: survey and participation imports against a raw bulk insert of the same rows. Both in one run each.
/// </summary>
public static class BenchmarkEntry
{
    public static Task<int> Main(string[] args) => args.FirstOrDefault() == "imports"
        ? ImportBenchmark.RunAsync(BenchmarkOptions.Parse(args), Console.Out)
        : AnalyticsBenchmark.RunAsync(BenchmarkOptions.Parse(args), Console.Out);
}
