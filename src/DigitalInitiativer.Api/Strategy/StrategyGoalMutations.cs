using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using GraphQL;
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

public sealed class DeleteStrategyGoalInputType : InputObjectGraphType
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

public static class StrategyGoalMutations
{
    public static void AddStrategyGoalMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<StrategyGoalType, StrategyGoal, SetStrategyGoalErrorType>>>("setStrategyGoal")
            .Description("Adds a strategy goal, or replaces one when the input has an id. Administrators only.")
            .Argument<NonNullGraphType<SetStrategyGoalInputType>>("input", "The goal.")
            .AuthorizeWithRoles(Roles.Administrator)
            .ResolveAsync(async ctx => await SetAsync(ctx.Db(), ctx.GetArgument<SetStrategyGoalInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<StrategyGoalType, StrategyGoal, DeleteStrategyGoalErrorType>>>("deleteStrategyGoal")
            .Description("Deletes a strategy goal and returns it as it was. Administrators only.")
            .Argument<NonNullGraphType<DeleteStrategyGoalInputType>>("input", "The goal to delete.")
            .AuthorizeWithRoles(Roles.Administrator)
            .ResolveAsync(async ctx =>
            {
                var db = ctx.Db();
                var id = ctx.GetArgument<Dictionary<string, object?>>("input")["id"] as string;
                var goal = await FindAsync(db, id, ctx.CancellationToken);
                if (goal is null) return Payload<StrategyGoal>.Failed(new NotFoundError("No strategy goal has this id.", ["input", "id"], id ?? ""));
                db.StrategyGoals().Remove(goal);
                await db.SaveChangesAsync(ctx.CancellationToken);
                return Payload<StrategyGoal>.Ok(goal);
            });
    }

    private static async Task<Payload<StrategyGoal>> SetAsync(AppDbContext db, SetStrategyGoalInput input, CancellationToken cancellationToken)
    {
        var errors = new UserErrorList("input");
        var goal = input.Id is null ? new StrategyGoal { Title = "" } : await FindAsync(db, input.Id, cancellationToken);
        if (goal is null) errors.NotFound("id", input.Id!, "No strategy goal has this id.");

        errors.Required("title", input.Title);
        errors.MaxLength("title", input.Title.Trim(), StrategyGoal.MaxTitleLength);
        if (input.TargetShare is < 0 or > 1 || double.IsNaN(input.TargetShare))
            errors.Invalid("targetShare", ErrorCodes.OutOfRange, $"'targetShare' must be a share from 0 to 1 (0.6 for 60 %); it was {input.TargetShare}.");
        if (input.TargetYear is < StrategyGoal.MinYear or > StrategyGoal.MaxYear)
            errors.Invalid("targetYear", ErrorCodes.OutOfRange, $"'targetYear' must be from {StrategyGoal.MinYear} to {StrategyGoal.MaxYear}; it was {input.TargetYear}.");
        var unitId = input.UnitId is null ? null : await db.FindUnitAsync(errors, input.UnitId, cancellationToken);
        if (errors.Any || goal is null) return Payload<StrategyGoal>.Failed(errors);

        goal.Title = input.Title.Trim();
        goal.Profile = input.Profile;
        goal.Comparison = input.Comparison;
        goal.TargetShare = input.TargetShare;
        goal.TargetYear = input.TargetYear;
        goal.UnitId = unitId;
        if (goal.Id == 0) db.StrategyGoals().Add(goal);
        await db.SaveChangesAsync(cancellationToken);
        return Payload<StrategyGoal>.Ok(goal);
    }

    private static async Task<StrategyGoal?> FindAsync(AppDbContext db, string? globalId, CancellationToken cancellationToken) =>
        GlobalId.TryParseKey(globalId, StrategyGoalType.TypeName) is { } id
            ? await db.StrategyGoals().AsTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
            : null;
}
