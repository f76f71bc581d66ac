using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Sessions;
using DigitalInitiativer.Api.Superusers;
using DigitalInitiativer.Api.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Imports;

/// <summary>
/// The right to erasure, in one transaction. See docs/imports.md for what is kept and why.
/// <list type="bullet">
/// <item>Deleted: assessments, participations, session enrolments and visits, superuser registrations, ballots, pending co-author invitations, notifications and the comment reports they filed; sessions they hosted lose their host.</item>
/// <item>Votes stay counted but belong to nobody, so the ballot stays secret and no count moves.</item>
/// <item>Proposals and comments stay, shown as "deleted user", because colleagues voted on and answered them.</item>
/// <item>Audit entries stay as a record of who looked, tied to no one: the subject becomes "an erased person", and
/// where they were the caller, their caller id becomes a random pseudonym.</item>
/// <item>The person row stays only so kept contributions have an author: random key, no record key, and the
/// organisation's top unit and the employee role instead of their own, so it singles out nobody.</item>
/// </list>
/// </summary>
public static class Erasure
{
    public const string DeletedUser = "deleted user";

    public static async Task<Person?> ErasePersonAsync(AppDbContext db, int personId, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ClaimFigureInputsAsync(cancellationToken);
        var person = await db.Persons().AsTracking().SingleOrDefaultAsync(p => p.Id == personId && p.ErasedAtUtc == null, cancellationToken);
        if (person is null) return null;

        await db.Assessments().Where(a => a.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Participations().Where(p => p.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.CountedParticipations().Where(p => p.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Votes().Where(v => v.VoterPersonId == personId).ExecuteUpdateAsync(v => v.SetProperty(x => x.VoterPersonId, (int?)null), cancellationToken);
        await db.Ballots().Where(b => b.VoterPersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.CoAuthorInvitations().Where(i => i.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications().Where(n => n.RecipientPersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.CommentReports().Where(r => r.ReporterPersonId == personId).ExecuteDeleteAsync(cancellationToken);
        var seatsFreed = await db.SessionEnrolments().Where(e => e.PersonId == personId && e.State == EnrolmentState.Seat)
            .Join(db.Sessions().Where(s => s.CancelledAtUtc == null && s.StartsAtUtc > now), e => e.SessionId, s => s.Id, (_, s) => s.Id).ToListAsync(cancellationToken);
        var seats = new Seats(db);
        foreach (var sessionId in seatsFreed) await seats.LockAsync(sessionId, cancellationToken);
        await db.SessionEnrolments().Where(e => e.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        // A seat they held in a coming session goes to the first on its waiting list.
        foreach (var session in await db.Sessions().Where(s => seatsFreed.Contains(s.Id)).ToListAsync(cancellationToken))
            await seats.MoveUpWaitingAsync(session, DateOnly.FromDateTime(now), cancellationToken);
        await db.SessionAttendances().Where(a => a.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Sessions().Where(s => s.HostPersonId == personId).ExecuteUpdateAsync(s => s.SetProperty(x => x.HostPersonId, (int?)null), cancellationToken);
        await db.DigitalSuperusers().Where(s => s.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.ProposalAuthors().Where(a => a.PersonId == personId).ExecuteUpdateAsync(a => a.SetProperty(x => x.DisplayName, DeletedUser), cancellationToken);
        await db.ProposalComments().Where(c => c.AuthorPersonId == personId).ExecuteUpdateAsync(c => c.SetProperty(x => x.AuthorDisplayName, DeletedUser), cancellationToken);
        await db.AuditEntries().Where(e => e.SubjectPersonId == personId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.SubjectPersonId, IPersonData.ErasedSubject), cancellationToken);
        var callerPseudonym = $"erased-{Guid.NewGuid():N}";
        await db.AuditEntries().Where(e => e.CallerPersonId == personId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.CallerId, callerPseudonym).SetProperty(x => x.CallerPersonId, (int?)null), cancellationToken);

        person.Key = $"erased-{Guid.NewGuid():N}";
        person.RecordKey = 0;
        person.Role = PersonRole.Employee;
        person.UnitId = await db.Units().Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(cancellationToken);
        person.ErasedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return person;
    }
}
