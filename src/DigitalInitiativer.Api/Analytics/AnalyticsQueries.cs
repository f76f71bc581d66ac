using DigitalInitiativer.Api.Analytics.Disclosure;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Surveys;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.Analytics;

/// <summary>
/// The evaluators' answers, for one request: every figure computed in SQL and protected by <see cref="DisclosureRules"/>
/// for every unit and role at once, kept in the <see cref="FigureCache"/> until the data it counts changes.
/// </summary>
public sealed class AnalyticsReads(AppDbContext db, DataLoaderRegistry loaders, FigureCache figures, IOptions<AnalyticsSettings> settings)
{
    private long? _version;

    public DisclosureRules Rules => settings.Value.Rules;

    public async Task<ReachMatrixResult> ReachMatrixAsync(ReachFilter filter, CancellationToken cancellationToken)
    {
        await VersionAsync(cancellationToken);
        if (filter is { From: { } from, To: { } to } && to < from)
            throw new ExecutionError(AnalyticsTexts.ToBeforeFrom.Format(to, from)) { Code = ErrorCodes.EndBeforeStart };
        // Windows over a kind's row would let one reader see the same people through many different sets of initiatives
        // in one day, each drawing the noise anew; a kind's row always counts all its initiatives.
        if (filter is { GroupByKind: true } and ({ From: not null } or { To: not null }))
            throw new ExecutionError(AnalyticsTexts.PeriodWithGroupByKind.Format()) { Code = ErrorCodes.ConflictingFilters };
        var wave = filter.WaveId is { } waveId ? await WaveAsync(waveId, "filter.waveId", cancellationToken) : null;

        var initiatives = db.Initiatives().AsQueryable();
        if (filter.Kinds is { Count: > 0 } kinds) initiatives = initiatives.Where(i => kinds.Contains(i.Kind));
        if (filter.From is { } start) initiatives = initiatives.Where(i => i.EndsOn == null || i.EndsOn >= start);
        if (filter.To is { } end) initiatives = initiatives.Where(i => i.StartsOn <= end);
        var selected = await initiatives.OrderBy(i => i.StartsOn).ThenBy(i => i.Code).ToListAsync(cancellationToken);

        // Without a wave, each participant is placed by their profile when they began, as Initiative.reach does.
        ReachGrouping grouping = wave is null ? new ReachGrouping.BeforeStart() : new ReachGrouping.InWave(wave.Id);
        var reach = await ReachFiguresAsync(grouping, filter.GroupByKind, cancellationToken, DepthOf(filter.CompletedOnly, filter.MinVisits));
        var unit = reach.Population.Tree.UnitIndex(filter.UnitId, "filter.unitId");
        var rows = ReachMatrix.Rows(reach, selected, grouping, filter.GroupByKind, unit, Population.SlotOf(filter.Role));
        return new ReachMatrixResult(wave, rows, Rules);
    }

    public async Task<ProfileTransitionsResult> ProfileTransitionsAsync(string fromWaveId, string toWaveId, TransitionFilter filter, CancellationToken cancellationToken)
    {
        await VersionAsync(cancellationToken);
        var from = await WaveAsync(fromWaveId, "fromWaveId", cancellationToken);
        var to = await WaveAsync(toWaveId, "toWaveId", cancellationToken);
        if (from.HeldOn >= to.HeldOn)
            throw new ExecutionError(AnalyticsTexts.WavesOutOfOrder.Format(from.Year, to.Year)) { Code = ErrorCodes.WavesOutOfOrder };
        if (filter is { InitiativeId: not null, InitiativeKind: not null })
            throw new ExecutionError(AnalyticsTexts.InitiativeOrKind.Format()) { Code = ErrorCodes.ConflictingFilters };

        Initiative? initiative = null;
        if (filter.InitiativeId is { } initiativeId)
        {
            var key = GlobalId.ParseKey(initiativeId, InitiativeType.TypeName, "filter.initiativeId");
            initiative = await db.Initiatives().SingleOrDefaultAsync(i => i.Id == key, cancellationToken)
                ?? throw new ExecutionError(AnalyticsTexts.NoInitiative.Format("filter.initiativeId")) { Code = ErrorCodes.NotFound };
        }
        var scope = new ParticipationScope(initiative, filter.InitiativeKind, DepthOf(filter.CompletedOnly, filter.MinVisits));
        var tables = await figures.GetAsync(await VersionAsync(cancellationToken), $"transitions:{from.Id}:{to.Id}:{initiative?.Id}:{filter.InitiativeKind}:{scope.Depth}",
            async (db, ct) =>
            {
                // The waves' days as the snapshot has them: they decide who counts as a participant.
                var waves = await db.SurveyWaves().Where(w => w.Id == from.Id || w.Id == to.Id).ToDictionaryAsync(w => w.Id, ct);
                return await ProfileTransitions.ComputeAsync(db, waves[from.Id], waves[to.Id], scope, Rules, ct);
            }, cancellationToken, earlierWhileComputing: true);
        var unit = tables.Tree.UnitIndex(filter.UnitId, "filter.unitId");
        return ProfileTransitions.Read(tables, from, to, scope, unit, Population.SlotOf(filter.Role), Rules);
    }

