using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;

namespace DigitalInitiativer.Api.Participations;

public static class ParticipationsFeature
{
    public static IServiceCollection AddParticipations(this IServiceCollection services) => services
        .AddScoped<ParticipationService>()
        .AddScoped<InitiativeParticipations>()
        .AddFieldsFor<InitiativeType, ParticipationsOfInitiative>()
        .AddFieldsFor<ViewerType, OwnParticipations>()
        .AddNodeSource<Participation>(ParticipationType.TypeName, (sp, participation) => sp.GetRequiredService<Viewer>().SeesDataOfAsync(participation.PersonId, managersToo: true));
}
