using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Organisation;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Audit;

public static class AuditQueries
{
    private static readonly KeysetOrder<AuditEntry> NewestFirst = KeysetOrder<AuditEntry>.ById("newest", e => e.Id, descending: true);

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
                    .ToConnectionAsync(NewestFirst, PageRequest.From(ctx), ctx.CancellationToken, parent: subject);
            });
    }
}
