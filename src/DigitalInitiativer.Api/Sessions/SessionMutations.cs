using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.SeedWork;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Sessions;

public sealed class AddSessionInput
{
    public string InitiativeId { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public int? Capacity { get; set; }
    public string? HostId { get; set; }
}

/// <summary>Changes to a session: a field left out keeps its value; place, onlineUrl, capacity and hostId can be cleared with null.</summary>
public sealed record UpdateSessionInput(string Id, Optional<DateTime?> StartsAt, Optional<DateTime?> EndsAt, Optional<string?> Place, Optional<string?> OnlineUrl,
    Optional<int?> Capacity, Optional<string?> HostId);

public sealed record CancelSessionInput(string Id, string Reason);

public sealed record EnrolInput(string SessionId);

public sealed record CancelEnrolmentInput(string Id);

public sealed class RecordAttendanceInput
{
    public string SessionId { get; set; } = "";
    public List<string>? EmployeeNumbers { get; set; }
    public string? SignInList { get; set; }
}

public sealed class AddSessionInputType : InputObjectGraphType<AddSessionInput>
{
    public AddSessionInputType()
    {
        Name = "AddSessionInput";
        Description = "A new session of a course, drop-in café or peer training.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The offer it belongs to.");
        Field<NonNullGraphType<DateTimeGraphType>>("startsAt").Description("When it starts; a time without an offset is UTC.");
        Field<NonNullGraphType<DateTimeGraphType>>("endsAt").Description("When it ends, after startsAt.");
        Field<StringGraphType>("place").Description($"Where it is held, at most {InitiativeSession.MaxPlaceLength} characters. Give place, onlineUrl or both.");
        Field<StringGraphType>("onlineUrl").Description("The link to join online: an https:// or http:// address.");
        Field<IntGraphType>("capacity").Description($"How many seats, 1 to {InitiativeSession.MaxCapacity}; leave out for no limit.");
        Field<IdGraphType>("hostId").Description("A Person who hosts it and may record its attendance, e.g. a digital superuser; managers always may.");
    }
}

public sealed class UpdateSessionInputType : InputObjectGraphType<UpdateSessionInput>
{
    public UpdateSessionInputType()
    {
        Name = "UpdateSessionInput";
        Description = "Changes to a session. Fields left out keep their value. More seats move people up from the waiting list; fewer than are taken is refused.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The session to change.");
        Field<DateTimeGraphType>("startsAt").Description("A new start.");
        Field<DateTimeGraphType>("endsAt").Description("A new end.");
        Field<StringGraphType>("place").Description("A new place; null removes it.");
        Field<StringGraphType>("onlineUrl").Description("A new link; null removes it.");
        Field<IntGraphType>("capacity").Description("A new number of seats, not below those taken; null removes the limit.");
        Field<IdGraphType>("hostId").Description("A new host; null removes the host.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new UpdateSessionInput((string)value["id"]!,
        value.Given<DateTime?>("startsAt"), value.Given<DateTime?>("endsAt"), value.Given<string?>("place"), value.Given<string?>("onlineUrl"),
        value.Given<int?>("capacity"), value.Given<string?>("hostId"));
}

public sealed class CancelSessionInputType : InputObjectGraphType<CancelSessionInput>
{
    public CancelSessionInputType()
    {
        Name = "CancelSessionInput";
        Description = "A session to cancel before it starts. Everyone enrolled or waiting is told, with the reason.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The session.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description($"Why, sent to those enrolled and shown on the session to everyone who can see it, so write no personal data (not \"Anna is ill\"); at most {InitiativeSession.MaxReasonLength} characters.");
    }
}

public sealed class EnrolInputType : InputObjectGraphType<EnrolInput>
{
    public EnrolInputType()
    {
        Name = "EnrolInput";
        Description = "A session to enrol in.";
        Field<NonNullGraphType<IdGraphType>>("sessionId").Description("The session.");
    }
}

public sealed class CancelEnrolmentInputType : InputObjectGraphType<CancelEnrolmentInput>
{
    public CancelEnrolmentInputType()
    {
        Name = "CancelEnrolmentInput";
        Description = "An enrolment to cancel.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The enrolment (Session.viewerEnrolment or me.enrolments).");
    }
}

