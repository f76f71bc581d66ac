using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Sessions;

/// <summary>Managers add, change and cancel the sessions of courses, cafés and peer training.</summary>
public sealed class SessionService(AppDbContext db, Seats seats, EnrolmentService enrolments, Notifier notifier, TimeProvider clock)
{
    public async Task<Result<InitiativeSession>> AddAsync(AddSessionInput input, CancellationToken cancellationToken)
    {
        var refusals = new Refusals();
        var kind = GlobalId.TryParseKey(input.InitiativeId, InitiativeType.TypeName) is { } key
            ? await db.Initiatives().Where(i => i.Id == key).Select(i => (InitiativeKind?)i.Kind).FirstOrDefaultAsync(cancellationToken)
            : null;
        var initiativeId = kind is null ? (int?)null : GlobalId.TryParseKey(input.InitiativeId, InitiativeType.TypeName);
        if (initiativeId is null) refusals.NotFound("initiativeId", input.InitiativeId, SessionTexts.NoInitiative.Format());
        // The competition's participants are recorded at its close, by what they did there; a session would record them before.
        if (kind == InitiativeKind.IdeaCompetition) refusals.Invalid("initiativeId", SessionErrorCodes.NoSessionsForKind, SessionTexts.NoSessionsForCompetition.Format());
        var host = await HostAsync(refusals, input.HostId, cancellationToken);
        var details = new SessionDetails(Utc(input.StartsAt), Utc(input.EndsAt), input.Place, input.OnlineUrl, input.Capacity, host);
        InitiativeSession.Check(refusals, details);
        if (refusals.Any) return refusals;
        var session = new InitiativeSession(initiativeId!.Value, details);
        db.Sessions().Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>Fields left out keep their value. More seats move people up from the waiting list; fewer than are taken is refused.</summary>
    public Task<Result<InitiativeSession>> UpdateAsync(UpdateSessionInput input, CancellationToken cancellationToken) =>
        db.RetriedOnConflictAsync(notifier, () => ChangeAsync(input.Id, async (session, refusals) =>
        {
            var current = session.Details;
            var host = input.HostId.IsGiven ? await HostAsync(refusals, input.HostId.Value, cancellationToken) : current.HostPersonId;
            var details = new SessionDetails(input.StartsAt.IsGiven && input.StartsAt.Value is { } s ? Utc(s) : current.StartsAtUtc,
                input.EndsAt.IsGiven && input.EndsAt.Value is { } e ? Utc(e) : current.EndsAtUtc,
                input.Place.Or(current.Place), input.OnlineUrl.Or(current.OnlineUrl), input.Capacity.Or(current.Capacity), host);
            if (refusals.Any) return;
            foreach (var refusal in session.Change(details, await seats.SeatsTakenAsync(session.Id, cancellationToken)).All) refusals.Add(refusal);
            if (refusals.Any) return;
            await db.SaveChangesAsync(cancellationToken);
            if ((current.StartsAtUtc, current.EndsAtUtc, current.Place, current.OnlineUrl) != (session.StartsAtUtc, session.EndsAtUtc, session.Place, session.OnlineUrl))
            {
                var enrolled = await db.SessionEnrolments().Where(e => e.SessionId == session.Id).Select(e => e.PersonId).ToListAsync(cancellationToken);
                await enrolments.TellAsync(session, enrolled, NotificationKind.SessionChanged, cancellationToken);
            }
            if (session.HasStarted(clock.GetUtcNow().UtcDateTime)) return;
            var movedUp = await seats.MoveUpWaitingAsync(session, Today, cancellationToken);
            await enrolments.TellAsync(session, movedUp, NotificationKind.SeatFromWaitingList, cancellationToken);
        }, cancellationToken));

    /// <summary>Everyone enrolled or waiting hears of it, with the reason; seats given up this way no longer count as reach.</summary>
    public Task<Result<InitiativeSession>> CancelAsync(CancelSessionInput input, CancellationToken cancellationToken) =>
        db.RetriedOnConflictAsync(notifier, () => ChangeAsync(input.Id, async (session, refusals) =>
        {
            foreach (var refusal in session.Cancel(input.Reason, clock.GetUtcNow().UtcDateTime).All) refusals.Add(refusal);
            if (refusals.Any) return;
            var enrolled = await db.SessionEnrolments().Where(e => e.SessionId == session.Id).Select(e => e.PersonId).ToListAsync(cancellationToken);
            var title = await db.Initiatives().Where(i => i.Id == session.InitiativeId).Select(i => i.Title).SingleAsync(cancellationToken);
            notifier.Notify(enrolled, NotificationKind.SessionCancelled, GlobalId.Encode(SessionType.TypeName, session.Id), title, session.CancellationReason);
            await db.SaveChangesAsync(cancellationToken);
            await seats.ForgetIfNoSeatLeftAsync(session.InitiativeId, enrolled, cancellationToken);
        }, cancellationToken));

    /// <summary>One change of one session, in a transaction that starts by queueing behind the session's other changes.</summary>
    private async Task<Result<InitiativeSession>> ChangeAsync(string globalId, Func<InitiativeSession, Refusals, Task> change, CancellationToken cancellationToken)
    {
        if (GlobalId.TryParseKey(globalId, SessionType.TypeName) is not { } id) return NotFound(globalId);
        var result = await Contention.RetriedAsync<Result<InitiativeSession>>(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await seats.LockAsync(id, cancellationToken)) return NotFound(globalId);
            var session = await db.Sessions().AsTracking().SingleAsync(s => s.Id == id, cancellationToken);
            var refusals = new Refusals();
            await change(session, refusals);
            if (refusals.Any) return refusals;
            await transaction.CommitAsync(cancellationToken);
            return session;
        }, Forget);
        if (result.Succeeded) await notifier.PublishAsync();
        else Forget();
        return result;
    }

    private void Forget()
    {
        db.ChangeTracker.Clear();
        notifier.Forget();
    }

    private async Task<int?> HostAsync(Refusals refusals, string? hostId, CancellationToken cancellationToken)
    {
        if (hostId is null) return null;
        if (GlobalId.TryParseKey(hostId, PersonType.TypeName) is { } key && await db.Persons().AnyAsync(p => p.Id == key && p.ErasedAtUtc == null, cancellationToken)) return key;
        refusals.NotFound("hostId", hostId, SessionTexts.NoPerson.Format());
        return null;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();

    private static NotFound NotFound(string id) => new(SessionTexts.NoSession.Format(), id) { Field = ["id"] };
}
