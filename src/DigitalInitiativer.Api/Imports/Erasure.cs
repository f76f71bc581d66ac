using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Imports;

/// <summary>
/// The right to erasure. A person's assessments, participations, votes and ballots are deleted. Proposals and
/// comments they wrote stay, because colleagues voted on and answered them, but they are shown as written by
/// "deleted user". The person row stays without its pseudonym, so a later import of the same employee number starts
/// a new person and nothing links back. Aggregates computed afterwards no longer count them. See docs/imports.md.
/// </summary>
public static class Erasure
{
    public const string DeletedUser = "deleted user";

    public static async Task<Person?> ErasePersonAsync(AppDbContext db, int personId, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await db.Persons.AsTracking().SingleOrDefaultAsync(p => p.Id == personId && p.ErasedAtUtc == null, cancellationToken);
        if (person is null) return null;

        await db.Assessments.Where(a => a.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Participations.Where(p => p.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Votes.Where(v => v.VoterPersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Ballots.Where(b => b.VoterPersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.ProposalAuthors.Where(a => a.PersonId == personId).ExecuteUpdateAsync(a => a.SetProperty(x => x.DisplayName, DeletedUser), cancellationToken);
        await db.ProposalComments.Where(c => c.AuthorPersonId == personId).ExecuteUpdateAsync(c => c.SetProperty(x => x.AuthorDisplayName, DeletedUser), cancellationToken);

        person.Key = $"erased-{Guid.NewGuid():N}";
        person.ErasedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return person;
    }
}
