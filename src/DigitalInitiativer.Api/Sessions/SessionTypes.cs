using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Sessions;

/// <summary>Seats taken and the caller's own enrolment, for every session on a page at once.</summary>
public sealed class SessionReads(AppDbContext db, Viewer viewer, DataLoaderRegistry loaders)
{
    public IDataLoaderResult<int> SeatsTaken(int sessionId) => Count(EnrolmentState.Seat, sessionId);

    public IDataLoaderResult<int> Waiting(int sessionId) => Count(EnrolmentState.Waiting, sessionId);

    private IDataLoaderResult<int> Count(EnrolmentState state, int sessionId) =>
        loaders.GetOrAdd<int, int>($"sessionEnrolments:{state}", async (ids, ct) =>
            await db.SessionEnrolments().Where(e => ids.Contains(e.SessionId) && e.State == state)
                .GroupBy(e => e.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct), 0).Load(sessionId);

    public IDataLoaderResult<SessionEnrolment?> Mine(int sessionId) =>
        loaders.GetOrAdd<int, SessionEnrolment?>("sessionMine", async (ids, ct) =>
            await viewer.PersonIdAsync(ct) is { } me
                ? await db.SessionEnrolments().Where(e => ids.Contains(e.SessionId) && e.PersonId == me).ToDictionaryAsync(e => e.SessionId, e => (SessionEnrolment?)e, ct)
                : [], null).Load(sessionId);

    /// <summary>1 for the first in line; null for a seat.</summary>
    public async Task<int?> WaitingPositionAsync(SessionEnrolment enrolment, CancellationToken cancellationToken) =>
        enrolment.State == EnrolmentState.Waiting
            ? await db.SessionEnrolments().CountAsync(e => e.SessionId == enrolment.SessionId && e.State == EnrolmentState.Waiting && e.Id <= enrolment.Id, cancellationToken)
            : null;
}

public sealed class EnrolmentStateType : EnumerationGraphType<EnrolmentState>
{
    public EnrolmentStateType()
    {
        Name = "EnrolmentState";
        Description = "Whether an enrolment holds a seat or waits for one.";
    }
}

public sealed class SessionType : NodeType<InitiativeSession>
{
    public const string TypeName = "Session";

    public SessionType() : base(TypeName, "One meeting of a course, drop-in café or peer training: when, where, how many seats, and whether the caller has one.")
    {
        Field<NonNullGraphType<InitiativeType>>("initiative").Description("The offer the session belongs to.")
            .ResolveById<InitiativeSession, Initiative>(s => s.InitiativeId, alreadyLoaded: s => s.Initiative);
        Field<NonNullGraphType<DateTimeGraphType>>("startsAt").Description("When it starts (UTC).").Resolve(ctx => DateTime.SpecifyKind(ctx.Source.StartsAtUtc, DateTimeKind.Utc));
        Field<NonNullGraphType<DateTimeGraphType>>("endsAt").Description("When it ends (UTC).").Resolve(ctx => DateTime.SpecifyKind(ctx.Source.EndsAtUtc, DateTimeKind.Utc));
        Field<StringGraphType>("place").Description("Where it is held, e.g. a room and address; null when it is online only.").Resolve(ctx => ctx.Source.Place);
        Field<StringGraphType>("onlineUrl").Description("The link to join online; null when it is held in person only.").Resolve(ctx => ctx.Source.OnlineUrl);
        Field<IntGraphType>("capacity").Description("How many seats it has; null when there is no limit.").Resolve(ctx => ctx.Source.Capacity);
        Field<IntGraphType>("seatsLeft").Description("Seats still free; null when there is no limit. 0 means enrolling puts the caller on the waiting list.")
            .Resolve().WithService<SessionReads>().Resolve((ctx, reads) => ctx.Source.Capacity is { } capacity
                ? reads.SeatsTaken(ctx.Source.Id).Then(taken => (int?)Math.Max(0, capacity - taken))
                : new Loaded<int?>(null));
        Field<NonNullGraphType<IntGraphType>>("waitingListLength").Description("How many people are waiting for a seat.")
            .Resolve().WithService<SessionReads>().Resolve((ctx, reads) => reads.Waiting(ctx.Source.Id));
        Field<NonNullGraphType<BooleanGraphType>>("viewerEnrolled").Description("Whether the caller holds a seat in it (false while only waiting; see viewerEnrolment).")
            .Resolve().WithService<SessionReads>().Resolve((ctx, reads) => reads.Mine(ctx.Source.Id).Then(e => e?.State == EnrolmentState.Seat));
        Field<EnrolmentType>("viewerEnrolment").Description("The caller's seat or place on the waiting list; null when they have not enrolled.")
            .Resolve().WithService<SessionReads>().Resolve((ctx, reads) => reads.Mine(ctx.Source.Id));
        Field<NonNullGraphType<BooleanGraphType>>("viewerIsHost").Description("Whether the caller is the session's named host, who records attendance.")
            .Resolve().WithService<Viewer>().ResolveAsync(async (ctx, viewer) => ctx.Source.HostPersonId is { } host && await viewer.PersonIdAsync(ctx.CancellationToken) == host);
        Field<NonNullGraphType<BooleanGraphType>>("cancelled").Description("Whether the session is cancelled.").Resolve(ctx => ctx.Source.CancelledAtUtc is not null);
        Field<StringGraphType>("cancellationReason").Description("Why it was cancelled; null unless it was.").Resolve(ctx => ctx.Source.CancellationReason);
    }
}

