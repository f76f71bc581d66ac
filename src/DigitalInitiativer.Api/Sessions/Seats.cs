using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Participations;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Sessions;

/// <summary>
/// The session writes that must be exact under concurrency, as SQL statements both SQLite and PostgreSQL run: every
/// change to a session's seats starts by touching the session's row, which queues the changes of one session one
/// after the other (SQLite lets one writer in at a time; PostgreSQL locks the row until commit). After that, counting
/// the seats taken and taking one cannot be split by another enrolment, so 50 people asking for 10 seats get 10.
/// </summary>
public sealed class Seats(AppDbContext db)
{
    /// <summary>Inside the change's transaction, as its first statement; false when there is no such session.</summary>
    public async Task<bool> LockAsync(int sessionId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""UPDATE initiative_sessions SET "Capacity" = "Capacity" WHERE "Id" = {sessionId}""", cancellationToken) == 1;

    /// <summary>A seat while there is one, otherwise the end of the waiting list; false when the person is already enrolled or waiting.</summary>
    public async Task<bool> EnrolAsync(int sessionId, int personId, DateTime utcNow, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO session_enrolments ("SessionId", "PersonId", "State", "EnrolledAtUtc")
            SELECT s."Id", {personId},
                CASE WHEN s."Capacity" IS NULL OR (SELECT COUNT(*) FROM session_enrolments e WHERE e."SessionId" = s."Id" AND e."State" = {(int)EnrolmentState.Seat}) < s."Capacity"
                     THEN {(int)EnrolmentState.Seat} ELSE {(int)EnrolmentState.Waiting} END,
                {utcNow}
            FROM initiative_sessions s WHERE s."Id" = {sessionId}
            ON CONFLICT ("SessionId", "PersonId") DO NOTHING
            """, cancellationToken) == 1;

    public Task<int> SeatsTakenAsync(int sessionId, CancellationToken cancellationToken) =>
        db.SessionEnrolments().CountAsync(e => e.SessionId == sessionId && e.State == EnrolmentState.Seat, cancellationToken);

    /// <summary>Gives free seats to the first on the waiting list, in the order they enrolled; returns who moved up.</summary>
    public async Task<IReadOnlyList<int>> MoveUpWaitingAsync(InitiativeSession session, DateOnly today, CancellationToken cancellationToken)
    {
        var free = session.Capacity is { } capacity ? capacity - await SeatsTakenAsync(session.Id, cancellationToken) : int.MaxValue;
        if (free <= 0) return [];
        var next = await db.SessionEnrolments().Where(e => e.SessionId == session.Id && e.State == EnrolmentState.Waiting)
            .OrderBy(e => e.Id).Take(free).Select(e => new { e.Id, e.PersonId }).ToListAsync(cancellationToken);
        if (next.Count == 0) return [];
        var ids = next.Select(e => e.Id).ToList();
        await db.SessionEnrolments().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(e => e.SetProperty(x => x.State, EnrolmentState.Seat), cancellationToken);
        foreach (var moved in next) await TookSeatAsync(session.InitiativeId, moved.PersonId, today, cancellationToken);
        return [.. next.Select(e => e.PersonId)];
    }

    /// <summary>
    /// A seat makes the person a participant (ENROLLED), so reach sees them. A participation they have already,
    /// recorded, imported or from another session, is theirs as it is.
    /// </summary>
    public Task TookSeatAsync(int initiativeId, int personId, DateOnly today, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO participations ("PersonId", "InitiativeId", "Status", "EnrolledOn", "Visits", "FromEnrolment")
            VALUES ({personId}, {initiativeId}, {(int)ParticipationStatus.Enrolled}, {today}, 0, {true})
            ON CONFLICT ("InitiativeId", "PersonId") DO NOTHING
            """, cancellationToken);

    /// <summary>
    /// Those whose participation only a seat made, who no longer hold one in a session of the initiative that is not
    /// cancelled and never came: the participation goes, so reach stops counting them and nothing is kept of a plan
    /// that came to nothing. Recorded and imported participations stay as they are.
    /// </summary>
    public Task ForgetIfNoSeatLeftAsync(int initiativeId, IReadOnlyCollection<int> personIds, CancellationToken cancellationToken)
    {
        var seated = db.SessionEnrolments().Where(e => e.State == EnrolmentState.Seat)
            .Join(db.Sessions().Where(s => s.InitiativeId == initiativeId && s.CancelledAtUtc == null), e => e.SessionId, s => s.Id, (e, _) => e.PersonId);
        return db.Participations()
            .Where(p => p.InitiativeId == initiativeId && personIds.Contains(p.PersonId) && p.FromEnrolment
                && p.Status == ParticipationStatus.Enrolled && p.Visits == 0 && !seated.Contains(p.PersonId))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
