using DigitalInitiativer.Api.GraphQL.Relay;

namespace DigitalInitiativer.Api.Profiles;

public static class ProfilesFeature
{
    public static IServiceCollection AddProfiles(this IServiceCollection services) => services.AddScoped<INodeSource, CompetenceProfileNodeSource>();
}
