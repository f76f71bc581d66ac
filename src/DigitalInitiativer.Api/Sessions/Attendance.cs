using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Sessions;

public enum AttendanceList
{
    [System.ComponentModel.Description("The employeeNumbers list; position 1 is its first item.")]
    EmployeeNumbers = 1,

    [System.ComponentModel.Description("The pasted signInList; position 1 is its first line.")]
    SignInList = 2,
}

/// <summary>One entry of what the host sent, by where it was: never the number itself.</summary>
public sealed record AttendanceEntry(AttendanceList List, int Position);

/// <summary>What recordAttendance did: new visits, visits already on record, and the entries it could not use or counted once.</summary>
public sealed record AttendanceReport(InitiativeSession Session, int Recorded, int AlreadyRecorded, IReadOnlyList<AttendanceEntry> Duplicates, IReadOnlyList<AttendanceEntry> Unknown);

/// <summary>
/// The host of a session records who came, by employee number, as typed or as a sign-in sheet pasted from a
/// spreadsheet. Numbers are pseudonymised on the way in and forgotten; each visit is kept, one per person and session.
/// </summary>
public sealed class Attendance(AppDbContext db, EmployeeNumbers employeeNumbers, Viewer viewer, AuditTrail audit, Notifier notifier, TimeProvider clock)
{
    public const int MaxEntries = 1000;

    private static readonly char[] FieldSeparators = ['\t', ';', ',', ' ', '\u00A0'];

    public async Task<Result<AttendanceReport>> RecordAsync(RecordAttendanceInput input, CancellationToken cancellationToken)
    {
        var session = GlobalId.TryParseKey(input.SessionId, SessionType.TypeName) is { } id
            ? await db.Sessions().Include(s => s.Initiative).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : null;
        if (session is null) return new NotFound(SessionTexts.NoSession.Format(), input.SessionId) { Field = ["sessionId"] };
        var me = await viewer.PersonIdAsync(cancellationToken);
        if (!viewer.IsInAnyRole(Roles.Managers) && (me is null || session.HostPersonId != me))
            return new NotSessionHost(SessionTexts.NotHost.Format()) { Field = ["sessionId"] };
        if (session.CancelledAtUtc is not null) return new SessionCancelled(SessionTexts.Cancelled.Format()) { Field = ["sessionId"] };
        if (!session.HasStarted(clock.GetUtcNow().UtcDateTime)) return new SessionNotStarted(SessionTexts.NotStarted.Format(session.StartsAtUtc)) { Field = ["sessionId"] };

        var entries = Entries(input).ToList();
        var refusals = new Refusals();
        if (entries.Count == 0) refusals.Invalid("employeeNumbers", RefusalCodes.EmptyList, SessionTexts.NoAttendees.Format());
        if (entries.Count > MaxEntries) refusals.Invalid("employeeNumbers", RefusalCodes.TooManyItems, SessionTexts.TooManyAttendees.Format(entries.Count, MaxEntries));
        if (refusals.Any) return refusals;

        var keysOf = entries.ToDictionary(e => e.Entry, e => employeeNumbers.KeysOf(e.Number).ToList());
        var allKeys = keysOf.Values.SelectMany(k => k).Distinct().ToList();
        // Only staff of the offer's unit (or below) can have come: any other number is unknown here, so a host can
        // neither write participations for the whole municipality nor learn whose numbers they are.
        var offerUnits = UnitTree.IdsUnder(db, session.Initiative!.UnitId);
        var personOf = await db.Persons().Where(p => allKeys.Contains(p.Key) && p.ErasedAtUtc == null && offerUnits.Contains(p.UnitId))
            .ToDictionaryAsync(p => p.Key, p => p.Id, cancellationToken);
        var unknown = new List<AttendanceEntry>();
        var duplicates = new List<AttendanceEntry>();
        var came = new List<int>();
        foreach (var (entry, _) in entries)
        {
            if (keysOf[entry].Select(k => personOf.GetValueOrDefault(k)).FirstOrDefault(p => p != 0) is not (> 0 and var person)) unknown.Add(entry);
            else if (came.Contains(person)) duplicates.Add(entry);
            else came.Add(person);
        }

        if (came.Count == 0) return new AttendanceReport(session, 0, 0, duplicates, unknown);
        return await db.RetriedOnConflictAsync(notifier, async () =>
        {
            var recorded = await SaveVisitsAsync(session, came, cancellationToken);
            foreach (var person in came) audit.Record(person, AuditTrail.ParticipationRecorded);
            return Result<AttendanceReport>.Ok(new AttendanceReport(session, recorded, came.Count - recorded, duplicates, unknown));
        });
    }

    /// <summary>Each visit once, and the participation it makes: started, or for a café or peer training completed, with the visits counted.</summary>
    private async Task<int> SaveVisitsAsync(InitiativeSession session, IReadOnlyList<int> came, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Recordings for one offer queue behind each other (SQLite lets one writer in; PostgreSQL locks the row), so
        // two hosts recording two sessions at once each count the other's visits.
        await db.Database.ExecuteSqlAsync($"""UPDATE initiatives SET "Code" = "Code" WHERE "Id" = {session.InitiativeId}""", cancellationToken);
        var recorded = 0;
        foreach (var person in came)
            recorded += await db.Database.ExecuteSqlAsync($"""
                INSERT INTO session_attendances ("SessionId", "PersonId", "RecordedAtUtc") VALUES ({session.Id}, {person}, {now})
                ON CONFLICT ("SessionId", "PersonId") DO NOTHING
                """, cancellationToken);

        var visits = await db.SessionAttendances().Where(a => came.Contains(a.PersonId))
            .Join(db.Sessions().Where(s => s.InitiativeId == session.InitiativeId), a => a.SessionId, s => s.Id, (a, _) => a.PersonId)
            .GroupBy(person => person).Select(g => new { Person = g.Key, Visits = g.Count() }).ToDictionaryAsync(x => x.Person, x => x.Visits, cancellationToken);
        var participations = await db.Participations().AsTracking().Where(p => p.InitiativeId == session.InitiativeId && came.Contains(p.PersonId))
            .ToDictionaryAsync(p => p.PersonId, cancellationToken);
        var day = DanishTime.DateOf(session.StartsAtUtc);
        var completes = session.Initiative!.Kind is InitiativeKind.DropInCafe or InitiativeKind.PeerTraining;
        foreach (var person in came)
        {
            if (!participations.TryGetValue(person, out var participation))
                db.Participations().Add(participation = new Participation(person, session.InitiativeId, new ParticipationRecord(ParticipationStatus.Started, day, day)));
            participation.Attended(day, completes, visits.GetValueOrDefault(person));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    /// <summary>
    /// The numbers with where each came from. In a pasted sheet the number is each line's first field (fields are
    /// split by tab, semicolon, comma or space, so names beside it are ignored and never stored); blank lines are
    /// skipped, and so is a first line without a digit, which is a heading.
    /// </summary>
    private static IEnumerable<(AttendanceEntry Entry, string Number)> Entries(RecordAttendanceInput input)
    {
        var items = input.EmployeeNumbers ?? [];
        for (var i = 0; i < items.Count; i++)
            yield return (new AttendanceEntry(AttendanceList.EmployeeNumbers, i + 1), items[i]);
        var lines = (input.SignInList ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = lines[i].Trim('\uFEFF').Split(FieldSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (number is null || (i == 0 && !number.Any(char.IsDigit))) continue;
            yield return (new AttendanceEntry(AttendanceList.SignInList, i + 1), number);
        }
    }
}
