namespace DigitalInitiativer.Api.Analytics.Disclosure;

/// <summary>
/// How every published count is protected: the cell-key method (<see cref="MaximumPerturbation"/>) with small-cell
/// suppression on top (<see cref="MinimumGroupSize"/>). See docs/analytics.md.
/// <para>
/// Every person carries a fixed random record key. A cell's key is the sum of its people's keys. Its count is moved by
/// a whole number from −D to +D drawn from that key, mixed with the placement key of its slice (how the people of
/// that unit and role are placed over the row's groups, e.g. the four profiles), and shown only when the
/// moved count is at least k. So the same people in the same slice always give the same answer, whatever else the row
/// or the query holds (another window, other units); two overlapping cells no longer subtract to a person; and when
/// one person joins, leaves or moves within a slice, every cell of that slice is drawn anew, whether it is shown
/// included, so neither "the one cell that moved" nor "the one cell that appeared" names their group. Profiles are
/// broken down only for groups of at least <see cref="MinimumBreakdownSize"/>.
/// </para>
/// </summary>
/// <param name="MinimumGroupSize">k: a cell is shown only when its perturbed count is at least k.</param>
/// <param name="MaximumPerturbation">D: a shown count differs from the true count by at most D; below k, so an empty cell is never shown. 0 turns perturbation off (Development only).</param>
public sealed record DisclosureRules(int MinimumGroupSize, int MaximumPerturbation)
{
    /// <summary>Suppression alone, for checking the suppression rules on their own.</summary>
    public static DisclosureRules SuppressionOnly(int minimumGroupSize) => new(minimumGroupSize, 0);

    public bool Perturbs => MaximumPerturbation > 0;

    /// <summary>
    /// 2k: a row's profile breakdown is shown only when at least this many of its people were assessed, and only when
    /// the people it leaves out of every breakdown that holds it (the other role, the rest of each unit above) are none
    /// or at least this many. A breakdown of one or a few people names them: any profile shown in it is theirs.
    /// </summary>
    public int MinimumBreakdownSize => 2 * MinimumGroupSize;

    /// <summary>The count moved by −D to +D, uniformly by the cell's noise key. Whether it is shown is decided on this value.</summary>
    public long Perturb(long count, ulong noiseKey)
    {
        if (!Perturbs) return count;
        var width = 2 * MaximumPerturbation + 1;
        var uniform = (noiseKey >> 11) * (1.0 / (1UL << 53));
        return count - MaximumPerturbation + (long)(uniform * width);
    }

    /// <summary>
    /// The noise key of a cell: its people's key sum, mixed with its slice's <see cref="PlacementKey"/>. The same cell read
    /// through the same slice, e.g. a unit and a parent that adds nobody, or one unit in two date windows that differ only
    /// elsewhere, gives the same answer, so reading both is one reading; a cell that holds the same people in two
    /// differently placed slices draws twice, so equal figures do not tell that the slices' difference is empty.
    /// </summary>
    public static ulong NoiseKey(long cellKeySum, ulong placementKey) =>
        Finalise(unchecked((ulong)cellKeySum * 0x9E3779B97F4A7C15UL + Finalise(placementKey)));

    /// <summary>A key for how the people of a slice are placed: the key sum of every group (position) that counts someone, in order.</summary>
    public static ulong PlacementKey(IEnumerable<(long Position, long KeySum)> placements)
    {
        var key = 0x2545F4914F6CDD1DUL;
        foreach (var (position, keySum) in placements)
            key = Finalise(unchecked(key ^ Finalise((ulong)position) + (ulong)keySum * 0x9E3779B97F4A7C15UL));
        return key;
    }

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
