using System.Diagnostics;

namespace DigitalInitiativer.Benchmarks;

public sealed record Timing(string Name, IReadOnlyList<double> Milliseconds)
{
    public double Median => Milliseconds.Order().ElementAt(Milliseconds.Count / 2);
    public double Min => Milliseconds.Min();

    /// <summary>One warm-up call, then <paramref name="runs"/> timed calls.</summary>
    public static async Task<Timing> MeasureAsync(string name, int runs, Func<Task> action)
    {
        await action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new Timing(name, times);
    }
}
