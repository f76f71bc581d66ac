using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.Profiles;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Strategy;

public sealed class SetStrategyGoalInput
{
    public string? Id { get; set; }
    public string Title { get; set; } = "";
    public CompetenceProfileKind Profile { get; set; }
    public GoalComparison Comparison { get; set; }
    public double TargetShare { get; set; }
    public int TargetYear { get; set; }
    public string? UnitId { get; set; }
}

public sealed class SetStrategyGoalInputType : InputObjectGraphType<SetStrategyGoalInput>
{
    public SetStrategyGoalInputType()
    {
        Name = "SetStrategyGoalInput";
        Description = "A strategy goal to add, or, with an id, the new version of an existing goal.";
        Field<IdGraphType>("id").Description("The goal to replace; leave out to add a new goal.");
        Field<NonNullGraphType<StringGraphType>>("title").Description($"The goal in words, at most {StrategyGoal.MaxTitleLength} characters.");
        Field<NonNullGraphType<CompetenceProfileKindType>>("profile").Description("The profile whose share the goal is about.");
        Field<NonNullGraphType<GoalComparisonType>>("comparison").Description("AT_LEAST for a share to reach, AT_MOST for a share to stay under.");
        Field<NonNullGraphType<FloatGraphType>>("targetShare").Description("The target share, 0 to 1 (0.6 for 60 %).");
        Field<NonNullGraphType<IntGraphType>>("targetYear").Description($"The year by which the target should be met, {StrategyGoal.MinYear} to {StrategyGoal.MaxYear}.");
        Field<IdGraphType>("unitId").Description("The unit the goal is for, sub-units included; leave out for the whole organisation.");
    }
}

public sealed class DeleteStrategyGoalInputType : InputObjectGraphType<StrategyGoalIdInput>
{
    public DeleteStrategyGoalInputType()
    {
        Name = "DeleteStrategyGoalInput";
        Description = "The strategy goal to delete.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The goal's id.");
    }
}

public sealed class SetStrategyGoalErrorType() : UserErrorUnion("SetStrategyGoalError", "setStrategyGoal", typeof(InvalidInputErrorType), typeof(NotFoundErrorType));

public sealed class DeleteStrategyGoalErrorType() : UserErrorUnion("DeleteStrategyGoalError", "deleteStrategyGoal", typeof(NotFoundErrorType));

public sealed class StrategyGoalIdInput
{
    public string? Id { get; set; }
}

public static class StrategyGoalMutations
{
    public static void AddStrategyGoalMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<StrategyGoalType, StrategyGoal, SetStrategyGoalErrorType>>>("setStrategyGoal")
            .Description("Adds a strategy goal, or replaces one when the input has an id. Administrators only.")
            .Argument<NonNullGraphType<SetStrategyGoalInputType>>("input", "The goal.")
            .AuthorizeWithRoles(Roles.Administrator)
            .Resolve().WithService<StrategyGoalService>()
            .ResolveAsync(async (ctx, goals) => await goals.SetAsync(ctx.GetArgument<SetStrategyGoalInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<StrategyGoalType, StrategyGoal, DeleteStrategyGoalErrorType>>>("deleteStrategyGoal")
            .Description("Deletes a strategy goal and returns it as it was. Administrators only.")
            .Argument<NonNullGraphType<DeleteStrategyGoalInputType>>("input", "The goal to delete.")
            .AuthorizeWithRoles(Roles.Administrator)
            .Resolve().WithService<StrategyGoalService>()
            .ResolveAsync(async (ctx, goals) => await goals.DeleteAsync(ctx.GetArgument<StrategyGoalIdInput>("input").Id, ctx.CancellationToken));
    }
}
