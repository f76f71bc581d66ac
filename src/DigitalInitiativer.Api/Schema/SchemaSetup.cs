using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Imports;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Sessions;
using DigitalInitiativer.Api.Strategy;
using DigitalInitiativer.Api.Superusers;
using DigitalInitiativer.Api.Surveys;
using GraphQL;

namespace DigitalInitiativer.Api.Schema;

/// <summary>
/// The composition root of the API: every feature's services, the fields features add to each other's types, and the
/// GraphQL engine with the schema. The one schema setup, used by the host and by the tests (the schema file check included).
/// </summary>
public static class SchemaSetup
{
    public static IServiceCollection AddDigitalInitiativerSchema(this IServiceCollection services, IConfiguration configuration) => services
        .AddProfiles()
        .AddOrganisation()
        .AddIdentityNodes()
        .AddNotifications()
        .AddAudit()
        .AddSuperusers()
        .AddSurveys()
        .AddInitiatives()
        .AddParticipations()
        .AddSessions()
        .AddCompetitions(configuration)
        .AddAnalytics()
        .AddStrategy()
        .AddImports(configuration)
        .AddGraphQLEngine<AppSchema>(pipeline => pipeline
            .UseMiddleware<AuditFieldMiddleware>()
            .AddDocumentListener<AuditFlushListener>());
}
