using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Authorization;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Strategy;

public static class StrategyGoalQueries
{
    public static void AddStrategyGoalQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StrategyGoalType>>>>("strategyGoals")
            .Description("The strategy's goals, by target year and then title, each with its latest measured value and whether it is on track.")
            .AuthorizeWithRoles(Roles.Analysts)
            .Resolve().WithService<AppDbContext>()
            .ResolveAsync(async (ctx, db) => await db.StrategyGoals().OrderBy(g => g.TargetYear).ThenBy(g => g.Title).ToListAsync(ctx.CancellationToken));
    }
}
