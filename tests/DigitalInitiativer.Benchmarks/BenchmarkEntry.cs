namespace DigitalInitiativer.Benchmarks;

/// <summary>Analytics at national scale: the API's answers timed against the bare SQL that does the same aggregation, in one run.</summary>
public static class BenchmarkEntry
{
    public static Task<int> Main(string[] args) => AnalyticsBenchmark.RunAsync(BenchmarkOptions.Parse(args), Console.Out);
}
