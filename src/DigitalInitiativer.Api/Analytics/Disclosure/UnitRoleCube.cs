using System.Runtime.InteropServices;

namespace DigitalInitiativer.Api.Analytics.Disclosure;

/// <summary>A protected cube's published figures for every unit and role (null where withheld).</summary>
public sealed class PublishedCube(long?[] figures, int members)
{
    public int Cells => figures.Length;

    public long? Published(int unit, RoleSlot role, int member) => figures[((unit * UnitRoleCube.RoleSlots) + (int)role) * members + member];
}

/// <summary>Which staff a figure counts: everyone, employees only or leaders only.</summary>
public enum RoleSlot { All = 0, Employees = 1, Leaders = 2 }

/// <summary>
/// The people placed directly in each unit, as [unit, employees|leaders, member]: how many they are and the sum of
/// their record keys, the two things every SQL GROUP BY returns.
/// </summary>
public sealed class OwnCounts(int units, int members)
{
    public int Members => members;
    internal long[] Counts { get; } = new long[units * 2 * members];
    internal long[] KeySums { get; } = new long[units * 2 * members];

    public static int Index(int unit, RoleSlot role, int member, int members) => ((unit * 2) + (int)role - 1) * members + member;

    public void Add(int unit, RoleSlot role, int member, long count, long keySum)
    {
        var index = Index(unit, role, member, members);
        Counts[index] += count;
        KeySums[index] += keySum;
    }

    public long Count(int unit, RoleSlot role, int member) => Counts[Index(unit, role, member, members)];

    /// <summary>A unit is staffed in a role when any of the given members counts someone placed directly in it.</summary>
    public Func<int, RoleSlot, bool> StaffedIn(params int[] headcountMembers) =>
        (unit, role) => headcountMembers.Any(m => Count(unit, role, m) > 0);
}

/// <summary>A breakdown shown only for enough people: <see cref="Parts"/> need at least 2k in <see cref="Member"/> (see <see cref="DisclosureRules.MinimumBreakdownSize"/>).</summary>
public sealed record BreakdownGate(int Member, int[] Parts);

/// <summary>
/// A larger table whose slices hold a cube's slices, and its member that counts the same kind of people as the cube's
/// gate member. <see cref="Shared"/> (one member) counts the cube's gate people who are in it, placed as it places them,
/// when not all are (a reach row grouped at the start holds people placed by several waves); null when all are.
/// </summary>
public sealed record EnclosingTable(OwnCounts Counts, int Member, OwnCounts? Shared = null);

/// <summary>
/// One table of figures (its members, e.g. the four profiles and their total) for every unit, sub-units included,
/// and every <see cref="RoleSlot"/>, registered in a <see cref="DisclosureTable"/> with every relation a reader can
/// exploit by asking for several units or roles: a unit is its own staff plus its sub-units, and all staff are
/// employees plus leaders. Protecting the whole tree at once keeps the answer for any unit consistent with every other.
/// </summary>
public sealed class UnitRoleCube
{
    public const int RoleSlots = 3;

    private static readonly ulong UngroupedPlacement = DisclosureRules.PlacementKey([]);

    private readonly int _base;
    private readonly int _members;

    private UnitRoleCube(DisclosureTable table, int @base, int members)
    {
        Table = table;
        _base = @base;
        _members = members;
    }

    public DisclosureTable Table { get; }

    public int Cell(int unit, RoleSlot role, int member) => _base + ((unit * RoleSlots) + (int)role) * _members + member;

    public long ValueOf(int unit, RoleSlot role, int member) => Table.ValueOf(Cell(unit, role, member));

    /// <summary>The published figures alone, once the table is protected: small enough to keep and share, with nothing that is withheld.</summary>
    public PublishedCube Publish(OrgTree tree)
    {
        var figures = new long?[tree.Count * RoleSlots * _members];
        for (var cell = 0; cell < figures.Length; cell++) figures[cell] = Table.Published(_base + cell);
        return new PublishedCube(figures, _members);
    }

