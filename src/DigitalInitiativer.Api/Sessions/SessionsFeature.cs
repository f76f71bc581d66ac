using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;

namespace DigitalInitiativer.Api.Sessions;

public static class SessionsFeature
{
    public static IServiceCollection AddSessions(this IServiceCollection services) => services
        .AddScoped<Seats>()
        .AddScoped<SessionService>()
        .AddScoped<EnrolmentService>()
        .AddScoped<Attendance>()
        .AddScoped<SessionReads>()
        .AddFieldsFor<InitiativeType, SessionsOfInitiative>()
        .AddFieldsFor<ViewerType, OwnEnrolments>()
        .AddFieldsFor<ViewerType, HostedSessions>()
        .AddNodeSource<InitiativeSession>(SessionType.TypeName)
        .AddNodeSource<SessionEnrolment>(EnrolmentType.TypeName, (sp, enrolment) => sp.GetRequiredService<Viewer>().SeesDataOfAsync(enrolment.PersonId, managersToo: true));
}
