using System.Runtime.InteropServices;

namespace DigitalInitiativer.Api.Analytics.Disclosure;

/// <summary>Which staff a figure counts: everyone, employees only or leaders only.</summary>
public enum RoleSlot { All = 0, Employees = 1, Leaders = 2 }

/// <summary>
/// One table of figures (its members, e.g. the four profiles and their total) for every unit, sub-units included,
/// and every <see cref="RoleSlot"/>, registered in a <see cref="DisclosureTable"/> with every relation a reader can
/// exploit by asking for several units or roles: a unit is its own staff plus its sub-units, and all staff are
/// employees plus leaders. Protecting the whole tree at once keeps the answer for any unit consistent with every other.
/// </summary>
public sealed class UnitRoleCube
{
    public const int RoleSlots = 3;

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

    public long? Published(int unit, RoleSlot role, int member) => Table.Published(Cell(unit, role, member));

    /// <summary>Per-unit counts of the staff placed directly in each unit, laid out as [unit, employees|leaders, member].</summary>
    public static long[] NewOwnCounts(OrgTree tree, int members) => new long[tree.Count * 2 * members];

    public static int OwnIndex(int unit, RoleSlot role, int member, int members) => ((unit * 2) + (int)role - 1) * members + member;

    /// <summary>Adds the cube and its unit and role relations; <paramref name="withinEach"/> are relations among members, applied to every unit and role.</summary>
    /// <param name="ownStaffed">Whether a unit has staff of its own in a role; a unit without any is known to add nothing to its parent's figures.</param>
    public static UnitRoleCube Add(DisclosureTable table, OrgTree tree, int members, long[] ownCounts, Func<int, RoleSlot, bool> ownStaffed,
        IReadOnlyList<int[]> withinEach)
    {
        var subtree = (long[])ownCounts.Clone();
        for (var unit = tree.Count - 1; unit >= 0; unit--)
        {
            var parent = tree.Parent[unit];
            if (parent < 0) continue;
            for (var slot = 0; slot < 2 * members; slot++)
                subtree[parent * 2 * members + slot] += subtree[unit * 2 * members + slot];
        }

        var @base = table.Count;
        var cube = new UnitRoleCube(table, @base, members);
        for (var unit = 0; unit < tree.Count; unit++)
            for (var role = 0; role < RoleSlots; role++)
                for (var member = 0; member < members; member++)
                {
                    var value = role == 0
                        ? subtree[OwnIndex(unit, RoleSlot.Employees, member, members)] + subtree[OwnIndex(unit, RoleSlot.Leaders, member, members)]
                        : subtree[OwnIndex(unit, (RoleSlot)role, member, members)];
                    table.Add(value);
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
                    table.Relate(CollectionsMarshal.AsSpan(cells));
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
                    if (staffed)
                    {
                        var own = slot == RoleSlot.All
                            ? ownCounts[OwnIndex(unit, RoleSlot.Employees, member, members)] + ownCounts[OwnIndex(unit, RoleSlot.Leaders, member, members)]
                            : ownCounts[OwnIndex(unit, slot, member, members)];
                        cells.Add(table.AddHidden(own));
                    }
                    table.Relate(CollectionsMarshal.AsSpan(cells));
                }
            }
        }
        return cube;
    }
}
