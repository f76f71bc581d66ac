using DigitalInitiativer.Api.Analytics.Disclosure;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Analytics;

public sealed record TransitionCell(CompetenceProfile From, CompetenceProfile To, ProtectedCount Count);

public sealed record TransitionTable(ProtectedCount N, IReadOnlyList<TransitionCell> Cells, ProtectedCount MovedUp, ProtectedCount Stayed, ProtectedCount MovedDown)
{
    public double? MovedUpShare => MovedUp.ShareOf(N);
    public double? StayedShare => Stayed.ShareOf(N);
    public double? MovedDownShare => MovedDown.ShareOf(N);
}

/// <summary>Participants' moved-up share less non-participants', with a 95 % Wald interval; all null when any input is withheld.</summary>
public sealed record MovedUpDifference(double? Estimate, double? CiLow, double? CiHigh)
{
    public bool Suppressed => Estimate is null;

    public static MovedUpDifference Between(TransitionTable participants, TransitionTable others)
    {
        if (participants.MovedUpShare is not { } p1 || others.MovedUpShare is not { } p2
            || participants.N.Value is not ({ } n1 and > 0) || others.N.Value is not ({ } n2 and > 0))
            return new(null, null, null);
        var estimate = p1 - p2;
        var margin = 1.96 * Math.Sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        return new(estimate, estimate - margin, estimate + margin);
    }
}

/// <summary>Who counts as a participant: anyone, or only those in one initiative or one kind of initiative.</summary>
public sealed record ParticipationScope(Initiative? Initiative, InitiativeKind? Kind, ParticipationDepth Depth)
{
    public string Describe(SurveyWave from, SurveyWave to) =>
        AnalyticsTexts.ParticipantsTookPart.Format(
            Initiative is { } i ? AnalyticsTexts.TheInitiative.Format(i.Code, i.Title)
            : Kind is { } k ? AnalyticsTexts.AnInitiativeOfKind.Format(k.GraphQLName())
            : AnalyticsTexts.AnyInitiative.Format(),
            from.HeldOn, to.HeldOn) + Depth.Describe();
}

public sealed record ProfileTransitionsResult(SurveyWave FromWave, SurveyWave ToWave, TransitionTable All, TransitionTable Participants,
    TransitionTable NonParticipants, MovedUpDifference Difference, string ParticipantDefinition, IReadOnlyList<string> Caveats, DisclosureRules Rules);

/// <summary>
/// How the people assessed in both waves moved between profiles, split by participation, counted in SQL for every
/// unit and role and protected as a whole. The table for everyone is protected first and fixed, so it reads the
/// same whichever initiative defines the participants.
/// </summary>
public static class ProfileTransitions
{
    // Members 0-15: from level (row) × to level (column); then the totals a reader can also work out.
    private const int N = 16, Up = 17, Stay = 18, Down = 19, Members = 20;
    private static readonly int[][] WithinTable = Relations();
    private static readonly int[] TransitionCells = [.. Enumerable.Range(0, 16)];
    private static readonly BreakdownGate Breakdown = new(N, [.. TransitionCells, Up, Stay, Down]);

    private static int CellOf(int fromLevel, int toLevel) => (fromLevel - 1) * 4 + (toLevel - 1);

    private static int[][] Relations()
    {
        var cells = Enumerable.Range(0, 16).ToArray();
        int[] Where(Func<int, int, bool> movement) => cells.Where(c => movement(c / 4, c % 4)).ToArray();
        return
        [
            [N, .. cells],
            [Up, .. Where((from, to) => to > from)],
            [Stay, .. Where((from, to) => to == from)],
            [Down, .. Where((from, to) => to < from)],
            [N, Up, Stay, Down],
        ];
    }