public sealed class RecordAttendanceInputType : InputObjectGraphType<RecordAttendanceInput>
{
    public RecordAttendanceInputType()
    {
        Name = "RecordAttendanceInput";
        Description = $"Who came to a session, by employee number: typed, pasted as a sign-in sheet, or both. At most {Attendance.MaxEntries} entries.";
        Field<NonNullGraphType<IdGraphType>>("sessionId").Description("The session; it must have started.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("employeeNumbers").Description("Employee numbers, one per person.");
        Field<StringGraphType>("signInList").Description("A sign-in sheet pasted from a spreadsheet: one person per line, the employee number first. Anything after it on the line "
            + "(separated by tab, semicolon, comma or space), such as a name, is ignored and never stored. A first line without a digit is taken as a heading.");
    }
}

public sealed class AttendanceListType : EnumerationGraphType<AttendanceList>
{
    public AttendanceListType()
    {
        Name = "AttendanceList";
        Description = "Which part of recordAttendance's input an entry was in.";
    }
}

public sealed class AttendanceEntryType : ObjectGraphType<AttendanceEntry>
{
    public AttendanceEntryType()
    {
        Name = "AttendanceEntry";
        Description = "An entry of recordAttendance's input, by where it was. The employee number itself is never sent back.";
        Field<NonNullGraphType<AttendanceListType>>("list").Description("The list it was in.").Resolve(ctx => ctx.Source.List);
        Field(e => e.Position).Description("Its position in that list, from 1: the item, or the line of the sign-in sheet.");
    }
}

public sealed class RecordAttendancePayloadType : ObjectGraphType<Result<AttendanceReport>>
{
    public RecordAttendancePayloadType()
    {
        Name = "RecordAttendancePayload";
        Description = "The result of recordAttendance. Known people are recorded even when some entries are unknown; those are listed by position.";
        Field<SessionType>("session").Description("The session; null when there are errors.").Resolve(ctx => ctx.Source.Value?.Session);
        Field<IntGraphType>("recorded").Description("Visits recorded now.").Resolve(ctx => ctx.Source.Value?.Recorded);
        Field<IntGraphType>("alreadyRecorded").Description("People whose visit to this session was already on record; each person counts once per session.")
            .Resolve(ctx => ctx.Source.Value?.AlreadyRecorded);
        Field<ListGraphType<NonNullGraphType<AttendanceEntryType>>>("duplicates").Description("Entries naming someone named earlier in the same input, counted once.")
            .Resolve(ctx => ctx.Source.Value?.Duplicates);
        Field<ListGraphType<NonNullGraphType<AttendanceEntryType>>>("unknownEmployeeNumbers").Description("Entries whose employee number names nobody on the staff of the offer's unit (or a unit below it): check them on the sheet.")
            .Resolve(ctx => ctx.Source.Value?.Unknown);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordAttendanceErrorType>>>>("errors")
            .Description("What was wrong. Empty on success; when not empty, nothing was saved.").Resolve(ctx => ctx.Source.Refusals);
    }
}

public sealed class SessionCancelledErrorType() : UserErrorType<SessionCancelled>("The session is cancelled. Code SESSION_CANCELLED.");

public sealed class SessionStartedErrorType() : UserErrorType<SessionStarted>("The session has started (or is over): enrolments and cancellations are closed. Code SESSION_STARTED.");

public sealed class SessionNotStartedErrorType() : UserErrorType<SessionNotStarted>("Attendance is recorded once the session has started. Code SESSION_NOT_STARTED.");

public sealed class CapacityBelowEnrolledErrorType : UserErrorType<CapacityBelowEnrolled>
{
    public CapacityBelowEnrolledErrorType() : base("The new capacity is below the seats already taken. Code CAPACITY_BELOW_ENROLLED.") =>
        Field(e => e.Enrolled).Description("How many seats are taken.");
}

public sealed class AlreadyEnrolledErrorType : UserErrorType<AlreadyEnrolled>
{
    public AlreadyEnrolledErrorType() : base("The caller already has a seat in the session or waits for one. Code ALREADY_ENROLLED.") =>
        Field<NonNullGraphType<EnrolmentStateType>>("state").Description("Whether they hold a seat or wait.").Resolve(ctx => ctx.Source.State);
}

public sealed class NotOwnEnrolmentErrorType() : UserErrorType<NotOwnEnrolment>("The enrolment is someone else's; only managers and the session's host cancel others'. Code NOT_OWN_ENROLMENT.");

public sealed class NotSessionHostErrorType() : UserErrorType<NotSessionHost>("Only the session's host or an initiative manager records its attendance. Code NOT_SESSION_HOST.");

public sealed class OutsideOfferUnitErrorType() : UserErrorType<OutsideOfferUnit>("The offer is for a unit the caller is not in (nor below). Code OUTSIDE_OFFER_UNIT.");

public sealed class AddSessionErrorType() : UserErrorUnion("AddSessionError", "addSession", typeof(InvalidInputErrorType), typeof(NotFoundErrorType));

public sealed class UpdateSessionErrorType() : UserErrorUnion("UpdateSessionError", "updateSession",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(SessionCancelledErrorType), typeof(CapacityBelowEnrolledErrorType));

public sealed class CancelSessionErrorType() : UserErrorUnion("CancelSessionError", "cancelSession",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(SessionCancelledErrorType), typeof(SessionStartedErrorType));

public sealed class EnrolErrorType() : UserErrorUnion("EnrolError", "enrol",
    typeof(NotFoundErrorType), typeof(SessionCancelledErrorType), typeof(SessionStartedErrorType), typeof(AlreadyEnrolledErrorType), typeof(OutsideOfferUnitErrorType), typeof(PersonNotLinkedErrorType));

public sealed class CancelEnrolmentErrorType() : UserErrorUnion("CancelEnrolmentError", "cancelEnrolment",
    typeof(NotFoundErrorType), typeof(NotOwnEnrolmentErrorType), typeof(SessionCancelledErrorType), typeof(SessionStartedErrorType));

public sealed class RecordAttendanceErrorType() : UserErrorUnion("RecordAttendanceError", "recordAttendance",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(NotSessionHostErrorType), typeof(SessionCancelledErrorType), typeof(SessionNotStartedErrorType));

public static class SessionMutations
{
    public static void AddSessionMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<SessionType, InitiativeSession, AddSessionErrorType>>>("addSession")
            .Description("Adds a session to a course, drop-in café or peer training.")
            .Argument<NonNullGraphType<AddSessionInputType>>("input", "The session.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<SessionService>()
            .ResolveAsync(async (ctx, sessions) => await sessions.AddAsync(ctx.GetArgument<AddSessionInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<SessionType, InitiativeSession, UpdateSessionErrorType>>>("updateSession")
            .Description("Changes a session's time, place, link, capacity or host.")
            .Argument<NonNullGraphType<UpdateSessionInputType>>("input", "The changes.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<SessionService>()
            .ResolveAsync(async (ctx, sessions) => await sessions.UpdateAsync(ctx.GetArgument<UpdateSessionInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<SessionType, InitiativeSession, CancelSessionErrorType>>>("cancelSession")
            .Description("Cancels a session that has not started; everyone enrolled or waiting gets a notification with the reason.")
            .Argument<NonNullGraphType<CancelSessionInputType>>("input", "The session and why.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<SessionService>()
            .ResolveAsync(async (ctx, sessions) => await sessions.CancelAsync(ctx.GetArgument<CancelSessionInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<EnrolmentType, SessionEnrolment, EnrolErrorType>>>("enrol")
            .Description("Enrols the caller in a session of an offer for their unit: a seat while there is one, otherwise a place on the waiting list. "
                + "A seat makes them a participant (ENROLLED).")
            .Argument<NonNullGraphType<EnrolInputType>>("input", "The session.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<EnrolmentService>()
            .ResolveAsync(async (ctx, enrolments) => await enrolments.EnrolAsync(ctx.GetArgument<EnrolInput>("input").SessionId, ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<SessionType, InitiativeSession, CancelEnrolmentErrorType>>>("cancelEnrolment")
            .Description("Cancels an enrolment before the session starts. A seat given up goes to the first on the waiting list, who is told.")
            .Argument<NonNullGraphType<CancelEnrolmentInputType>>("input", "The enrolment.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<EnrolmentService>()
            .ResolveAsync(async (ctx, enrolments) => await enrolments.CancelAsync(ctx.GetArgument<CancelEnrolmentInput>("input").Id, ctx.CancellationToken));

        mutation.Field<NonNullGraphType<RecordAttendancePayloadType>>("recordAttendance")
            .Description("Records who came to a session, by employee number: for its host or a manager. Each person counts once per session, and every "
                + "visit is kept (Participation.visits). Numbers are pseudonymised on the way in and never returned.")
            .Argument<NonNullGraphType<RecordAttendanceInputType>>("input", "The session and who came.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<Attendance>()
            .ResolveAsync(async (ctx, attendance) => await attendance.RecordAsync(ctx.GetArgument<RecordAttendanceInput>("input"), ctx.CancellationToken));
    }
}