    public async Task<ProfileDistribution> DistributionAsync(SurveyWave wave, string? unitId, PersonRole? role, CancellationToken cancellationToken)
    {
        var population = await PopulationAsync(wave.Id, cancellationToken, earlierWhileComputing: true);
        return ProfileDistribution.From(wave, population, population.Tree.UnitIndex(unitId, "unitId"), Population.SlotOf(role), Rules);
    }

    /// <summary>An initiative's reach across the whole organisation, batched for every initiative on the page (keyed by the loaded rows, so no query finds them again).</summary>
    public IDataLoaderResult<IReadOnlyList<ReachCell>> ReachOf(Initiative initiative, int? waveId)
    {
        ReachGrouping grouping = waveId is null ? new ReachGrouping.BeforeStart() : new ReachGrouping.InWave(waveId);
        return loaders.GetOrAdd<Initiative, IReadOnlyList<ReachCell>>($"reach:{waveId}", async (initiatives, ct) =>
        {
            // A made-up wave would start a computation of every initiative's row for nothing.
            if (waveId is { } wave && !await db.SurveyWaves().AnyAsync(w => w.Id == wave, ct))
                throw new ExecutionError(AnalyticsTexts.NoWave.Format("waveId")) { Code = ErrorCodes.NotFound };
            var reach = await ReachFiguresAsync(grouping, groupByKind: false, ct);
            var rows = ReachMatrix.Rows(reach, [.. initiatives], grouping, groupByKind: false, OrgTree.Everyone, RoleSlot.All);
            return rows.ToDictionary(r => r.Initiative!, r => r.Cells);
        }, []).Load(initiative);
    }

    /// <summary>
    /// Computes the figures most asked for (every wave's distribution, and the reach matrix with and without kinds) if
    /// the data changed since they were last computed, so that the first reader after a change does not wait for them.
    /// </summary>
    public async Task WarmAsync(CancellationToken cancellationToken)
    {
        foreach (var wave in await db.SurveyWaves().Select(w => w.Id).ToListAsync(cancellationToken))
            await PopulationAsync(wave, cancellationToken);
        await ReachFiguresAsync(new ReachGrouping.BeforeStart(), groupByKind: false, cancellationToken);
        await ReachFiguresAsync(new ReachGrouping.BeforeStart(), groupByKind: true, cancellationToken);
    }

    /// <summary>The population of one wave (null: no wave, everyone unassessed), protected for every unit and role.</summary>
    public async Task<Population> PopulationAsync(int? waveId, CancellationToken cancellationToken, bool earlierWhileComputing = false) =>
        await figures.GetAsync(await VersionAsync(cancellationToken), $"population:{waveId}",
            (db, ct) => Population.ComputeAsync(db, waveId, Rules, ct), cancellationToken, earlierWhileComputing);

    public static string ReachShape(ReachGrouping grouping, bool groupByKind, ParticipationDepth? depth = null) => $"reach:{grouping}:{groupByKind}:{depth ?? ParticipationDepth.Any}";

    private static ParticipationDepth DepthOf(bool completedOnly, int minVisits) => ParticipationDepth.MinVisitsSteps.Contains(minVisits)
        ? new ParticipationDepth(completedOnly, minVisits)
        : throw new ExecutionError(ParticipationDepth.MinVisitsOutOfRange.Format(string.Join(", ", ParticipationDepth.MinVisitsSteps), minVisits)) { Code = ErrorCodes.OutOfRange };

    /// <summary>Every initiative's row (and every kind's), so that any selection of them, the matrix's or a page's, reads one computation.</summary>
    public async Task<ReachMatrix.Figures> ReachFiguresAsync(ReachGrouping grouping, bool groupByKind, CancellationToken cancellationToken, ParticipationDepth? depth = null) =>
        await figures.GetAsync(await VersionAsync(cancellationToken), ReachShape(grouping, groupByKind, depth), async (db, ct) =>
        {
            // The waves' populations from the same snapshot as the rows, over the same tree: the rows' gates are checked against them.
            var waves = await db.SurveyWaves().OrderBy(w => w.HeldOn).ThenBy(w => w.Id).Select(w => w.Id).ToListAsync(ct);
            // The rows are enclosed by the wave that groups them, or, grouped by the profile at the start, by every wave.
            var enclosingWave = grouping is ReachGrouping.InWave inWave ? inWave.WaveId : waves.Count > 0 ? waves[^1] : null;
            var population = await Population.ComputeAsync(db, enclosingWave, Rules, ct);
            List<Population> placing = [];
            if (grouping is ReachGrouping.BeforeStart)
                foreach (var wave in waves)
                    placing.Add(wave == enclosingWave ? population : await Population.ComputeAsync(db, wave, Rules, ct));
            var every = await db.Initiatives().OrderBy(i => i.Id).ToListAsync(ct);
            return await ReachMatrix.ComputeAsync(db, every, grouping, groupByKind, depth ?? ParticipationDepth.Any, population, placing, Rules, ct);
        }, cancellationToken, earlierWhileComputing: true);

