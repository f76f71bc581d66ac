using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Audit;

public sealed class AuditEntryType : NodeType<AuditEntry>
{
    public const string TypeName = "AuditEntry";

    public AuditEntryType() : base(TypeName, "One read of one person's data: who looked, when, and through which operation. Query variables are never logged.")
    {
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When the data was read or changed (UTC).").Resolve(ctx => DateTime.SpecifyKind(ctx.Source.AtUtc, DateTimeKind.Utc));
        Field(e => e.CallerId).Description("Who read or changed it: the token's object id (Entra ID) or subject, never a name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("callerRoles")
            .Description("The caller's app roles at the time.")
            .Resolve(ctx => ctx.Source.CallerRoles.Split(',', StringSplitOptions.RemoveEmptyEntries));
        Field(e => e.DataType).Description("What kind of data was read (Person, Participation or Assessment), or ParticipationRecorded when the caller recorded or changed the person's participation, its dates included.");
        Field(e => e.OperationName, nullable: true).Description("The GraphQL operation's name, when the client gave one.");
    }
}

public static class AuditQueries
{
    public static void AddAuditQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<AuditEntryType, AuditEntry>>>("auditLog")
            .Description("Who has read a person's data or changed their participations, newest first. For administrators, so staff can be told who looked at or changed their data.")
            .Argument<NonNullGraphType<IdGraphType>>("subjectId", "The person whose data was read.")
            .PagingArguments()
            .AuthorizeWithRoles(Roles.Administrator)
            .Resolve().WithService<AppDbContext>()
            .ResolveAsync(async (ctx, db) =>
            {
                var subject = GlobalId.ParseKey(ctx.GetArgument<string>("subjectId"), PersonType.TypeName, "subjectId");
                return await db.AuditEntries().Where(e => e.SubjectPersonId == subject)
                    .OrderByDescending(e => e.Id)
                    .ToConnectionAsync(PageRequest.From(ctx), ctx.CancellationToken);
            });
    }
}

public static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services
        .AddScoped<AuditTrail>()
        .AddNodeSource<AuditEntry>(AuditEntryType.TypeName, (sp, _) => ValueTask.FromResult(sp.GetRequiredService<Viewer>().IsInAnyRole(Roles.Administrator)));
}