public sealed class EnrolmentType : NodeType<SessionEnrolment>
{
    public const string TypeName = "Enrolment";

    public EnrolmentType() : base(TypeName, "The caller's seat in a session, or their place on its waiting list. Only its owner (and managers) can read it.")
    {
        Field<NonNullGraphType<SessionType>>("session").Description("The session.").ResolveById<SessionEnrolment, InitiativeSession>(e => e.SessionId);
        Field<NonNullGraphType<EnrolmentStateType>>("state").Description("Seat or waiting.").Resolve(ctx => ctx.Source.State);
        Field<IntGraphType>("waitingPosition").Description("The place on the waiting list, 1 for next in line; null with a seat.")
            .Resolve().WithService<SessionReads>().ResolveAsync(async (ctx, reads) => await reads.WaitingPositionAsync(ctx.Source, ctx.CancellationToken));
        Field<NonNullGraphType<DateTimeGraphType>>("enrolledAt").Description("When the caller enrolled (UTC).").Resolve(ctx => DateTime.SpecifyKind(ctx.Source.EnrolledAtUtc, DateTimeKind.Utc));
    }
}

/// <summary>Initiative.sessions: the sessions of an offer, for every initiative on a page in one query.</summary>
public sealed class SessionsOfInitiative : IFieldsFor<InitiativeType>
{
    public const int MaxPast = 100;

    public void AddTo(InitiativeType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionType>>>>("sessions")
            .Description($"The offer's sessions in time order: those that have not ended, cancelled ones included, or with includePast also up to {MaxPast} that have.")
            .Argument<NonNullGraphType<BooleanGraphType>>("includePast", "Also list sessions that have ended.", arg => arg.DefaultValue = false)
            .Resolve().WithServices<EntityLoader, TimeProvider>().Resolve((ctx, loader, clock) =>
            {
                var includePast = ctx.GetArgument<bool>("includePast");
                var now = clock.GetUtcNow().UtcDateTime;
                return loader.Grouped($"sessions:{includePast}", ctx.Source.Id, (db, ids) => db.Sessions().Where(s => ids.Contains(s.InitiativeId) && (includePast || s.EndsAtUtc > now))
                    .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id), s => s.InitiativeId).Then(sessions => includePast ? [.. sessions.TakeLast(MaxPast + sessions.Count(s => s.EndsAtUtc > now))] : sessions);
            });
}

/// <summary>me.hostedSessions: the sessions the caller hosts, to record their attendance.</summary>
public sealed class HostedSessions : IFieldsFor<ViewerType>
{
    public void AddTo(ViewerType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionType>>>>("hostedSessions")
            .Description("The sessions the caller is named host of, from those that started up to a week ago on, soonest first: where they record attendance.")
            .Resolve().WithServices<AppDbContext, TimeProvider>()
            .ResolveAsync(async (ctx, db, clock) => ctx.Source.PersonId is { } me
                ? await db.Sessions().Where(s => s.HostPersonId == me && s.StartsAtUtc > clock.GetUtcNow().UtcDateTime.AddDays(-7))
                    .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id).ToListAsync(ctx.CancellationToken)
                : []);
}

/// <summary>me.enrolments: the caller's seats and waiting places in sessions that have not started.</summary>
public sealed class OwnEnrolments : IFieldsFor<ViewerType>
{
    public void AddTo(ViewerType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnrolmentType>>>>("enrolments")
            .Description("The caller's seats and places on waiting lists in sessions that have not started, soonest first.")
            .Resolve().WithServices<AppDbContext, TimeProvider>()
            .ResolveAsync(async (ctx, db, clock) => ctx.Source.PersonId is { } me
                ? await db.SessionEnrolments().Where(e => e.PersonId == me)
                    .Join(db.Sessions().Where(s => s.StartsAtUtc > clock.GetUtcNow().UtcDateTime), e => e.SessionId, s => s.Id, (e, s) => new { e, s.StartsAtUtc })
                    .OrderBy(x => x.StartsAtUtc).Select(x => x.e).ToListAsync(ctx.CancellationToken)
                : []);
}
