using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.Identity;
using GraphQL;
using GraphQL.Types;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DigitalInitiativer.Api.Competitions;

public sealed class CastVoteErrorType() : UserErrorUnion("CastVoteError", "castVote",
    typeof(VotingClosedErrorType), typeof(VoteBudgetExhaustedErrorType), typeof(OwnProposalErrorType), typeof(NotFoundErrorType),
    typeof(ProposalNotOpenForVotingErrorType), typeof(PersonNotLinkedErrorType));

public sealed class RetractVoteErrorType() : UserErrorUnion("RetractVoteError", "retractVote",
    typeof(VotingClosedErrorType), typeof(NotFoundErrorType), typeof(ProposalNotOpenForVotingErrorType), typeof(PersonNotLinkedErrorType));

public sealed class CastVoteInputType : InputObjectGraphType
{
    public CastVoteInputType()
    {
        Name = "CastVoteInput";
        Description = "The proposal to vote for.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal, which must be ACCEPTED, in a competition in VOTING.");
    }
}

public sealed class RetractVoteInputType : InputObjectGraphType
{
    public RetractVoteInputType()
    {
        Name = "RetractVoteInput";
        Description = "The proposal to take a vote back from.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal, in a competition in VOTING.");
    }
}

public static class VotingMutations
{
    public static void AddVotingMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, CastVoteErrorType>>>("castVote")
            .Description("Votes for a proposal. Casting the same vote again changes nothing and is not an error.")
            .Argument<NonNullGraphType<CastVoteInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveAsync(async ctx => await VoteAsync(ctx, (string)ctx.GetArgument<Dictionary<string, object?>>("input")["proposalId"]!, cast: true));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, RetractVoteErrorType>>>("retractVote")
            .Description("Takes a vote back, which returns it to the caller's budget. Retracting a vote that was not cast changes nothing.")
            .Argument<NonNullGraphType<RetractVoteInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveAsync(async ctx => await VoteAsync(ctx, (string)ctx.GetArgument<Dictionary<string, object?>>("input")["proposalId"]!, cast: false));
    }

    private static async Task<Payload<Proposal>> VoteAsync(IResolveFieldContext context, string proposalGlobalId, bool cast)
    {
        var db = context.Db();
        var cancellationToken = context.CancellationToken;
        if (await context.Viewer().PersonIdAsync(cancellationToken) is not { } voter) return ProposalMutations.NotLinked();
        var (proposal, competition, failure) = await ProposalMutations.LoadAsync(db, proposalGlobalId, cancellationToken);
        if (failure is not null) return failure;

        var isOwn = await db.ProposalAuthors().AnyAsync(a => a.ProposalId == proposal!.Id && a.PersonId == voter, cancellationToken);
        var phase = competition!.PhaseAt(context.Now());
        var refusal = cast
            ? ProposalRules.CheckVote(phase, proposal!.State, isOwn, competition.AllowSelfVoting)
            : ProposalRules.CheckVote(phase, proposal!.State, isOwnProposal: false, allowSelfVoting: true);
        if (refusal is not null) return Payload<Proposal>.Failed(refusal);

        var events = context.RequestServices!.GetRequiredService<VoteEvents>();
        var (outcome, change) = await WithRetryOnContentionAsync(() => cast
            ? CastAsync(db, events, competition, proposal.Id, voter, cancellationToken)
            : RetractAsync(db, events, competition.Id, proposal.Id, voter, cancellationToken));
        if (outcome == VoteOutcome.BudgetExhausted)
            return Payload<Proposal>.Failed(new VoteBudgetExhaustedError(
                $"You have used all {competition.VotesPerPerson} votes in this competition; retract one to vote again.", ["input", "proposalId"], competition.VotesPerPerson));

        // Voting is not recorded as participation now: see CompetitionParticipation.
        if (change is not null) events.Committed(db, change);
        return Payload<Proposal>.Ok(proposal);
    }

    private enum VoteOutcome { Changed, Unchanged, BudgetExhausted }

    /// <summary>
    /// The vote row's unique index makes a repeated vote a no-op, and the conditional UPDATE of the voter's ballot
    /// makes the budget exact: two concurrent votes at the edge of the budget cannot both pass it. Both statements
    /// run in one transaction, so a refused vote leaves nothing behind. The new count is taken in the same transaction.
    /// </summary>
    private static async Task<(VoteOutcome, ProposalVotesChanged?)> CastAsync(AppDbContext db, VoteEvents events, IdeaCompetition competition, int proposalId, int voter,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await VoteEvents.LockCountAsync(db, proposalId, cancellationToken);
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO votes ("CompetitionId", "ProposalId", "VoterPersonId") VALUES ({competition.Id}, {proposalId}, {voter})
            ON CONFLICT ("ProposalId", "VoterPersonId") DO NOTHING
            """, cancellationToken);
        if (inserted == 0) return (VoteOutcome.Unchanged, null);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO ballots ("CompetitionId", "VoterPersonId", "VotesUsed") VALUES ({competition.Id}, {voter}, 0)
            ON CONFLICT ("CompetitionId", "VoterPersonId") DO NOTHING
            """, cancellationToken);
        var withinBudget = await db.Database.ExecuteSqlAsync($"""
            UPDATE ballots SET "VotesUsed" = "VotesUsed" + 1
            WHERE "CompetitionId" = {competition.Id} AND "VoterPersonId" = {voter} AND "VotesUsed" < {competition.VotesPerPerson}
            """, cancellationToken);
        if (withinBudget == 0) return (VoteOutcome.BudgetExhausted, null); // disposing the transaction rolls the vote back
        var change = await events.PrepareAsync(db, competition.Id, proposalId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (VoteOutcome.Changed, change);
    }

    private static async Task<(VoteOutcome, ProposalVotesChanged?)> RetractAsync(AppDbContext db, VoteEvents events, int competitionId, int proposalId, int voter,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await VoteEvents.LockCountAsync(db, proposalId, cancellationToken);
        var deleted = await db.Database.ExecuteSqlAsync($"""DELETE FROM votes WHERE "ProposalId" = {proposalId} AND "VoterPersonId" = {voter}""", cancellationToken);
        if (deleted == 0) return (VoteOutcome.Unchanged, null);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE ballots SET "VotesUsed" = "VotesUsed" - 1 WHERE "CompetitionId" = {competitionId} AND "VoterPersonId" = {voter} AND "VotesUsed" > 0
            """, cancellationToken);
        var change = await events.PrepareAsync(db, competitionId, proposalId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (VoteOutcome.Changed, change);
    }

    /// <summary>
    /// busy_timeout makes SQLite writers queue, and PostgreSQL resolves a rare deadlock (e.g. a vote racing a merge)
    /// by failing one side. Either way the whole transaction rolled back, so it is tried again rather than failing the voter.
    /// </summary>
    private static async Task<T> WithRetryOnContentionAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (Exception e) when (attempt < 5 && e is SqliteException { SqliteErrorCode: 5 or 6 }
                or PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                await Task.Delay(20 * attempt);
            }
        }
    }
}
