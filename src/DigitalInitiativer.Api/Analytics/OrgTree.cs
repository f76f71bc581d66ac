using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Analytics;

/// <summary>
/// The organisation tree as dense indexes, parents before children, for rolling per-unit counts up to every sub-tree.
/// Index 0 is the whole organisation, a node above the real roots with no staff of its own.
/// </summary>
public sealed class OrgTree
{
    public const int Everyone = 0;

    private readonly Dictionary<int, int> _indexOf;
    private readonly string[] _paths;

    private OrgTree(IReadOnlyList<OrganisationUnit> unitsParentsFirst)
    {
        UnitIds = [0, .. unitsParentsFirst.Select(u => u.Id)];
        _paths = ["/", .. unitsParentsFirst.Select(u => u.Path)];
        _indexOf = UnitIds.Select((id, index) => (id, index)).Skip(1).ToDictionary(x => x.id, x => x.index);
        Parent = [-1, .. unitsParentsFirst.Select(u => u.ParentId is { } p ? _indexOf[p] : Everyone)];
        var children = UnitIds.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < Parent.Length; i++)
            if (Parent[i] >= 0) children[Parent[i]].Add(i);
        Children = children.Select(c => c.ToArray()).ToArray();
    }

    public int Count => UnitIds.Length;
    public int[] UnitIds { get; }
    public int[] Parent { get; }
    public int[][] Children { get; }

    public static async Task<OrgTree> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var units = await db.Units().ToListAsync(cancellationToken);
        return new OrgTree(units.OrderBy(u => u.Path.Count(c => c == '/')).ThenBy(u => u.Id).ToList());
    }

    /// <summary>The index of a unit, or of the whole organisation when no unit is given; null for an unknown unit.</summary>
    public int? IndexOf(int? unitId) => unitId is { } id ? _indexOf.TryGetValue(id, out var index) ? index : null : Everyone;

    public int IndexOfKnown(int unitId) => _indexOf[unitId];

    public bool IsWithin(int index, int ancestor) => _paths[index].StartsWith(_paths[ancestor], StringComparison.Ordinal);

    /// <summary>The units that lie in both sub-trees: the deeper root when one contains the other, otherwise none.</summary>
    public int? Overlap(int a, int b) => IsWithin(a, b) ? a : IsWithin(b, a) ? b : null;

    /// <summary>The roots of the sub-trees that together cover the given units' sub-trees, without overlaps.</summary>
    public IReadOnlyList<int> OutermostOf(IEnumerable<int> indexes)
    {
        var distinct = indexes.Distinct().ToList();
        return distinct.Where(i => !distinct.Any(other => other != i && IsWithin(i, other))).ToList();
    }

    /// <summary>The unit and every unit below it.</summary>
    public IEnumerable<int> SelfAndBelow(int unit)
    {
        yield return unit;
        foreach (var child in Children[unit])
            foreach (var below in SelfAndBelow(child))
                yield return below;
    }
}
