using System.Diagnostics;

namespace DigitalInitiativer.Benchmarks;

public sealed record Timing(string Name, IReadOnlyList<double> Milliseconds, double WarmUp)
{
    public double Median => Milliseconds.Order().ElementAt(Milliseconds.Count / 2);
    public double Min => Milliseconds.Min();

    /// <summary>One warm-up call (timed too: for kept figures, it is the computation), then <paramref name="runs"/> timed calls.</summary>
    public static async Task<Timing> MeasureAsync(string name, int runs, Func<Task> action)
    {
        var warmUp = Stopwatch.StartNew();
        await action();
        var first = warmUp.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new Timing(name, times, first);
    }
}
