using DigitalInitiativer.Api.Analytics.Disclosure;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Analytics;

/// <summary>One profile group of a reach row. Profile null is the group not assessed in the wave.</summary>
public sealed record ReachCell(CompetenceProfile? Profile, ProtectedCount Participants, double? Coverage);

/// <summary>One row of the reach matrix: an initiative, or every initiative of a kind when grouped by kind.</summary>
public sealed record ReachRow(Initiative? Initiative, InitiativeKind Kind, ProtectedCount Total, IReadOnlyList<ReachCell> Cells);

public sealed record ReachMatrixResult(SurveyWave? Wave, IReadOnlyList<ReachRow> Rows, DisclosureRules Rules);

/// <summary>How participants are placed in profile groups.</summary>
public abstract record ReachGrouping
{
    /// <summary>By their assessment in one wave (or not assessed in it); coverage is measured against that wave's staff.</summary>
    public sealed record InWave(int? WaveId) : ReachGrouping;

    /// <summary>By their latest assessment on or before the day their participation started (or, if it never did, they enrolled).</summary>
    public sealed record BeforeStart : ReachGrouping;
}

/// <summary>
/// Distinct participants per initiative (or kind) × profile group, counted with SQL GROUP BYs for every unit and role
/// at once and protected as a whole, so any unit, role or grouping asked for gets figures consistent with all others.
/// Withdrawn participations do not count as reach.
/// </summary>
public static class ReachMatrix
{
    /// <summary>Members 0-3 are the profiles by level, 4 the unassessed group, 5 the row's total, 6 the assessed (never shown; it gates the breakdown).</summary>
    private const int UnassessedGroup = 4, Total = 5, Assessed = 6, Members = 7;

    private static readonly BreakdownGate Breakdown = new(Assessed, [0, 1, 2, 3]);

    private static readonly int[][] WithinRow = [[Total, 0, 1, 2, 3, UnassessedGroup]];

    private sealed record Fact(int Row, CompetenceProfileKind? Profile, int UnitId, PersonRole Role, int Count, long KeySum);

    /// <param name="everyInitiative">True when <paramref name="initiatives"/> are all there are, so the SQL needs no list of ids.</param>
    public static async Task<IReadOnlyList<ReachRow>> ComputeAsync(AppDbContext db, OrgTree tree, IReadOnlyList<Initiative> initiatives,
        ReachGrouping grouping, bool groupByKind, int unit, RoleSlot role, DisclosureRules rules, CancellationToken cancellationToken, bool everyInitiative = false)
    {
        var waveId = grouping is ReachGrouping.InWave w ? w.WaveId : null;
        var population = await Population.ComputeAsync(db, tree, waveId, rules, cancellationToken);
        var ids = initiatives.Select(i => i.Id).ToList();

        var byInitiative = await CountAsync(db, initiatives, everyInitiative, grouping, groupByKind: false, cancellationToken);
        var initiativeTable = new DisclosureTable(rules);
        var rowOfInitiative = ids.Select((id, row) => (id, row)).ToDictionary(x => x.id, x => x.row);
        var (initiativeCubes, initiativeCounts) = AddRows(initiativeTable, tree, ids.Count, byInitiative, id => rowOfInitiative[id], population, grouping);
        initiativeTable.Protect();

        IReadOnlyList<ReachRow> rows;
        if (!groupByKind)
        {
            rows = initiatives.Select((initiative, i) => Row(initiative, initiative.Kind, initiativeCubes[i], [tree.IndexOfKnown(initiative.UnitId)])).ToList();
        }
        else
        {
            var kinds = initiatives.Select(i => i.Kind).Distinct().Order().ToList();
            var byKind = await CountAsync(db, initiatives, everyInitiative, grouping, groupByKind: true, cancellationToken);
            var kindTable = new DisclosureTable(rules);
            // A kind's row holds its initiatives' rows: each of its breakdowns is checked against theirs as well.
            var (kindCubes, _) = AddRows(kindTable, tree, kinds.Count, byKind, k => kinds.IndexOf((InitiativeKind)k), population, grouping,
                row => [.. initiatives.Select((initiative, i) => (initiative, i)).Where(x => x.initiative.Kind == kinds[row]).Select(x => initiativeCounts[x.i])]);
            RelateKindsToTheirInitiatives(kindTable, tree, kinds, kindCubes, initiatives, initiativeCubes);
            kindTable.Protect();
            rows = kinds.Select((kind, k) => Row(null, kind, kindCubes[k],
                tree.OutermostOf(initiatives.Where(i => i.Kind == kind).Select(i => tree.IndexOfKnown(i.UnitId))))).ToList();
        }
        return rows;

        ReachRow Row(Initiative? initiative, InitiativeKind kind, UnitRoleCube cube, IReadOnlyList<int> targets) =>
            new(initiative, kind, new ProtectedCount(cube.Published(unit, role, Total)),
                Enumerable.Range(0, Total).Select(group => Cell(cube, group, targets)).ToList());

        ReachCell Cell(UnitRoleCube cube, int group, IReadOnlyList<int> targets)
        {
            var profile = group < UnassessedGroup ? CompetenceProfile.All[group] : null;
            var participants = new ProtectedCount(cube.Published(unit, role, group));
            return new ReachCell(profile, participants, grouping is ReachGrouping.InWave ? Coverage(cube, group, targets) : null);
        }

        // Participants inside the initiative's target units as a share of everyone in the group there; withheld when
        // either figure is, so a published coverage never reveals a withheld count.
        double? Coverage(UnitRoleCube cube, int group, IReadOnlyList<int> targets)
        {
            long reached = 0, everyone = 0;
            var any = false;
            foreach (var target in targets)
            {
                if (tree.Overlap(unit, target) is not { } within) continue;
                var part = cube.Published(within, role, group);
                var whole = population.Cube.Published(within, role, group < UnassessedGroup ? group : Population.Unassessed);
                if (part is null || whole is null) return null;
                reached += part.Value;
                everyone += whole.Value;
                any = true;
            }
            return any && everyone > 0 ? (double)reached / everyone : null;
        }
    }