    /// <summary>Read once per request, before any figure: figures computed from newer data than this are newer, never older.</summary>
    private async Task<long> VersionAsync(CancellationToken cancellationToken) => _version ??= await db.VersionAsync(cancellationToken);

    private async Task<SurveyWave> WaveAsync(string id, string argument, CancellationToken cancellationToken)
    {
        var key = GlobalId.ParseKey(id, SurveyWaveType.TypeName, argument);
        return await db.SurveyWaves().SingleOrDefaultAsync(w => w.Id == key, cancellationToken)
            ?? throw new ExecutionError(AnalyticsTexts.NoWave.Format(argument)) { Code = ErrorCodes.NotFound };
    }
}

public static class AnalyticsQueries
{
    public static void AddAnalyticsQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ReachMatrixType>>("reachMatrix")
            .Description("Which initiatives reached which profile groups: distinct participants and coverage per initiative (or kind) and profile group, "
                + "including the unassessed. Figures resting on fewer than k people, or that would let one be worked out, are withheld.")
            .Argument<ReachFilterType>("filter", "Which people and initiatives to count.")
            .AuthorizeWithRoles(Roles.Analysts)
            .Resolve().WithService<AnalyticsReads>()
            .ResolveAsync(async (ctx, analytics) => await analytics.ReachMatrixAsync(ctx.GetArgument<ReachFilter?>("filter") ?? new ReachFilter(), ctx.CancellationToken));

        query.Field<NonNullGraphType<ProfileTransitionsType>>("profileTransitions")
            .Description("How the people assessed in both waves moved between profiles: the 4×4 matrix and moved-up, stayed and moved-down shares, for everyone, "
                + "for participants and for non-participants, with the difference in moved-up share and its 95 % interval. Read the caveats with the figures.")
            .Argument<NonNullGraphType<IdGraphType>>("fromWaveId", "The earlier wave.")
            .Argument<NonNullGraphType<IdGraphType>>("toWaveId", "The later wave.")
            .Argument<TransitionFilterType>("filter", "Which people to count, and who counts as a participant.")
            .AuthorizeWithRoles(Roles.Analysts)
            .Resolve().WithService<AnalyticsReads>()
            .ResolveAsync(async (ctx, analytics) => await analytics.ProfileTransitionsAsync(ctx.GetArgument<string>("fromWaveId"), ctx.GetArgument<string>("toWaveId"),
                ctx.GetArgument<TransitionFilter?>("filter") ?? new TransitionFilter(), ctx.CancellationToken));
    }
}

/// <summary>Initiative.reach: which profile groups it reached, for those who run initiatives as well as those who evaluate them.</summary>
public sealed class ReachOfInitiative : IFieldsFor<InitiativeType>
{
    public void AddTo(InitiativeType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachCellType>>>>("reach")
            .Description("Which profile groups the initiative reached across the whole organisation: distinct participants (withdrawn ones excluded) per profile, "
                + "the four profiles by level and then the unassessed group (profile null). Small groups are withheld and counts perturbed, as in reachMatrix.")
            .Argument<IdGraphType>("waveId", "Group participants by their profile in this survey wave, and give coverage. "
                + "Without it, each participant is grouped by their latest assessment on or before the day their participation started.")
            .AuthorizeWithRoles(Roles.ReachReaders)
            .Resolve().WithService<AnalyticsReads>()
            .Resolve((ctx, analytics) => analytics.ReachOf(ctx.Source, ctx.GetOptionalKey("waveId", SurveyWaveType.TypeName)));
}

/// <summary>SurveyWave.profileDistribution: how the wave's people spread over the profiles, protected.</summary>
public sealed class DistributionOfWave : IFieldsFor<SurveyWaveType>
{
    public void AddTo(SurveyWaveType type) =>
        type.Field<NonNullGraphType<ProfileDistributionType>>("profileDistribution")
            .Description("How the people assessed in this wave spread over the four profiles.")
            .Argument<IdGraphType>("unitId", "Only count people in this unit or any unit below it, as they were placed when the wave ran.")
            .Argument<PersonRoleType>("role", "Only count employees or only leaders.")
            // Managers size their target groups with it (how many HESITANT staff a unit has), under the same protection.
            .AuthorizeWithRoles(Roles.ReachReaders)
            .Resolve().WithService<AnalyticsReads>()
            .ResolveAsync(async (ctx, analytics) => await analytics.DistributionAsync(ctx.Source, ctx.GetArgument<string?>("unitId"), ctx.GetArgument<PersonRole?>("role"), ctx.CancellationToken));
}

public static class AnalyticsArguments
{
    /// <summary>The tree index of an optional unit id argument: the whole organisation when it is left out, NOT_FOUND when no such unit exists.</summary>
    public static int UnitIndex(this OrgTree tree, string? id, string argument)
    {
        var key = id is null ? (int?)null : GlobalId.ParseKey(id, OrganisationUnitType.TypeName, argument);
        return tree.IndexOf(key) ?? throw new ExecutionError(AnalyticsTexts.NoUnit.Format(argument)) { Code = ErrorCodes.NotFound };
    }
}