    /// <summary>Adds the cube and its unit and role relations; <paramref name="withinEach"/> are groups among members (a total first, then its parts), applied to every unit and role.</summary>
    /// <param name="ownStaffed">Whether a unit has staff of its own in a role; a unit without any is known to add nothing to its parent's figures.</param>
    /// <param name="rowMembers">The groups a row places people in, e.g. the four profiles (not the unassessed, whose coming and going must redraw nothing); how a slice's people are spread over them makes its placement key, which draws the noise of every cell of the slice.</param>
    /// <param name="gate">The breakdown of each unit and role that needs enough people; what every breakdown holding it adds are its complements.</param>
    /// <param name="within">
    /// Larger tables whose breakdowns hold (some of) this one's people, e.g. everyone assessed in both waves for the
    /// participants and the non-participants: their slices count as enclosing breakdowns too, their own slice included,
    /// and what sets the two apart (people in either but not both) must be none or enough.
    /// </param>
    /// <param name="grouping">
    /// What placed people in the row's groups (e.g. the wave whose profiles group them): part of every grouped cell's
    /// noise, so the same row grouped two ways draws twice. Otherwise equal readings in two groupings would tell that
    /// nobody in the slice changed group between them, e.g. that a colleague beside stayers kept their profile.
    /// </param>
    /// <param name="ungrouped">Members that count the same people however the row's groups place them (a row's total): their noise depends on those people alone, so two groupings of one row (by two waves) read the same there, and equal totals say nothing about whether anyone changed group.</param>
    /// <param name="holds">Smaller tables whose breakdowns this one's hold, e.g. a kind's initiatives: each of their slices in a unit and role this slice covers counts as enclosed.</param>
    public static UnitRoleCube Add(DisclosureTable table, OrgTree tree, OwnCounts own, Func<int, RoleSlot, bool> ownStaffed,
        IReadOnlyList<int[]> withinEach, int[] rowMembers, BreakdownGate gate, IReadOnlyList<EnclosingTable>? within = null, IReadOnlyList<OwnCounts>? holds = null, int[]? ungrouped = null, long grouping = 0)
    {
        var members = own.Members;
        var (subtree, subtreeKeys) = Subtrees(own, tree);
        var enclosing = (within ?? []).Select(larger => (Table: larger, Sums: Subtrees(larger.Counts, tree), Shared: larger.Shared is { } shared ? Subtrees(shared, tree) : default)).ToList();
        var held = (holds ?? []).Select(table => Subtrees(table, tree)).ToList();

        long SumOf(long[] sums, int unit, int role, int member) => SumIn(sums, members, unit, role, member);

        var sliceKeys = new ulong[tree.Count * RoleSlots];
        for (var unit = 0; unit < tree.Count; unit++)
            for (var role = 0; role < RoleSlots; role++)
                sliceKeys[unit * RoleSlots + role] = DisclosureRules.PlacementKey(rowMembers
                    .Where(member => SumOf(subtree, unit, role, member) > 0)
                    .Select(member => ((long)member, SumOf(subtreeKeys, unit, role, member)))
                    .Prepend((-1, grouping)));
        var @base = table.Count;
        var cube = new UnitRoleCube(table, @base, members);
        for (var unit = 0; unit < tree.Count; unit++)
            for (var role = 0; role < RoleSlots; role++)
                for (var member = 0; member < members; member++)
                    table.Add(SumOf(subtree, unit, role, member), DisclosureRules.NoiseKey(SumOf(subtreeKeys, unit, role, member),
                        ungrouped?.Contains(member) == true ? UngroupedPlacement : sliceKeys[unit * RoleSlots + role]));

        // A breakdown can be laid beside every breakdown that holds it: the same role or all staff, in its unit and every
        // unit above. Each difference must be empty or hold enough people, or the cells that differ point at them.
        // Every slice at or below a unit that a slice of it covers: the same role, or every role under all staff.
        IEnumerable<(int Unit, int Role)> SlicesIn(int unit, int role) =>
            tree.SelfAndBelow(unit).SelectMany(below => (role == (int)RoleSlot.All ? new[] { 0, 1, 2 } : [role]).Select(r => (below, r)));

        var complementsOf = new List<(long, ulong)>[tree.Count * RoleSlots];
        for (var unit = 0; unit < tree.Count; unit++)
            for (var role = 0; role < RoleSlots; role++)
            {
                var complements = complementsOf[unit * RoleSlots + role] = [];
                var (mine, mineKeys) = (SumOf(subtree, unit, role, gate.Member), SumOf(subtreeKeys, unit, role, gate.Member));
                for (var above = unit; above >= 0; above = tree.Parent[above])
                    foreach (var aboveRole in role == (int)RoleSlot.All ? [role] : new[] { role, (int)RoleSlot.All })
                        if (above != unit || aboveRole != role)
                            complements.Add((SumOf(subtree, above, aboveRole, gate.Member) - mine, ComplementKey(SumOf(subtreeKeys, above, aboveRole, gate.Member), mineKeys)));
                foreach (var (larger, (counts, keySums), sharedSums) in enclosing)
                {
                    // This slice's people who are in the larger table, placed in this slice (all of them, unless told otherwise).
                    (long, long) SharedIn(int u, int r) => larger.Shared is null
                        ? (SumOf(subtree, u, r, gate.Member), SumOf(subtreeKeys, u, r, gate.Member))
                        : (SumIn(sharedSums.Counts, 1, u, r, 0), SumIn(sharedSums.KeySums, 1, u, r, 0));
                    (long, long) TheirsIn(int u, int r) => (SumIn(counts, larger.Counts.Members, u, r, larger.Member), SumIn(keySums, larger.Counts.Members, u, r, larger.Member));
                    // Against its slices from this one up: people in either and not both.
                    var (shared, sharedKeys) = SharedIn(unit, role);
                    for (var above = unit; above >= 0; above = tree.Parent[above])
                        foreach (var aboveRole in role == (int)RoleSlot.All ? [role] : new[] { role, (int)RoleSlot.All })
                        {
                            var (theirs, theirsKeys) = TheirsIn(above, aboveRole);
                            complements.Add((theirs - shared + (mine - shared), ComplementKey(theirsKeys + mineKeys - sharedKeys, sharedKeys)));
                        }
                    // Its slices below this one: this breakdown and one of theirs share the people this slice has there, and
                    // must not differ by only a few (a course of everyone in a sub-unit and one colleague beside it).
                    foreach (var (below, belowRole) in SlicesIn(unit, role))
                    {
                        if (below == unit && belowRole == role) continue;
                        var (sharedBelow, sharedBelowKeys) = SharedIn(below, belowRole);
                        var (theirs, theirsKeys) = TheirsIn(below, belowRole);
                        complements.Add((mine - sharedBelow + (theirs - sharedBelow), ComplementKey(mineKeys + theirsKeys - sharedBelowKeys, sharedBelowKeys)));
                    }
                }
                foreach (var (counts, keySums) in held)
                    foreach (var (below, belowRole) in SlicesIn(unit, role))
                        complements.Add((mine - SumOf(counts, below, belowRole, gate.Member), ComplementKey(mineKeys, SumOf(keySums, below, belowRole, gate.Member))));
            }

        // A slice that holds exactly the people of a slice below it (the same count of a subset) reads the same, so it
        // must pass that slice's checks too: otherwise the whole organisation shows what its only unit withholds.
        for (var unit = 0; unit < tree.Count; unit++)
            for (var role = 0; role < RoleSlots; role++)
            {
                var people = SumOf(subtree, unit, role, gate.Member);
                var complements = new List<(long, ulong)>(complementsOf[unit * RoleSlots + role]);
                if (people > 0)
                    foreach (var (below, belowRole) in SlicesIn(unit, role))
                        if ((below != unit || belowRole != role) && SumOf(subtree, below, belowRole, gate.Member) == people)
                            complements.AddRange(complementsOf[below * RoleSlots + belowRole]);
                table.AddGate(cube.Cell(unit, (RoleSlot)role, gate.Member), [.. gate.Parts.Select(part => cube.Cell(unit, (RoleSlot)role, part))],
                    [.. complements], table.Rules.MinimumBreakdownSize);
            }

        Span<int> three = stackalloc int[3];
        var cells = new List<int>();
        for (var unit = 0; unit < tree.Count; unit++)
        {
            for (var member = 0; member < members; member++)
            {
                three[0] = cube.Cell(unit, RoleSlot.All, member);
                three[1] = cube.Cell(unit, RoleSlot.Employees, member);
                three[2] = cube.Cell(unit, RoleSlot.Leaders, member);
                table.Relate(three);
            }

            for (var role = 0; role < RoleSlots; role++)
            {
                var slot = (RoleSlot)role;
                foreach (var relation in withinEach)
                {
                    cells.Clear();
                    foreach (var member in relation) cells.Add(cube.Cell(unit, slot, member));
                    table.RelateGroup(CollectionsMarshal.AsSpan(cells));
                }

                if (tree.Children[unit].Length == 0) continue;
                var staffed = slot == RoleSlot.All
                    ? ownStaffed(unit, RoleSlot.Employees) || ownStaffed(unit, RoleSlot.Leaders)
                    : ownStaffed(unit, slot);
                for (var member = 0; member < members; member++)
                {
                    cells.Clear();
                    cells.Add(cube.Cell(unit, slot, member));
                    foreach (var child in tree.Children[unit]) cells.Add(cube.Cell(child, slot, member));
                    if (staffed) cells.Add(table.AddHidden(SumOf(own.Counts, unit, role, member)));
                    table.Relate(CollectionsMarshal.AsSpan(cells));
                }
            }
        }
        return cube;
    }

