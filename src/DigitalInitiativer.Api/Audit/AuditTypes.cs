using DigitalInitiativer.Api.GraphQL.Relay;
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