    private static async Task<List<Fact>> CountAsync(AppDbContext db, IReadOnlyList<Initiative> initiatives, bool everyInitiative, ReachGrouping grouping, bool groupByKind,
        CancellationToken cancellationToken)
    {
        var participations = db.CountedParticipations().AsQueryable();
        if (!everyInitiative)
        {
            var ids = initiatives.Select(i => i.Id).ToList();
            participations = participations.Where(p => ids.Contains(p.InitiativeId));
        }
        var facts = grouping switch
        {
            ReachGrouping.InWave { WaveId: var wave } =>
                from p in participations
                join person in db.Persons() on p.PersonId equals person.Id
                from a in db.Assessments().Where(a => a.PersonId == p.PersonId && a.WaveId == wave).DefaultIfEmpty()
                select new
                {
                    p.InitiativeId, p.Kind, p.PersonId,
                    Profile = a == null ? (CompetenceProfileKind?)null : a.Profile,
                    UnitId = a == null ? person.UnitId : a.UnitId,
                    Role = a == null ? person.Role : a.Role,
                    person.RecordKey,
                },
            _ =>
                from p in participations
                join person in db.Persons() on p.PersonId equals person.Id
                select new
                {
                    p.InitiativeId, p.Kind, p.PersonId,
                    Profile = db.Assessments()
                        .Where(a => a.PersonId == p.PersonId && a.Wave!.HeldOn <= p.BeganOn)
                        .OrderByDescending(a => a.Wave!.HeldOn)
                        .Select(a => (CompetenceProfileKind?)a.Profile)
                        .FirstOrDefault(),
                    person.UnitId,
                    person.Role,
                    person.RecordKey,
                },
        };

        if (!groupByKind)
        {
            // One participation row per person and initiative (a unique index), so a plain count is distinct people.
            return (await facts.GroupBy(f => new { f.InitiativeId, f.Profile, f.UnitId, f.Role })
                    .Select(g => new { g.Key.InitiativeId, g.Key.Profile, g.Key.UnitId, g.Key.Role, Count = g.Count(), KeySum = g.Sum(f => f.RecordKey) })
                    .ToListAsync(cancellationToken))
                .Select(g => new Fact(g.InitiativeId, g.Profile, g.UnitId, g.Role, g.Count, g.KeySum)).ToList();
        }
        // Each person once per kind and group, then counted with their keys.
        return (await facts.Select(f => new { f.Kind, f.PersonId, f.Profile, f.UnitId, f.Role, f.RecordKey }).Distinct()
                .GroupBy(f => new { f.Kind, f.Profile, f.UnitId, f.Role })
                .Select(g => new { g.Key.Kind, g.Key.Profile, g.Key.UnitId, g.Key.Role, Count = g.Count(), KeySum = g.Sum(f => f.RecordKey) })
                .ToListAsync(cancellationToken))
            .Select(g => new Fact((int)g.Kind, g.Profile, g.UnitId, g.Role, g.Count, g.KeySum)).ToList();
    }