    /// <summary>The protected tables for every unit and role: computed once per version of the data, read by every request.</summary>
    public sealed record Figures(OrgTree Tree, PublishedCube Everyone, PublishedCube Participants, PublishedCube? Others) : ICachedFigures
    {
        public int Cells => Everyone.Cells + Participants.Cells + (Others?.Cells ?? 0);
    }

    public static async Task<Figures> ComputeAsync(AppDbContext db, SurveyWave from, SurveyWave to, ParticipationScope scope,
        DisclosureRules rules, CancellationToken cancellationToken)
    {
        var tree = await OrgTree.LoadAsync(db, cancellationToken);
        var participated = scope.Depth.Apply(db.CountedParticipations()).Where(p => p.BeganOn > from.HeldOn && p.BeganOn <= to.HeldOn);
        if (scope.Initiative is { } initiative) participated = participated.Where(p => p.InitiativeId == initiative.Id);
        if (scope.Kind is { } kind) participated = participated.Where(p => p.Kind == kind);

        var counts = await db.Assessments().Where(first => first.WaveId == from.Id)
            .Join(db.Assessments().Where(second => second.WaveId == to.Id), first => first.PersonId, second => second.PersonId,
                (first, second) => new { first.PersonId, first.UnitId, first.Role, From = first.Profile, To = second.Profile, Participant = participated.Any(p => p.PersonId == first.PersonId) })
            .Join(db.Persons(), x => x.PersonId, person => person.Id, (x, person) => new { x.UnitId, x.Role, x.From, x.To, x.Participant, person.RecordKey })
            .GroupBy(x => new { x.UnitId, x.Role, x.From, x.To, x.Participant })
            .Select(g => new { g.Key.UnitId, g.Key.Role, g.Key.From, g.Key.To, g.Key.Participant, Count = g.Count(), KeySum = g.Sum(x => x.RecordKey) })
            .ToListAsync(cancellationToken);

        var own = new[] { new OwnCounts(tree.Count, Members), new OwnCounts(tree.Count, Members), new OwnCounts(tree.Count, Members) };
        foreach (var row in counts)
        {
            var u = tree.IndexOfKnown(row.UnitId);
            var r = Population.SlotOf(row.Role);
            var movement = Math.Sign((int)row.To - (int)row.From) switch { > 0 => Up, 0 => Stay, _ => Down };
            foreach (var table in new[] { own[0], own[row.Participant ? 1 : 2] })
                foreach (var member in new[] { CellOf((int)row.From, (int)row.To), N, movement })
                    table.Add(u, r, member, row.Count, row.KeySum);
        }
        var staffed = own[0].StaffedIn(N);

        var everyoneTable = new DisclosureTable(rules);
        var waves = (long)from.Id << 32 | (uint)to.Id;
        var everyone = UnitRoleCube.Add(everyoneTable, tree, own[0], staffed, WithinTable, rowMembers: TransitionCells, Breakdown, grouping: waves);
        everyoneTable.Protect();

        var splitTable = new DisclosureTable(rules);
        // Everyone less the non-participants is the participants, and the other way round: each split is checked against everyone.
        var participants = UnitRoleCube.Add(splitTable, tree, own[1], staffed, WithinTable, rowMembers: TransitionCells, Breakdown, within: [new EnclosingTable(own[0], N)], grouping: waves);
        // Perturbed, the non-participants are everyone less the participants, as published (Remainder): drawn on their
        // own, each scope (e.g. each of many small decoy initiatives) would give a fresh reading of nearly the same people.
        // Exact, they are counted and suppressed together with the participants, against everyone's fixed figures.
        UnitRoleCube? others = null;
        if (!rules.Perturbs)
        {
            others = UnitRoleCube.Add(splitTable, tree, own[2], staffed, WithinTable, rowMembers: TransitionCells, Breakdown, within: [new EnclosingTable(own[0], N)], grouping: waves);
            for (var u = 0; u < tree.Count; u++)
                for (var r = 0; r < UnitRoleCube.RoleSlots; r++)
                    for (var m = 0; m < Members; m++)
                    {
                        var slot = (RoleSlot)r;
                        var whole = splitTable.AddFixed(everyone.ValueOf(u, slot, m), everyoneTable.IsWithheld(everyone.Cell(u, slot, m)));
                        splitTable.Relate([whole, participants.Cell(u, slot, m), others.Cell(u, slot, m)]);
                    }
        }
        splitTable.Protect();
        return new Figures(tree, everyone.Publish(tree), participants.Publish(tree), others?.Publish(tree));
    }

