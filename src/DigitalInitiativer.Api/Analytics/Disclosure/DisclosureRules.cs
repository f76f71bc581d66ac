namespace DigitalInitiativer.Api.Analytics.Disclosure;

/// <summary>
/// How every published count is protected: the cell-key method (<see cref="MaximumPerturbation"/>) with small-cell
/// suppression on top (<see cref="MinimumGroupSize"/>). See docs/analytics.md.
/// <para>
/// Every person carries a fixed random record key. A cell's key is the sum of its people's keys. Its count is moved by
/// a whole number from −D to +D drawn from that key mixed with the key of its whole row (e.g. every participant of
/// the initiative), and shown only when the moved count is at least k. So the same people always give the same answer;
/// two overlapping cells no longer subtract to a person; and when one person joins a row, every cell of the row is
/// drawn anew, whether it is shown included, so neither "the one cell that moved" nor "the one cell that appeared"
/// names their group.
/// </para>
/// </summary>
/// <param name="MinimumGroupSize">k: a cell is shown only when its perturbed count is at least k.</param>
/// <param name="MaximumPerturbation">D: a shown count differs from the true count by at most D; below k, so an empty cell is never shown. 0 turns perturbation off (Development only).</param>
public sealed record DisclosureRules(int MinimumGroupSize, int MaximumPerturbation)
{
    /// <summary>Suppression alone, for checking the suppression rules on their own.</summary>
    public static DisclosureRules SuppressionOnly(int minimumGroupSize) => new(minimumGroupSize, 0);

    public bool Perturbs => MaximumPerturbation > 0;

    /// <summary>The count moved by −D to +D, uniformly by the cell's noise key. Whether it is shown is decided on this value.</summary>
    public long Perturb(long count, ulong noiseKey)
    {
        if (!Perturbs) return count;
        var width = 2 * MaximumPerturbation + 1;
        var uniform = (noiseKey >> 11) * (1.0 / (1UL << 53));
        return count - MaximumPerturbation + (long)(uniform * width);
    }

    /// <summary>The noise key of a cell: its people's key sum mixed with the key sum of its whole row.</summary>
    public static ulong NoiseKey(long cellKeySum, long rowKeySum) => Finalise(unchecked((ulong)cellKeySum * 0x9E3779B97F4A7C15UL + Finalise((ulong)rowKeySum)));

    /// <summary>SplitMix64's finaliser: every input bit reaches every output bit.</summary>
    private static ulong Finalise(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
