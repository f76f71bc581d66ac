using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using GraphQL.DataLoader;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Strategy;

public sealed class GoalComparisonType : EnumerationGraphType<GoalComparison>
{
    public GoalComparisonType()
    {
        Name = "GoalComparison";
        Description = "Whether a goal's share is a floor to reach or a ceiling to stay under.";
    }
}

public sealed class GoalStatusType : EnumerationGraphType<GoalStatus>
{
    public GoalStatusType()
    {
        Name = "GoalStatus";
        Description = "Where a strategy goal stands.";
    }
}

public sealed class StrategyGoalType : NodeType<StrategyGoal>
{
    public const string TypeName = "StrategyGoal";

    public StrategyGoalType() : base(TypeName, "A target of the digital strategy, e.g. 60 % SELF_DRIVEN by 2020, measured against the latest survey wave.")
    {
        Field(g => g.Title).Description("The goal in words, as the strategy states it.");
        Field<NonNullGraphType<CompetenceProfileType>>("profile").Description("The profile whose share the goal is about.").Resolve(ctx => CompetenceProfile.Of(ctx.Source.Profile));
        Field<NonNullGraphType<GoalComparisonType>>("comparison").Description("AT_LEAST for a share to reach, AT_MOST for a share to stay under.").Resolve(ctx => ctx.Source.Comparison);
        Field(g => g.TargetShare).Description("The target share of staff in the profile, 0 to 1.");
        Field(g => g.TargetYear).Description("The year by which the target should be met.");
        Field<OrganisationUnitType>("unit").Description("The unit the goal is for, sub-units included; null for the whole organisation.")
            .ResolveById<StrategyGoal, OrganisationUnit>(g => g.UnitId);
        Field<FloatGraphType>("latestValue").Description("The profile's share in the latest wave that assessed anyone in the unit, from the protected (perturbed) counts; null when withheld or not measured.")
            .Resolve().WithService<GoalProgressReads>().Resolve((ctx, progress) => progress.Of(ctx.Source).Then(p => (object?)Share.Rounded(p.LatestValue)));
        Field<SurveyWaveType>("wave").Description("The wave latestValue comes from.").Resolve().WithService<GoalProgressReads>().Resolve((ctx, progress) => progress.Of(ctx.Source).Then(p => (object?)p.Wave));
        Field<FloatGraphType>("projectedValue")
            .Description("The share in the target year if the change between the last two waves continues in a straight line (kept within 0 to 1); null when not projected.")
            .Resolve().WithService<GoalProgressReads>().Resolve((ctx, progress) => progress.Of(ctx.Source).Then(p => (object?)Share.Rounded(p.ProjectedValue)));
        Field<BooleanGraphType>("onTrack").Description("True when achieved or on track, false when off track, null when it cannot be told.").Resolve().WithService<GoalProgressReads>().Resolve((ctx, progress) => progress.Of(ctx.Source).Then(p => (object?)p.OnTrack));
        Field<NonNullGraphType<GoalStatusType>>("status").Description("Where the goal stands.").Resolve().WithService<GoalProgressReads>().Resolve((ctx, progress) => progress.Of(ctx.Source).Then(p => (object?)p.Status));
    }
}

/// <summary>Where each goal on a page stands, measured once for all of them against the protected distributions.</summary>
public sealed class GoalProgressReads(AppDbContext db, DataLoaderRegistry loaders, AnalyticsReads analytics)
{
    public IDataLoaderResult<GoalProgress> Of(StrategyGoal goal) =>
        loaders.GetOrAdd<int, GoalProgress>("goalProgress", async (ids, ct) =>
        {
            var goals = await db.StrategyGoals().Where(g => ids.Contains(g.Id)).ToListAsync(ct);
            return (await GoalProgress.ForAsync(db, analytics, goals, ct)).ToDictionary(p => p.Goal.Id);
        }, null!).Load(goal.Id);
}
