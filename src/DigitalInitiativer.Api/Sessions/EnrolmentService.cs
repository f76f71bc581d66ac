using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Sessions;

/// <summary>Employees enrol in sessions themselves and cancel; a free seat goes to the first on the waiting list.</summary>
public sealed class EnrolmentService(AppDbContext db, Seats seats, Viewer viewer, Notifier notifier, TimeProvider clock)
{
    public async Task<Result<SessionEnrolment>> EnrolAsync(string sessionGlobalId, CancellationToken cancellationToken)
    {
        if (await viewer.PersonIdAsync(cancellationToken) is not { } me) return PersonNotLinked.Instance;
        if (GlobalId.TryParseKey(sessionGlobalId, SessionType.TypeName) is not { } sessionId) return NoSession(sessionGlobalId);
        var now = clock.GetUtcNow().UtcDateTime;
        return await Contention.RetriedAsync<Result<SessionEnrolment>>(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await seats.LockAsync(sessionId, cancellationToken)) return NoSession(sessionGlobalId);
            var session = await db.Sessions().Include(s => s.Initiative).SingleAsync(s => s.Id == sessionId, cancellationToken);
            if (session.CancelledAtUtc is not null) return OnSession(new SessionCancelled(SessionTexts.Cancelled.Format()));
            if (session.HasStarted(now)) return OnSession(new SessionStarted(SessionTexts.AlreadyStarted.Format(session.StartsAtUtc)));
            if (!await (await viewer.OwnUnitAndAboveAsync(cancellationToken))!.ContainsAsync(session.Initiative!.UnitId, cancellationToken))
                return OnSession(new OutsideOfferUnit(SessionTexts.OutsideUnit.Format()));
            if (!await seats.EnrolAsync(sessionId, me, now, cancellationToken))
            {
                var state = await db.SessionEnrolments().Where(e => e.SessionId == sessionId && e.PersonId == me).Select(e => e.State).SingleAsync(cancellationToken);
                return OnSession(new AlreadyEnrolled((state == EnrolmentState.Seat ? SessionTexts.AlreadyHasSeat : SessionTexts.AlreadyWaiting).Format(), state));
            }
            var enrolment = await db.SessionEnrolments().SingleAsync(e => e.SessionId == sessionId && e.PersonId == me, cancellationToken);
            if (enrolment.State == EnrolmentState.Seat) await seats.TookSeatAsync(session.InitiativeId, me, Today(now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return enrolment;
        });
    }

    /// <summary>The caller's own enrolment; a manager or the session's host may cancel anyone's (e.g. someone who is ill).</summary>
    public async Task<Result<InitiativeSession>> CancelAsync(string enrolmentGlobalId, CancellationToken cancellationToken)
    {
        var me = await viewer.PersonIdAsync(cancellationToken);
        var enrolmentId = GlobalId.TryParseKey(enrolmentGlobalId, EnrolmentType.TypeName);
        var found = enrolmentId is { } id ? await db.SessionEnrolments().Where(e => e.Id == id).Select(e => new { e.SessionId, e.PersonId }).FirstOrDefaultAsync(cancellationToken) : null;
        if (found is null) return NoEnrolment(enrolmentGlobalId);
        if (found.PersonId != me && !viewer.IsInAnyRole(Roles.Managers)
            && !await db.Sessions().AnyAsync(s => s.Id == found.SessionId && s.HostPersonId != null && s.HostPersonId == me, cancellationToken))
            return Refused(new NotOwnEnrolment(SessionTexts.NotOwn.Format()));

        var now = clock.GetUtcNow().UtcDateTime;
        var result = await Contention.RetriedAsync<Result<InitiativeSession>>(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await seats.LockAsync(found.SessionId, cancellationToken);
            var session = await db.Sessions().SingleAsync(s => s.Id == found.SessionId, cancellationToken);
            if (session.CancelledAtUtc is not null) return Refused(new SessionCancelled(SessionTexts.Cancelled.Format()));
            if (session.HasStarted(now)) return Refused(new SessionStarted(SessionTexts.AlreadyStarted.Format(session.StartsAtUtc)));
            if (await db.SessionEnrolments().Where(e => e.Id == enrolmentId).Select(e => (EnrolmentState?)e.State).FirstOrDefaultAsync(cancellationToken) is null)
                return NoEnrolment(enrolmentGlobalId);
            await db.SessionEnrolments().Where(e => e.Id == enrolmentId).ExecuteDeleteAsync(cancellationToken);
            var movedUp = await seats.MoveUpWaitingAsync(session, Today(now), cancellationToken);
            await seats.ForgetIfNoSeatLeftAsync(session.InitiativeId, [found.PersonId], cancellationToken);
            if (found.PersonId != me) await TellAsync(session, [found.PersonId], NotificationKind.EnrolmentCancelled, cancellationToken);
            await TellAsync(session, movedUp, NotificationKind.SeatFromWaitingList, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return session;
        }, Forget);
        if (result.Succeeded) await notifier.PublishAsync();
        else Forget();
        return result;
    }

    /// <summary>Inside the change's transaction: those it concerns hear of it, e.g. who got a seat from the waiting list.</summary>
    public async Task TellAsync(InitiativeSession session, IReadOnlyList<int> people, NotificationKind kind, CancellationToken cancellationToken)
    {
        if (people.Count == 0) return;
        var title = await db.Initiatives().Where(i => i.Id == session.InitiativeId).Select(i => i.Title).SingleAsync(cancellationToken);
        notifier.Notify(people, kind, GlobalId.Encode(SessionType.TypeName, session.Id), title);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Forget()
    {
        db.ChangeTracker.Clear();
        notifier.Forget();
    }

    private static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(utcNow);

    private static Refusal Refused(Refusal refusal) => refusal with { Field = ["id"] };

    private static Refusal OnSession(Refusal refusal) => refusal with { Field = ["sessionId"] };

    private static NotFound NoSession(string id) => new(SessionTexts.NoSession.Format(), id) { Field = ["sessionId"] };

    private static NotFound NoEnrolment(string id) => new(SessionTexts.NoEnrolment.Format(), id) { Field = ["id"] };
}
