namespace DigitalInitiativer.Api.Analytics.Disclosure;

/// <summary>
/// How every published count is protected: small-cell suppression (<see cref="MinimumGroupSize"/>) and the cell-key
/// method (<see cref="MaximumPerturbation"/>).
/// <para>
/// Every person carries a fixed random record key. A cell's key is the sum of its people's keys, and its published
/// count is its true count plus a perturbation drawn from the cell's key. So the same people always give the same
/// answer, and two overlapping cells no longer subtract to a person. We also mix in the key of the whole row (e.g. every
/// participant of the initiative): when one person joins a row, every cell of the row is drawn anew, not only theirs,
/// so "the one cell that moved" no longer names their group.
/// </para>
/// </summary>
/// <param name="MinimumGroupSize">k: counts of 1 to k−1 are withheld.</param>
/// <param name="MaximumPerturbation">D: a published count differs from the true count by at most D. 0 turns perturbation off (Development only).</param>
public sealed record DisclosureRules(int MinimumGroupSize, int MaximumPerturbation)
{
    /// <summary>Suppression alone, for checking the suppression rules on their own.</summary>
    public static DisclosureRules SuppressionOnly(int minimumGroupSize) => new(minimumGroupSize, 0);

    /// <summary>
    /// The count to publish for a cell of at least k people: the true count moved by −D to +D, uniformly by the cell's
    /// noise key. Near k the range narrows, so a published count is never below k and the mean stays the true count.
    /// Zeros describe nobody and stay zero; smaller counts are never published.
    /// </summary>
    public long Publish(long count, ulong noiseKey)
    {
        var reach = Math.Min(MaximumPerturbation, count - MinimumGroupSize);
        if (reach <= 0) return count;
        var width = 2 * reach + 1;
        var uniform = (noiseKey >> 11) * (1.0 / (1UL << 53));
        return count - reach + (long)(uniform * width);
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
