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

    /// <summary>Grouped counts; <paramref name="PlacedBy"/> is the wave whose assessment placed them, when grouped at the start.</summary>
    private sealed record Fact(int Row, CompetenceProfileKind? Profile, int UnitId, PersonRole Role, int Count, long KeySum, int? PlacedBy = null);

    /// <summary>The protected figures of every row, for every unit and role: computed once per version of the data, read by every request.</summary>
    public sealed class Figures(Population population, IReadOnlyList<Initiative> counted, PublishedCube[] initiatives, IReadOnlyList<InitiativeKind> kinds, PublishedCube[] kindRows) : ICachedFigures
    {
        private readonly Dictionary<int, PublishedCube> _rowOf = counted.Select((initiative, i) => (initiative.Id, i)).ToDictionary(x => x.Id, x => initiatives[x.i]);

        /// <summary>The wave that encloses the rows, computed for the same data, with the tree both were computed over.</summary>
        public Population Population => population;

        /// <summary>An initiative's row: rows do not depend on each other, so one table of every initiative serves any selection of them.</summary>
        public PublishedCube RowOf(Initiative initiative) => _rowOf[initiative.Id];

        /// <summary>False only for an initiative created while the figures were being computed; it is counted from the next answer on.</summary>
        public bool Counts(Initiative initiative) => _rowOf.ContainsKey(initiative.Id);
        public IReadOnlyList<InitiativeKind> Kinds => kinds;
        public PublishedCube[] KindRows => kindRows;
        public int Cells => initiatives.Sum(c => c.Cells) + kindRows.Sum(c => c.Cells);
    }

    /// <summary>
    /// Counts and protects the row of every initiative (and of every kind) for every unit and role; <paramref name="population"/>
    /// is the grouping wave (or the latest, for coverage and staffing, when grouped at the start); <paramref name="placing"/>
    /// every wave's, when grouped at the start, since any of them may have placed a row's people.
    /// </summary>
    /// <param name="initiatives">Every initiative there is.</param>
    public static async Task<Figures> ComputeAsync(AppDbContext db, IReadOnlyList<Initiative> initiatives, ReachGrouping grouping, bool groupByKind,
        ParticipationDepth depth, Population population, IReadOnlyList<Population> placing, DisclosureRules rules, CancellationToken cancellationToken)
    {
        var tree = population.Tree;
        var ids = initiatives.Select(i => i.Id).ToList();
        var byInitiative = await CountAsync(db, grouping, groupByKind: false, depth, cancellationToken);
        var initiativeTable = new DisclosureTable(rules);
        var rowOfInitiative = ids.Select((id, row) => (id, row)).ToDictionary(x => x.id, x => x.row);
        var (initiativeCubes, initiativeCounts) = AddRows(initiativeTable, tree, ids.Count, byInitiative, id => rowOfInitiative[id], population, placing, grouping);
        initiativeTable.Protect();
        if (!groupByKind) return new Figures(population, initiatives, [.. initiativeCubes.Select(c => c.Publish(tree))], [], []);

        var kinds = initiatives.Select(i => i.Kind).Distinct().Order().ToList();
        var byKind = await CountAsync(db, grouping, groupByKind: true, depth, cancellationToken);
        var kindTable = new DisclosureTable(rules);
        // A kind's row holds its initiatives' rows: each of its breakdowns is checked against theirs as well.
        var (kindCubes, _) = AddRows(kindTable, tree, kinds.Count, byKind, k => kinds.IndexOf((InitiativeKind)k), population, placing, grouping,
            row => [.. initiatives.Select((initiative, i) => (initiative, i)).Where(x => x.initiative.Kind == kinds[row]).Select(x => initiativeCounts[x.i])]);
        RelateKindsToTheirInitiatives(kindTable, tree, kinds, kindCubes, initiatives, initiativeCubes);
        kindTable.Protect();
        return new Figures(population, initiatives, [.. initiativeCubes.Select(c => c.Publish(tree))], kinds, [.. kindCubes.Select(c => c.Publish(tree))]);
    }

    /// <summary>
    /// The rows of the given initiatives (or of their kinds, each over every initiative of the kind) for one unit
    /// (sub-units included) and role, read out of the protected figures of every initiative.
    /// </summary>
    public static IReadOnlyList<ReachRow> Rows(Figures figures, IReadOnlyList<Initiative> initiatives, ReachGrouping grouping, bool groupByKind, int unit, RoleSlot role)
    {
        var (population, tree) = (figures.Population, figures.Population.Tree);
        initiatives = [.. initiatives.Where(figures.Counts)];
        if (!groupByKind)
            return initiatives.Select(initiative => Row(initiative, initiative.Kind, figures.RowOf(initiative), TargetsOf([initiative]))).ToList();
        return figures.Kinds.Select((kind, k) => (kind, k)).Where(x => initiatives.Any(i => i.Kind == x.kind))
            .Select(x => Row(null, x.kind, figures.KindRows[x.k], TargetsOf(initiatives.Where(i => i.Kind == x.kind)))).ToList();

        // Figures computed a moment ago may not know a unit created since (a reader can get the last figures while new
        // ones are computed): an initiative moved into it has no coverage until they are.
        IReadOnlyList<int> TargetsOf(IEnumerable<Initiative> those) =>
            tree.OutermostOf(those.Select(i => tree.IndexOf(i.UnitId)).OfType<int>());

        ReachRow Row(Initiative? initiative, InitiativeKind kind, PublishedCube cube, IReadOnlyList<int> targets) =>
            new(initiative, kind, new ProtectedCount(cube.Published(unit, role, Total)),
                Enumerable.Range(0, Total).Select(group => Cell(cube, group, targets)).ToList());

        ReachCell Cell(PublishedCube cube, int group, IReadOnlyList<int> targets)
        {
            var profile = group < UnassessedGroup ? CompetenceProfile.All[group] : null;
            var participants = new ProtectedCount(cube.Published(unit, role, group));
            return new ReachCell(profile, participants, grouping is ReachGrouping.InWave ? Coverage(cube, group, targets) : null);
        }

        // Participants inside the initiative's target units as a share of everyone in the group there; withheld when
        // either figure is, so a published coverage never reveals a withheld count.
        double? Coverage(PublishedCube cube, int group, IReadOnlyList<int> targets)
        {
            long reached = 0, everyone = 0;
            var any = false;
            foreach (var target in targets)
            {
                if (tree.Overlap(unit, target) is not { } within) continue;
                var part = cube.Published(within, role, group);
                var whole = population.Figures.Published(within, role, group < UnassessedGroup ? group : Population.Unassessed);
                if (part is null || whole is null) return null;
                reached += part.Value;
                everyone += whole.Value;
                any = true;
            }
            return any && everyone > 0 ? (double)reached / everyone : null;
        }
    }

    private static async Task<List<Fact>> CountAsync(AppDbContext db, ReachGrouping grouping, bool groupByKind, ParticipationDepth depth, CancellationToken cancellationToken)
    {
        if (grouping is not ReachGrouping.InWave { WaveId: var wave }) return await CountAtStartAsync(db, groupByKind, depth, cancellationToken);
        var participations = depth.Apply(db.CountedParticipations());
        // A kind's row counts each person once, placed by their first participation of the kind; an initiative's row
        // has one participation per person (a unique index). So every count below is a count of distinct people.
        var starts = groupByKind
            ? participations.GroupBy(p => new { p.Kind, p.PersonId }).Select(g => new { Row = (int)g.Key.Kind, g.Key.PersonId, BeganOn = g.Min(p => p.BeganOn) })
            : participations.Select(p => new { Row = p.InitiativeId, p.PersonId, p.BeganOn });
        var placed =
            from start in starts
            join person in db.Persons() on start.PersonId equals person.Id
            from a in db.Assessments().Where(a => a.PersonId == start.PersonId && a.WaveId == wave).DefaultIfEmpty()
            select new { start.Row, Profile = a == null ? (CompetenceProfileKind?)null : a.Profile, UnitId = a == null ? person.UnitId : a.UnitId, Role = a == null ? person.Role : a.Role, person.RecordKey };
        return (await placed.GroupBy(f => new { f.Row, f.Profile, f.UnitId, f.Role })
                .Select(g => new { g.Key.Row, g.Key.Profile, g.Key.UnitId, g.Key.Role, Count = g.Count(), KeySum = g.Sum(f => f.RecordKey) })
                .ToListAsync(cancellationToken))
            .Select(g => new Fact(g.Row, g.Profile, g.UnitId, g.Role, g.Count, g.KeySum)).ToList();
    }

    private sealed record PlacedCount(int Row, int? PlacedBy, int? Profile, int UnitId, int Role, long Count, long KeySum);

    /// <summary>
    /// Participants placed by their latest assessment on or before their start, in the unit and role it recorded, as a
    /// wave places its people. Each assessment holds from its wave's day until the person's next one, so the placement is
    /// one range join; a lookup per participation (what LINQ can say) took 2.5 times as long on PostgreSQL.
    /// </summary>
    private static async Task<List<Fact>> CountAtStartAsync(AppDbContext db, bool groupByKind, ParticipationDepth depth, CancellationToken cancellationToken)
    {
        var starts = groupByKind
            ? $"""SELECT "Kind" AS "Row", "PersonId", MIN("BeganOn") AS "BeganOn" FROM analytics_participations {depth.SqlCondition} GROUP BY "Kind", "PersonId" """
            : $"""SELECT "InitiativeId" AS "Row", "PersonId", "BeganOn" FROM analytics_participations {depth.SqlCondition}""";
#pragma warning disable EF1002 // the only text put in is one of the two statements above, with a condition of constants and one integer
        var counts = await db.Database.SqlQueryRaw<PlacedCount>($"""
            WITH placings AS (
              SELECT a."PersonId", a."WaveId", a."Profile", a."UnitId", a."Role", w."HeldOn" AS "From",
                     LEAD(w."HeldOn") OVER (PARTITION BY a."PersonId" ORDER BY w."HeldOn", w."Id") AS "Until"
              FROM assessments a JOIN survey_waves w ON w."Id" = a."WaveId"),
            starts AS ({starts})
            SELECT s."Row", pl."WaveId" AS "PlacedBy", pl."Profile", COALESCE(pl."UnitId", p."UnitId") AS "UnitId", COALESCE(pl."Role", p."Role") AS "Role",
                   COUNT(*) AS "Count", CAST(SUM(p."RecordKey") AS BIGINT) AS "KeySum"
            FROM starts s
            JOIN persons p ON p."Id" = s."PersonId"
            LEFT JOIN placings pl ON pl."PersonId" = s."PersonId" AND pl."From" <= s."BeganOn" AND (pl."Until" IS NULL OR s."BeganOn" < pl."Until")
            GROUP BY s."Row", pl."WaveId", pl."Profile", COALESCE(pl."UnitId", p."UnitId"), COALESCE(pl."Role", p."Role")
            """).ToListAsync(cancellationToken);
#pragma warning restore EF1002
        return counts.Select(c => new Fact(c.Row, (CompetenceProfileKind?)c.Profile, c.UnitId, (PersonRole)c.Role, (int)c.Count, c.KeySum, c.PlacedBy)).ToList();
    }

    /// <param name="placing">Every wave's population, when rows are grouped at the start (each placed some of the rows' people); otherwise empty.</param>
    private static (UnitRoleCube[] Cubes, OwnCounts[] Counts) AddRows(DisclosureTable table, OrgTree tree, int rowCount, List<Fact> facts, Func<int, int> rowIndexOf,
        Population population, IReadOnlyList<Population> placing, ReachGrouping grouping, Func<int, IReadOnlyList<OwnCounts>>? holdsOf = null)
    {
        var own = Enumerable.Range(0, rowCount).Select(_ => new OwnCounts(tree.Count, Members)).ToArray();
        var placedBy = Enumerable.Range(0, rowCount).Select(_ => placing.ToDictionary(p => p.WaveId!.Value, _ => new OwnCounts(tree.Count, 1))).ToArray();
        foreach (var fact in facts)
        {
            var row = rowIndexOf(fact.Row);
            var unit = tree.IndexOfKnown(fact.UnitId);
            var role = Population.SlotOf(fact.Role);
            own[row].Add(unit, role, fact.Profile is { } p ? (int)p - 1 : UnassessedGroup, fact.Count, fact.KeySum);
            own[row].Add(unit, role, Total, fact.Count, fact.KeySum);
            if (fact.Profile is null) continue;
            own[row].Add(unit, role, Assessed, fact.Count, fact.KeySum);
            if (fact.PlacedBy is { } wave) placedBy[row][wave].Add(unit, role, 0, fact.Count, fact.KeySum);
        }
        // The assessed participants are people a wave assessed, placed as it placed them. Grouped by a wave, its population
        // holds them all. Grouped at the start, each wave's holds those it placed, and the row differs from its
        // distribution by the rest of its people as well as by those it did not place (round 14: a course dated before
        // the latest wave, beside the earlier wave's distribution). People another wave placed may be in a wave's
        // distribution too (assessed in both, in the same unit), so each wave is also checked by counts, as if it held
        // them all: either check may withhold.
        IReadOnlyList<EnclosingTable> Within(int row) => grouping is ReachGrouping.InWave
            ? population.WaveId is null ? [] : [population.Enclosing]
            : [.. placing.Select(p => p.Enclosing with { Shared = placedBy[row][p.WaveId!.Value] }), .. placing.Select(p => p.Enclosing)];
        // Participants placed by an earlier wave may sit in a unit the enclosing wave has no staff in.
        var staffed = new bool[tree.Count * 2];
        for (var unit = 0; unit < tree.Count; unit++)
            foreach (var role in new[] { RoleSlot.Employees, RoleSlot.Leaders })
                staffed[unit * 2 + (int)role - 1] = population.Staffed(unit, role) || placing.Any(p => p.Staffed(unit, role)) || own.Any(counts => counts.Count(unit, role, Total) > 0);
        bool Staffed(int unit, RoleSlot role) => staffed[unit * 2 + (int)role - 1];
        // Only the profile groups make the placement: people joining or leaving the unassessed group (new hires, people
        // added by an import and erased again) redraw no profile cell, or each of them would be a fresh reading.
        var cubes = own.Select((counts, row) => UnitRoleCube.Add(table, tree, counts, Staffed, WithinRow, rowMembers: [0, 1, 2, 3], Breakdown,
            Within(row), holdsOf?.Invoke(row), ungrouped: [Total], grouping: GroupingKey(grouping))).ToArray();
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
