using GraphQL.Validation.Complexity;

namespace DigitalInitiativer.Api.GraphQL.Limits;

/// <summary>
/// Remembers the highest complexity and depth seen, so the limits can be set from the real queries
/// (the tests run the documented queries and read these numbers).
/// </summary>
public sealed class ComplexityMeter
{
    private double _highestComplexity;
    private int _highestDepth;

    public double HighestComplexity => Volatile.Read(ref _highestComplexity);
    public int HighestDepth => Volatile.Read(ref _highestDepth);

    public void Reset()
    {
        Volatile.Write(ref _highestComplexity, 0);
        Volatile.Write(ref _highestDepth, 0);
    }

    public Task RecordAsync(ComplexityValidationContext context)
    {
        if (context.Error is null)
        {
            lock (this)
            {
                _highestComplexity = Math.Max(_highestComplexity, context.TotalImpact);
                _highestDepth = Math.Max(_highestDepth, context.MaxDepth);
            }
        }
        return Task.CompletedTask;
    }
}
