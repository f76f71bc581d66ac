using DigitalInitiativer.Api.Analytics.Disclosure;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Surveys;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.Analytics;

public static class AnalyticsQueries
{
    public static void AddAnalyticsQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ReachMatrixType>>("reachMatrix")
            .Description("Which initiatives reached which profile groups: distinct participants and coverage per initiative (or kind) and profile group, "
                + "including the unassessed. Figures resting on fewer than k people, or that would let one be worked out, are withheld.")
            .Argument<ReachFilterType>("filter", "Which people and initiatives to count.")
            .AuthorizeWithRoles(Roles.Analysts)
            .ResolveAsync(async ctx =>
            {
                var filter = ctx.GetArgument<ReachFilter?>("filter") ?? new ReachFilter();
                if (filter is { From: { } from, To: { } to } && to < from)
                    throw new ExecutionError($"'to' ({to:yyyy-MM-dd}) is before 'from' ({from:yyyy-MM-dd}).") { Code = ErrorCodes.EndBeforeStart };
                var db = ctx.Db();
                var wave = filter.WaveId is { } waveId
                    ? await ctx.WaveAsync(waveId, "filter.waveId")
                    : await db.SurveyWaves().OrderByDescending(w => w.HeldOn).FirstOrDefaultAsync(ctx.CancellationToken);
                var tree = await OrgTree.LoadAsync(db, ctx.CancellationToken);
                var unit = tree.UnitIndex(filter.UnitId, "filter.unitId");

                var initiatives = db.Initiatives().AsQueryable();
                if (filter.Kinds is { Count: > 0 } kinds) initiatives = initiatives.Where(i => kinds.Contains(i.Kind));
                if (filter.From is { } start) initiatives = initiatives.Where(i => i.EndsOn == null || i.EndsOn >= start);
                if (filter.To is { } end) initiatives = initiatives.Where(i => i.StartsOn <= end);
                var selected = await initiatives.OrderBy(i => i.StartsOn).ThenBy(i => i.Code).ToListAsync(ctx.CancellationToken);

                var rules = ctx.DisclosureRules();
                var unfiltered = filter is { Kinds: null or [], From: null, To: null };
                var rows = await ReachMatrix.ComputeAsync(db, tree, selected, new ReachGrouping.InWave(wave?.Id), filter.GroupByKind,
                    unit, Population.SlotOf(filter.Role), rules, ctx.CancellationToken, everyInitiative: unfiltered);
                return new ReachMatrixResult(wave, rows, rules);
            });

        query.Field<NonNullGraphType<ProfileTransitionsType>>("profileTransitions")
            .Description("How the people assessed in both waves moved between profiles: the 4×4 matrix and moved-up, stayed and moved-down shares, for everyone, "
                + "for participants and for non-participants, with the difference in moved-up share and its 95 % interval. Read the caveats with the figures.")
            .Argument<NonNullGraphType<IdGraphType>>("fromWaveId", "The earlier wave.")
            .Argument<NonNullGraphType<IdGraphType>>("toWaveId", "The later wave.")
            .Argument<TransitionFilterType>("filter", "Which people to count, and who counts as a participant.")
            .AuthorizeWithRoles(Roles.Analysts)
            .ResolveAsync(async ctx =>
            {
                var filter = ctx.GetArgument<TransitionFilter?>("filter") ?? new TransitionFilter();
                var from = await ctx.WaveAsync(ctx.GetArgument<string>("fromWaveId"), "fromWaveId");
                var to = await ctx.WaveAsync(ctx.GetArgument<string>("toWaveId"), "toWaveId");
                if (from.HeldOn >= to.HeldOn)
                    throw new ExecutionError($"'fromWaveId' ({from.Year}) must be an earlier wave than 'toWaveId' ({to.Year}).") { Code = ErrorCodes.WavesOutOfOrder };
                if (filter is { InitiativeId: not null, InitiativeKind: not null })
                    throw new ExecutionError("Give either 'initiativeId' or 'initiativeKind', not both.") { Code = ErrorCodes.ConflictingFilters };

                var db = ctx.Db();
                Initiative? initiative = null;
                if (filter.InitiativeId is { } initiativeId)
                {
                    var key = GlobalId.ParseKey(initiativeId, InitiativeType.TypeName, "filter.initiativeId");
                    initiative = await db.Initiatives().SingleOrDefaultAsync(i => i.Id == key, ctx.CancellationToken)
                        ?? throw new ExecutionError("No initiative has the id in 'filter.initiativeId'.") { Code = ErrorCodes.NotFound };
                }
                var tree = await OrgTree.LoadAsync(db, ctx.CancellationToken);
                var unit = tree.UnitIndex(filter.UnitId, "filter.unitId");
                return await ProfileTransitions.ComputeAsync(db, tree, from, to, new ParticipationScope(initiative, filter.InitiativeKind),
                    unit, Population.SlotOf(filter.Role), ctx.DisclosureRules(), ctx.CancellationToken);
            });
    }
}

public static class AnalyticsArguments
{
    public static DisclosureRules DisclosureRules(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IOptions<AnalyticsSettings>>().Value.Rules;

    public static async Task<SurveyWave> WaveAsync(this IResolveFieldContext context, string id, string argument)
    {
        var key = GlobalId.ParseKey(id, SurveyWaveType.TypeName, argument);
        return await context.Db().SurveyWaves().SingleOrDefaultAsync(w => w.Id == key, context.CancellationToken)
            ?? throw new ExecutionError($"No survey wave has the id in '{argument}'.") { Code = ErrorCodes.NotFound };
    }

    /// <summary>The tree index of an optional unit id argument: the whole organisation when it is left out, NOT_FOUND when no such unit exists.</summary>
    public static int UnitIndex(this OrgTree tree, string? id, string argument)
    {
        var key = id is null ? (int?)null : GlobalId.ParseKey(id, OrganisationUnitType.TypeName, argument);
        return tree.IndexOf(key) ?? throw new ExecutionError($"No organisation unit has the id in '{argument}'.") { Code = ErrorCodes.NotFound };
    }
}