    /// <summary>The answer for one unit (sub-units included) and role, read out of the protected tables.</summary>
    public static ProfileTransitionsResult Read(Figures figures, SurveyWave from, SurveyWave to, ParticipationScope scope, int unit, RoleSlot role, DisclosureRules rules)
    {
        var all = Read(figures.Everyone, unit, role);
        var participantTable = Read(figures.Participants, unit, role);
        var otherTable = figures.Others is null ? Remainder(all, participantTable, rules) : Read(figures.Others, unit, role);
        var anyWithheld = new[] { all, participantTable, otherTable }.Any(t => t.N.Suppressed || t.Cells.Any(c => c.Count.Suppressed));
        return new ProfileTransitionsResult(from, to, all, participantTable, otherTable, MovedUpDifference.Between(participantTable, otherTable),
            scope.Describe(from, to), Caveats(rules, anyWithheld), rules);
    }

    /// <summary>
    /// Everyone's published table less the participants', cell by cell: it tells nothing that the two published tables
    /// do not. A figure is withheld where either is, where it comes out below k, and where it is within k of its
    /// total; the cells are broken down only for at least 2k people.
    /// </summary>
    private static TransitionTable Remainder(TransitionTable all, TransitionTable participants, DisclosureRules rules)
    {
        var k = rules.MinimumGroupSize;
        static ProtectedCount Less(ProtectedCount whole, ProtectedCount part) =>
            new(whole.Value is { } w && part.Value is { } p ? w - p : null);
        ProtectedCount Shown(ProtectedCount count) => count.Value >= k ? count : new(null);
        ProtectedCount Part(ProtectedCount count, ProtectedCount total) => total.Value - count.Value >= k ? count : new(null);

        var n = Shown(Less(all.N, participants.N));
        var brokenDown = n.Value >= rules.MinimumBreakdownSize;
        ProtectedCount Cell(ProtectedCount whole, ProtectedCount part) => brokenDown ? Part(Shown(Less(whole, part)), n) : new(null);
        var cells = all.Cells.Zip(participants.Cells, (whole, part) => whole with { Count = Cell(whole.Count, part.Count) }).ToList();
        return new TransitionTable(n, cells, Cell(all.MovedUp, participants.MovedUp), Cell(all.Stayed, participants.Stayed), Cell(all.MovedDown, participants.MovedDown));
    }

    private static TransitionTable Read(PublishedCube cube, int unit, RoleSlot role)
    {
        ProtectedCount Count(int member) => new(cube.Published(unit, role, member));
        var cells = CompetenceProfile.All.SelectMany(from => CompetenceProfile.All.Select(to => new TransitionCell(from, to, Count(CellOf(from.Level, to.Level))))).ToList();
        return new TransitionTable(Count(N), cells, Count(Up), Count(Stay), Count(Down));
    }

    private static IReadOnlyList<string> Caveats(DisclosureRules rules, bool anyWithheld)
    {
        List<string> caveats =
        [
            AnalyticsTexts.SelfSelection.Format(),
            AnalyticsTexts.ParallelTrends.Format(),
            AnalyticsTexts.FloorAndCeiling.Format(),
            AnalyticsTexts.BothWavesOnly.Format(),
            AnalyticsTexts.WaldInterval.Format(),
        ];
        caveats.AddRange(DisclosureCaveats.For(rules, anyWithheld));
        return caveats;
    }
}