    private static (UnitRoleCube[] Cubes, OwnCounts[] Counts) AddRows(DisclosureTable table, OrgTree tree, int rowCount, List<Fact> facts, Func<int, int> rowIndexOf,
        Population population, ReachGrouping grouping, Func<int, IReadOnlyList<OwnCounts>>? holdsOf = null)
    {
        var own = Enumerable.Range(0, rowCount).Select(_ => new OwnCounts(tree.Count, Members)).ToArray();
        foreach (var fact in facts)
        {
            var counts = own[rowIndexOf(fact.Row)];
            var unit = tree.IndexOfKnown(fact.UnitId);
            var role = Population.SlotOf(fact.Role);
            counts.Add(unit, role, fact.Profile is { } p ? (int)p - 1 : UnassessedGroup, fact.Count, fact.KeySum);
            counts.Add(unit, role, Total, fact.Count, fact.KeySum);
            if (fact.Profile is not null) counts.Add(unit, role, Assessed, fact.Count, fact.KeySum);
        }
        // Grouped by a wave, the assessed participants are some of the people the wave assessed: the wave's population holds them.
        var within = grouping is ReachGrouping.InWave { WaveId: not null } ? population.Enclosing : null;
        // Only the profile groups make the placement: people joining or leaving the unassessed group (new hires, people
        // added by an import and erased again) redraw no profile cell, or each of them would be a fresh reading.
        var cubes = own.Select((counts, row) => UnitRoleCube.Add(table, tree, counts, population.Staffed, WithinRow, rowMembers: [0, 1, 2, 3], Breakdown,
            within, holdsOf?.Invoke(row), ungrouped: [Total], grouping: GroupingKey(grouping))).ToArray();
        return (cubes, own);
    }

    /// <summary>Which grouping placed a row's people: a wave by its id, the assessment before the start otherwise.</summary>
    private static long GroupingKey(ReachGrouping grouping) => grouping is ReachGrouping.InWave inWave ? inWave.WaveId ?? 0 : -1;

    /// <summary>
    /// A kind's figure is the sum of its initiatives' figures less the people counted twice, so a reader who knows the
    /// initiatives' figures learns the overlap. The initiatives' cells are fixed by their own table; only the kind's
    /// cells may be withheld further, so initiative rows read the same whether or not they are grouped.
    /// </summary>
    private static void RelateKindsToTheirInitiatives(DisclosureTable kindTable, OrgTree tree, List<InitiativeKind> kinds, UnitRoleCube[] kindCubes,
        IReadOnlyList<Initiative> initiatives, UnitRoleCube[] initiativeCubes)
    {
        for (var k = 0; k < kinds.Count; k++)
        {
            var members = initiatives.Select((initiative, i) => (initiative, i)).Where(x => x.initiative.Kind == kinds[k]).Select(x => initiativeCubes[x.i]).ToList();
            for (var unit = 0; unit < tree.Count; unit++)
                for (var role = 0; role < UnitRoleCube.RoleSlots; role++)
                    for (var member = 0; member < Members; member++)
                    {
                        var slot = (RoleSlot)role;
                        var kindCell = kindCubes[k].Cell(unit, slot, member);
                        var cells = new List<int> { kindCell };
                        long sum = 0;
                        foreach (var cube in members)
                        {
                            var value = cube.ValueOf(unit, slot, member);
                            sum += value;
                            cells.Add(kindTable.AddFixed(value, cube.Table.IsWithheld(cube.Cell(unit, slot, member))));
                        }
                        var overlap = sum - kindTable.ValueOf(kindCell);
                        if (members.Count > 1) cells.Add(kindTable.AddHidden(overlap));
                        kindTable.Relate(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cells));
                    }
        }
    }
}
