using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Surveys;

namespace DigitalInitiativer.Api.Analytics;

public static class AnalyticsFeature
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services) => services
        .AddScoped<AnalyticsReads>()
        .AddSingleton<FigureCache>()
        .AddScoped<AnalyticsSnapshot>()
        .AddHostedService<AnalyticsRefresher>()
        .AddFieldsFor<InitiativeType, ReachOfInitiative>()
        .AddFieldsFor<SurveyWaveType, DistributionOfWave>();
}
