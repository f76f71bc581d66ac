using DigitalInitiativer.Api.Analytics.Disclosure;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Analytics;

/// <summary>
/// Who was there to be reached in one survey wave: the people assessed, per profile, and the staff not assessed,
/// for every unit and role, protected as one table. Profile distributions, coverage and strategy goals read it.
/// </summary>
public sealed class Population : ICachedFigures
{
    /// <summary>Members 0-3 are the profiles by level, then the total assessed, then the staff not assessed in the wave.</summary>
    public const int Assessed = 4, Unassessed = 5, Members = 6;

    private Population(OrgTree tree, int? waveId, PublishedCube figures, Func<int, RoleSlot, bool> staffed, OwnCounts counts)
    {
        Tree = tree;
        WaveId = waveId;
        Enclosing = new EnclosingTable(counts, Assessed);
        Figures = figures;
        Staffed = staffed;
    }

    /// <summary>The organisation tree the figures were computed over: unit indexes are read in it.</summary>
    public OrgTree Tree { get; }

    /// <summary>The wave; null when there is none and everyone is unassessed.</summary>
    public int? WaveId { get; }

    public PublishedCube Figures { get; }

    public int Cells => Figures.Cells;

    /// <summary>The wave's assessed staff, which hold the participants a reach row groups by the same wave.</summary>
    public EnclosingTable Enclosing { get; }

    /// <summary>Whether a unit has staff of its own in a role, assessed or not; other tables over the same people share it.</summary>
    public Func<int, RoleSlot, bool> Staffed { get; }

    /// <summary>Counts in SQL (two GROUP BYs) and protects the result. <paramref name="waveId"/> null means no wave: everyone is unassessed.</summary>
    public static async Task<Population> ComputeAsync(AppDbContext db, int? waveId, DisclosureRules rules, CancellationToken cancellationToken)
    {
        var tree = await OrgTree.LoadAsync(db, cancellationToken);
        var assessed = waveId is null ? [] : await db.Assessments().Where(a => a.WaveId == waveId)
            .Join(db.Persons(), a => a.PersonId, p => p.Id, (a, p) => new { a.UnitId, a.Role, a.Profile, p.RecordKey })
            .GroupBy(a => new { a.UnitId, a.Role, a.Profile })
            .Select(g => new { g.Key.UnitId, g.Key.Role, Member = (int)g.Key.Profile - 1, Count = g.Count(), KeySum = g.Sum(a => a.RecordKey) })
            .ToListAsync(cancellationToken);
        var unassessed = await db.Persons().Where(p => p.ErasedAtUtc == null && !db.Assessments().Any(a => a.PersonId == p.Id && a.WaveId == waveId))
            .GroupBy(p => new { p.UnitId, p.Role })
            .Select(g => new { g.Key.UnitId, g.Key.Role, Member = Unassessed, Count = g.Count(), KeySum = g.Sum(p => p.RecordKey) })
            .ToListAsync(cancellationToken);

        var own = new OwnCounts(tree.Count, Members);
        foreach (var row in assessed.Concat(unassessed))
        {
            var unit = tree.IndexOfKnown(row.UnitId);
            var role = SlotOf(row.Role);
            own.Add(unit, role, row.Member, row.Count, row.KeySum);
            if (row.Member != Unassessed) own.Add(unit, role, Assessed, row.Count, row.KeySum);
        }

        var table = new DisclosureTable(rules);
        var staffed = own.StaffedIn(Assessed, Unassessed);
        // The wave's row is the people it assessed: someone joining the staff later leaves the wave's figures as they were.
        var cube = UnitRoleCube.Add(table, tree, own, staffed, [[Assessed, 0, 1, 2, 3]], rowMembers: [0, 1, 2, 3], new BreakdownGate(Assessed, [0, 1, 2, 3]), grouping: waveId ?? 0);
        table.Protect();
        return new Population(tree, waveId, cube.Publish(tree), staffed, own);
    }

    public static RoleSlot SlotOf(PersonRole role) => role == PersonRole.Leader ? RoleSlot.Leaders : RoleSlot.Employees;

    public static RoleSlot SlotOf(PersonRole? role) => role is { } r ? SlotOf(r) : RoleSlot.All;
}