    private static long SumIn(long[] sums, int members, int unit, int role, int member) => role == 0
        ? sums[OwnCounts.Index(unit, RoleSlot.Employees, member, members)] + sums[OwnCounts.Index(unit, RoleSlot.Leaders, member, members)]
        : sums[OwnCounts.Index(unit, (RoleSlot)role, member, members)];

    /// <summary>Counts and key sums of every unit's whole sub-tree, from the people placed directly in each unit.</summary>
    private static (long[] Counts, long[] KeySums) Subtrees(OwnCounts own, OrgTree tree)
    {
        var counts = (long[])own.Counts.Clone();
        var keySums = (long[])own.KeySums.Clone();
        var width = 2 * own.Members;
        for (var unit = tree.Count - 1; unit >= 0; unit--)
        {
            var parent = tree.Parent[unit];
            if (parent < 0) continue;
            for (var slot = 0; slot < width; slot++)
            {
                counts[parent * width + slot] += counts[unit * width + slot];
                keySums[parent * width + slot] += keySums[unit * width + slot];
            }
        }
        return (counts, keySums);
    }

    /// <summary>
    /// The noise key of the people an enclosing breakdown adds to an enclosed one: drawn from both groups' key sums, so
    /// the same two groups always give the same decision, whatever else the row holds.
    /// </summary>
    private static ulong ComplementKey(long enclosingKeySum, long enclosedKeySum) =>
        DisclosureRules.NoiseKey(enclosingKeySum - enclosedKeySum, DisclosureRules.PlacementKey([(0, enclosingKeySum), (1, enclosedKeySum)]));
}
