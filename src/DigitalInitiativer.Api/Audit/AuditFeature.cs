using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;

namespace DigitalInitiativer.Api.Audit;

public static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services
        .AddScoped<AuditTrail>()
        .AddNodeSource<AuditEntry>(AuditEntryType.TypeName, (sp, _) => ValueTask.FromResult(sp.GetRequiredService<Viewer>().IsInAnyRole(Roles.Administrator)));
}
