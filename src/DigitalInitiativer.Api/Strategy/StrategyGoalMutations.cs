using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.SeedWork;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

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

/// <summary>Setting and deleting the strategy's goals.</summary>
public sealed class StrategyGoalService(AppDbContext db)
{
    public async Task<Result<StrategyGoal>> SetAsync(SetStrategyGoalInput input, CancellationToken cancellationToken)
    {
        var refusals = new Refusals();
        var goal = input.Id is null ? null : await FindAsync(input.Id, cancellationToken);
        if (input.Id is not null && goal is null) refusals.NotFound("id", input.Id, "No strategy goal has this id.");
        var target = new GoalTarget(input.Title, input.Profile, input.Comparison, input.TargetShare, input.TargetYear, null);
        StrategyGoal.Check(refusals, target);
        var unitId = input.UnitId is null ? null : await db.FindUnitAsync(refusals, input.UnitId, cancellationToken);
        if (refusals.Any) return refusals;

        target = target with { UnitId = unitId };
        if (goal is null) db.StrategyGoals().Add(goal = new StrategyGoal(target));
        else goal.Set(target);
        await db.SaveChangesAsync(cancellationToken);
        return goal;
    }

    public async Task<Result<StrategyGoal>> DeleteAsync(string? id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } goal) return new NotFound("No strategy goal has this id.", id ?? "") { Field = ["id"] };
        db.StrategyGoals().Remove(goal);
        await db.SaveChangesAsync(cancellationToken);
        return goal;
    }

    private async Task<StrategyGoal?> FindAsync(string? globalId, CancellationToken cancellationToken) =>
        GlobalId.TryParseKey(globalId, StrategyGoalType.TypeName) is { } id
            ? await db.StrategyGoals().AsTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
            : null;
}

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
