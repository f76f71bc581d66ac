using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Strategy;

/// <summary>Setting and deleting the strategy's goals.</summary>
public sealed class StrategyGoalService(AppDbContext db)
{
    public async Task<Result<StrategyGoal>> SetAsync(SetStrategyGoalInput input, CancellationToken cancellationToken)
    {
        var refusals = new Refusals();
        var goal = input.Id is null ? null : await FindAsync(input.Id, cancellationToken);
        if (input.Id is not null && goal is null) refusals.NotFound("id", input.Id, StrategyTexts.NoGoal.Format());
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
        if (await FindAsync(id, cancellationToken) is not { } goal) return new NotFound(StrategyTexts.NoGoal.Format(), id ?? "") { Field = ["id"] };
        db.StrategyGoals().Remove(goal);
        await db.SaveChangesAsync(cancellationToken);
        return goal;
    }

    private async Task<StrategyGoal?> FindAsync(string? globalId, CancellationToken cancellationToken) =>
        GlobalId.TryParseKey(globalId, StrategyGoalType.TypeName) is { } id
            ? await db.StrategyGoals().AsTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
            : null;
}
