using DigitalInitiativer.Api.GraphQL.Relay;

namespace DigitalInitiativer.Api.Initiatives;

public static class InitiativesFeature
{
    public static IServiceCollection AddInitiatives(this IServiceCollection services) => services
        .AddScoped<InitiativeService>()
        .AddScoped<OffersForMe>()
        .AddNodeSource<Initiative>(InitiativeType.TypeName);
}
