using System.Security.Cryptography;
using System.Text.Json;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

public enum VoteOutcome { Changed, Unchanged, BudgetExhausted, NotOpenForVoting }

/// <summary>
/// The competition's writes that must be exact under concurrency, and so are SQL statements rather than tracked entities:
/// a vote and its budget are one conditional UPDATE inside one transaction (two votes at the edge of the budget cannot
/// both pass), a merge moves every vote and author in set-based statements, and the participants of a closed
/// competition are claimed once and inserted in a random order. Both SQLite and PostgreSQL run the same statements.
/// </summary>
public sealed class CompetitionStore(AppDbContext db)
{
    /// <summary>The highest vote id given out so far, taken back or not: the snapshot a ranking by votes is read at.</summary>
    public async Task<long> HighestVoteIdAsync(CancellationToken cancellationToken) =>
        Math.Max(await db.Votes().MaxAsync(v => (int?)v.Id, cancellationToken) ?? 0, await db.VoteRetractions().MaxAsync(r => (int?)r.VoteId, cancellationToken) ?? 0);

    /// <param name="announce">False while the competition hides its counts: then no change is sent to subscribers.</param>
    public async Task<(VoteOutcome Outcome, ProposalVotesChanged? Change)> CastAsync(IdeaCompetition competition, int proposalId, int voter, bool announce, CancellationToken cancellationToken) =>
        await Contention.RetriedAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockCountAsync(proposalId, cancellationToken);
            // Only while the proposal is still ACCEPTED: a merge may have moved it on since the caller's checks.
            var inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO votes ("CompetitionId", "ProposalId", "VoterPersonId")
                SELECT {competition.Id}, {proposalId}, {voter} WHERE EXISTS (SELECT 1 FROM proposals WHERE "Id" = {proposalId} AND "State" = {(int)ProposalState.Accepted})
                ON CONFLICT ("ProposalId", "VoterPersonId") DO NOTHING
                """, cancellationToken);
            if (inserted == 0)
                return (await db.Proposals().AnyAsync(p => p.Id == proposalId && p.State == ProposalState.Accepted, cancellationToken) ? VoteOutcome.Unchanged : VoteOutcome.NotOpenForVoting,
                    (ProposalVotesChanged?)null);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO ballots ("CompetitionId", "VoterPersonId", "VotesUsed") VALUES ({competition.Id}, {voter}, 0)
                ON CONFLICT ("CompetitionId", "VoterPersonId") DO NOTHING
                """, cancellationToken);
            var withinBudget = await db.Database.ExecuteSqlAsync($"""
                UPDATE ballots SET "VotesUsed" = "VotesUsed" + 1
                WHERE "CompetitionId" = {competition.Id} AND "VoterPersonId" = {voter} AND "VotesUsed" < {competition.VotesPerPerson}
                """, cancellationToken);
            if (withinBudget == 0) return (VoteOutcome.BudgetExhausted, null); // disposing the transaction rolls the vote back
            var change = announce ? await CountAndNotifyAsync(competition.Id, proposalId, cancellationToken) : null;
            await transaction.CommitAsync(cancellationToken);
            return (VoteOutcome.Changed, change);
        });

    public async Task<(VoteOutcome Outcome, ProposalVotesChanged? Change)> RetractAsync(int competitionId, int proposalId, int voter, bool announce, CancellationToken cancellationToken) =>
        await Contention.RetriedAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockCountAsync(proposalId, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO vote_retractions ("VoteId", "ProposalId", "RetractedAfter")
                SELECT "Id", "ProposalId", (SELECT MAX(h) FROM (SELECT MAX("Id") AS h FROM votes UNION ALL SELECT MAX("VoteId") FROM vote_retractions) AS highest)
                FROM votes WHERE "ProposalId" = {proposalId} AND "VoterPersonId" = {voter}
                """, cancellationToken);
            var deleted = await db.Database.ExecuteSqlAsync($"""DELETE FROM votes WHERE "ProposalId" = {proposalId} AND "VoterPersonId" = {voter}""", cancellationToken);
            if (deleted == 0) return (VoteOutcome.Unchanged, (ProposalVotesChanged?)null);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE ballots SET "VotesUsed" = "VotesUsed" - 1 WHERE "CompetitionId" = {competitionId} AND "VoterPersonId" = {voter} AND "VotesUsed" > 0
                """, cancellationToken);
            var change = announce ? await CountAndNotifyAsync(competitionId, proposalId, cancellationToken) : null;
            await transaction.CommitAsync(cancellationToken);
            return (VoteOutcome.Changed, change);
        });

    /// <summary>
    /// Inside the merge's transaction: votes and authors move to the target. Voters who backed both keep their vote on
    /// the target and get the other one back. Every author keeps their own choice to hide their name and stays with
    /// those they wrote with (<see cref="ProposalAuthor.MergedFromProposalId"/>). Returns both new counts, sent on as
    /// for a vote unless <paramref name="announce"/> is false.
    /// </summary>
    public async Task<IReadOnlyList<ProposalVotesChanged>> MoveVotesAndAuthorsAsync(Proposal source, Proposal target, bool announce, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            UPDATE ballots SET "VotesUsed" = "VotesUsed" - 1
            WHERE "CompetitionId" = {source.CompetitionId} AND "VoterPersonId" IN (
              SELECT s."VoterPersonId" FROM votes s JOIN votes t ON t."VoterPersonId" = s."VoterPersonId" AND t."ProposalId" = {target.Id}
              WHERE s."ProposalId" = {source.Id})
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM votes WHERE "ProposalId" = {source.Id}
              AND "VoterPersonId" IN (SELECT "VoterPersonId" FROM votes WHERE "ProposalId" = {target.Id})
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""UPDATE votes SET "ProposalId" = {target.Id} WHERE "ProposalId" = {source.Id}""", cancellationToken);
        await db.Database.ExecuteSqlAsync($"""UPDATE vote_retractions SET "ProposalId" = {target.Id} WHERE "ProposalId" = {source.Id}""", cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO proposal_authors ("ProposalId", "PersonId", "IsLead", "DisplayName", "HideName", "MergedFromProposalId")
            SELECT {target.Id}, "PersonId", {false}, "DisplayName", "HideName", COALESCE("MergedFromProposalId", {source.Id}) FROM proposal_authors WHERE "ProposalId" = {source.Id}
            ON CONFLICT ("ProposalId", "PersonId") DO NOTHING
            """, cancellationToken);
        if (!announce) return [];
        return [await CountAndNotifyAsync(source.CompetitionId, source.Id, cancellationToken), await CountAndNotifyAsync(target.CompetitionId, target.Id, cancellationToken)];
    }

    /// <summary>
    /// Inside a merge's transaction, first: locks both proposals, in id order as voters lock one at a time, so no vote
    /// and no other merge changes them until it commits. Read them again after this.
    /// </summary>
    public async Task LockForMergeAsync(int sourceId, int targetId, CancellationToken cancellationToken)
    {
        foreach (var id in new[] { sourceId, targetId }.Order()) await LockCountAsync(id, cancellationToken);
    }

    /// <summary>
    /// Records the competition's participants once: everyone who submitted, co-authored, voted or commented, at once,
    /// shuffled, on the initiative's start date. The claim makes it happen once, also when several instances notice
    /// the close at the same moment. Returns how many were new.
    /// </summary>
    public async Task<int> RecordParticipantsOnceAsync(int competitionId, DateTime utcNow, CancellationToken cancellationToken)
    {
        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var claimed = await db.Competitions().Where(c => c.Id == competitionId && c.ParticipationRecordedAtUtc == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.ParticipationRecordedAtUtc, utcNow), cancellationToken);
        if (claimed == 0) return 0;

        var startsOn = await db.Initiatives().Where(i => i.Id == competitionId).Select(i => i.StartsOn).SingleAsync(cancellationToken);
        var proposals = db.Proposals().Where(p => p.CompetitionId == competitionId).Select(p => p.Id);
        var authors = await db.ProposalAuthors().Where(a => proposals.Contains(a.ProposalId)).Select(a => new { a.PersonId, a.IsLead }).ToListAsync(cancellationToken);
        var commenters = await db.ProposalComments().Where(c => proposals.Contains(c.ProposalId)).Select(c => c.AuthorPersonId).Distinct().ToListAsync(cancellationToken);
        var voters = await db.Votes().Where(v => v.CompetitionId == competitionId && v.VoterPersonId != null).Select(v => v.VoterPersonId!.Value).Distinct().ToListAsync(cancellationToken);
        // Each person's most visible part: what they wrote is shown by name (or chosen hidden from colleagues only),
        // while a vote is never tied to what it was for; VOTER says only that they voted and did nothing else there.
        var roles = new Dictionary<int, ParticipationRole>();
        foreach (var voter in voters) roles[voter] = ParticipationRole.Voter;
        foreach (var commenter in commenters) roles[commenter] = ParticipationRole.Commenter;
        foreach (var author in authors.Where(a => !a.IsLead)) roles[author.PersonId] = ParticipationRole.CoAuthor;
        foreach (var author in authors.Where(a => a.IsLead)) roles[author.PersonId] = ParticipationRole.Author;
        var current = roles.Keys.ToList();
        var people = await db.Persons().Where(p => current.Contains(p.Id) && p.ErasedAtUtc == null).Select(p => p.Id).ToArrayAsync(cancellationToken);
        RandomNumberGenerator.Shuffle(people.AsSpan());

        var today = DateOnly.FromDateTime(utcNow);
        var completedOn = today < startsOn ? startsOn : today;
        var added = 0;
        foreach (var personId in people)
        {
            added += await db.Database.ExecuteSqlAsync($"""
                INSERT INTO participations ("PersonId", "InitiativeId", "Status", "EnrolledOn", "StartedOn", "CompletedOn", "Role", "Visits")
                VALUES ({personId}, {competitionId}, {(int)ParticipationStatus.Completed}, {startsOn}, {startsOn}, {completedOn}, {(int)roles[personId]}, 0)
                ON CONFLICT ("InitiativeId", "PersonId") DO NOTHING
                """, cancellationToken);
        }
        if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// Inside a vote's transaction, before the change: serialises the votes on one proposal on PostgreSQL, so that each
    /// one counts after the one before it. SQLite already lets one writer at a time in.
    /// </summary>
    private async Task LockCountAsync(int proposalId, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM proposals WHERE "Id" = {proposalId} FOR NO KEY UPDATE""", cancellationToken);
    }

    /// <summary>
    /// Inside the vote's transaction, after the change: the new count, and on PostgreSQL the NOTIFY that carries it, so
    /// PostgreSQL delivers it only if the vote commits, in commit order, to every instance (<see cref="PostgresListener"/>).
    /// </summary>
    private async Task<ProposalVotesChanged> CountAndNotifyAsync(int competitionId, int proposalId, CancellationToken cancellationToken)
    {
        var change = new ProposalVotesChanged(competitionId, proposalId, await db.Votes().CountAsync(v => v.ProposalId == proposalId, cancellationToken));
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({VoteEvents.PostgresChannel}, {JsonSerializer.Serialize(change)})", cancellationToken);
        return change;
    }
}
