using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;

namespace DigitalInitiativer.Api.Strategy;

public static class StrategyFeature
{
    public static IServiceCollection AddStrategy(this IServiceCollection services) => services
        .AddScoped<StrategyGoalService>()
        .AddScoped<GoalProgressReads>()
        .AddNodeSource<StrategyGoal>(StrategyGoalType.TypeName, (sp, _) => ValueTask.FromResult(sp.GetRequiredService<Viewer>().IsInAnyRole(Roles.Analysts)));
}
