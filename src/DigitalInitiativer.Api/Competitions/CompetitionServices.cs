using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>Finding a competition or proposal by the global id an input names, tracked for changes.</summary>
public sealed class CompetitionLookup(AppDbContext db)
{
    public async Task<IdeaCompetition?> CompetitionAsync(string globalId, CancellationToken cancellationToken) =>
        GlobalId.TryParseKey(globalId, IdeaCompetitionType.TypeName) is { } id
            ? await db.Competitions().AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;

    /// <summary>The proposal and its competition, or the NOT_FOUND refusal at "proposalId".</summary>
    public async Task<Result<ProposalInCompetition>> ProposalAsync(string globalId, CancellationToken cancellationToken)
    {
        var proposal = GlobalId.TryParseKey(globalId, ProposalType.TypeName) is { } id
            ? await db.Proposals().AsTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : null;
        if (proposal is null) return new NotFound(CompetitionTexts.NoProposal.Format(), globalId) { Field = ["proposalId"] };
        return new ProposalInCompetition(proposal, await db.Competitions().AsTracking().FirstAsync(c => c.Id == proposal.CompetitionId, cancellationToken));
    }
}

public sealed record ProposalInCompetition(Proposal Proposal, IdeaCompetition Competition);

/// <summary>Telling authors what happened to what they wrote, in the same unit of work as the change (<see cref="Notifier"/>).</summary>
public sealed class AuthorNotices(AppDbContext db, Viewer viewer, Notifier notifier)
{
    /// <summary>Every author of the proposal.</summary>
    public Task TellAsync(Proposal proposal, NotificationKind kind, string? reason, CancellationToken cancellationToken) =>
        TellAsync(proposal, kind, reason, aboutProposalId: proposal.Id, cancellationToken);

    /// <summary>The same, about another proposal, e.g. the one a merged proposal joined.</summary>
    public Task TellAsync(Proposal proposal, NotificationKind kind, string? reason, int aboutProposalId, CancellationToken cancellationToken) =>
        TellAsync(db.ProposalAuthors().Where(a => a.ProposalId == proposal.Id).Select(a => a.PersonId), kind, aboutProposalId, proposal.Title, reason, cancellationToken);

    /// <summary>These people, about a proposal, leaving out the caller (nobody is told of their own action) and erased people.</summary>
    public async Task TellAsync(IQueryable<int> people, NotificationKind kind, int aboutProposalId, string title, string? reason, CancellationToken cancellationToken)
    {
        var caller = await viewer.PersonIdAsync(cancellationToken);
        var recipients = await people.Where(id => id != caller && db.Persons().Any(p => p.Id == id && p.ErasedAtUtc == null)).ToListAsync(cancellationToken);
        notifier.Notify(recipients, kind, GlobalId.Encode(ProposalType.TypeName, aboutProposalId), title, reason);
    }
}

/// <summary>A manager's settings for a competition: rules, schedule, and moving it on.</summary>
public sealed class CompetitionService(AppDbContext db, CompetitionLookup find, CompetitionStore store, Notifier notifier, TimeProvider clock)
{
    public Task<Result<IdeaCompetition>> ConfigureAsync(ConfigureCompetitionInput input, CancellationToken cancellationToken) =>
        db.RetriedOnConflictAsync(notifier, () => ConfigureOnceAsync(input, cancellationToken));

    public Task<Result<IdeaCompetition>> AdvanceAsync(AdvanceCompetitionPhaseInput input, CancellationToken cancellationToken) =>
        db.RetriedOnConflictAsync(notifier, () => AdvanceOnceAsync(input, cancellationToken));

    private async Task<Result<IdeaCompetition>> ConfigureOnceAsync(ConfigureCompetitionInput input, CancellationToken cancellationToken)
    {
        if (await find.CompetitionAsync(input.CompetitionId, cancellationToken) is not { } competition)
            return new NotFound(CompetitionTexts.NoCompetition.Format(), input.CompetitionId) { Field = ["competitionId"] };
        var refusals = competition.Configure(input.Rules?.ToRules(competition), input.Schedule?.ToSchedule(), clock.GetUtcNow().UtcDateTime);
        if (refusals.Any) return refusals;
        await db.SaveChangesAsync(cancellationToken);
        return competition;
    }

    /// <summary>Moves the competition on; reaching CLOSED records its participants at once (the secret ballot).</summary>
    private async Task<Result<IdeaCompetition>> AdvanceOnceAsync(AdvanceCompetitionPhaseInput input, CancellationToken cancellationToken)
    {
        if (await find.CompetitionAsync(input.CompetitionId, cancellationToken) is not { } competition)
            return new NotFound(CompetitionTexts.NoCompetition.Format(), input.CompetitionId) { Field = ["competitionId"] };
        var now = clock.GetUtcNow().UtcDateTime;
        if (competition.AdvanceTo(input.To, now) is { } refused) return refused;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (input.To >= CompetitionPhase.Closed) await store.RecordParticipantsOnceAsync(competition.Id, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return competition;
    }
}

/// <summary>Proposals through their life: staff submit and revise them, managers move them on.</summary>
public sealed class ProposalService(AppDbContext db, Viewer viewer, CompetitionLookup find, CompetitionStore store, CompetitionScope scope, VoteEvents events,
    AuthorNotices notices, Notifier notifier, TimeProvider clock)
{
    public async Task<Result<Proposal>> SubmitAsync(SubmitProposalInput input, CancellationToken cancellationToken)
    {
        if (await viewer.PersonIdAsync(cancellationToken) is not { } author) return PersonNotLinked.Instance;
        if (await find.CompetitionAsync(input.CompetitionId, cancellationToken) is not { } competition || !scope.IsVisible(competition))
            return new NotFound(CompetitionTexts.NoCompetition.Format(), input.CompetitionId) { Field = ["competitionId"] };
        if (await scope.CheckAsync(competition.Id, author, cancellationToken) is { } outside) return outside;

        var unitRefusals = new Refusals();
        var unitId = await db.FindUnitAsync(unitRefusals, input.UnitId, cancellationToken);
        if (unitId is { } unit && await scope.CheckUnitAsync(competition.Id, unit, cancellationToken) is { } foreignUnit)
            unitRefusals.Add(foreignUnit with { Message = CompetitionTexts.ProposalUnitOutside.Format() }, "unitId");
        var submitted = Proposal.Submit(competition, input.Texts, unitId ?? 0, input.HideAuthorNames, clock.GetUtcNow().UtcDateTime);
        if (submitted.Refusals is [WrongPhase wrongPhase]) return wrongPhase;
        var refusals = new Refusals();
        foreach (var refusal in submitted.Refusals.Concat(unitRefusals.All)) refusals.Add(refusal);
        var coAuthors = await CoAuthorsAsync(competition.Id, input.CoAuthorIds ?? [], author, refusals.At("coAuthorIds"), cancellationToken);
        if (refusals.Any) return refusals;

        var already = await db.ProposalAuthors().CountAsync(a => a.PersonId == author && a.IsLead
            && db.Proposals().Any(p => p.Id == a.ProposalId && p.CompetitionId == competition.Id && p.State != ProposalState.Withdrawn), cancellationToken);
        if (already >= competition.ProposalsPerPerson)
            return new ProposalLimitReached(CompetitionTexts.ProposalLimitReached.Format(already, competition.ProposalsPerPerson), competition.ProposalsPerPerson);

        var proposal = submitted.Value!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Proposals().Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        db.ProposalAuthors().Add(new ProposalAuthor(proposal.Id, author, isLead: true, viewer.DisplayName, input.HideAuthorNames));
        db.CoAuthorInvitations().AddRange(coAuthors.Select(c => new CoAuthorInvitation(proposal.Id, c, proposal.SubmittedAtUtc)));
        notifier.Notify(coAuthors, NotificationKind.CoAuthorInvited, GlobalId.Encode(ProposalType.TypeName, proposal.Id), proposal.Title);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.PublishAsync();
        return proposal;
    }

    /// <summary>An author's changes, during SUBMISSION. The choice to hide a name is each author's own.</summary>
    public Task<Result<Proposal>> UpdateAsync(UpdateProposalInput input, CancellationToken cancellationToken) =>
        db.RetriedOnConflictAsync(notifier, () => UpdateOnceAsync(input, cancellationToken));

    private async Task<Result<Proposal>> UpdateOnceAsync(UpdateProposalInput input, CancellationToken cancellationToken)
    {
        var byAuthor = await ByAuthorAsync(input.ProposalId, cancellationToken);
        if (!byAuthor.Succeeded) return Result<Proposal>.Refused(byAuthor.Refusals);
        var (proposal, competition, self) = byAuthor.Value!;
        var texts = new ProposalTexts(input.Title.Or(proposal.Title) ?? "", input.Summary.Or(proposal.Summary) ?? "", input.Problem.Or(proposal.Problem) ?? "",
            input.ProposedSolution.Or(proposal.ProposedSolution) ?? "", input.ExpectedBenefit.Or(proposal.ExpectedBenefit) ?? "");
        var refusals = proposal.Revise(texts, competition.PhaseAt(clock.GetUtcNow().UtcDateTime));
        if (refusals.Any) return refusals;
        if (input.HideAuthorNames is { IsGiven: true, Value: { } hide })
        {
            self.ChooseToHideName(hide);
            if (self.IsLead) proposal.ChooseToHideAuthorNames(hide);
        }
        await db.SaveChangesAsync(cancellationToken);
        return proposal;
    }

    public Task<Result<Proposal>> WithdrawAsync(string proposalId, CancellationToken cancellationToken) =>
        db.RetriedOnConflictAsync(notifier, () => WithdrawOnceAsync(proposalId, cancellationToken));

    private async Task<Result<Proposal>> WithdrawOnceAsync(string proposalId, CancellationToken cancellationToken)
    {
        var byAuthor = await ByAuthorAsync(proposalId, cancellationToken);
        if (!byAuthor.Succeeded) return Result<Proposal>.Refused(byAuthor.Refusals);
        var (proposal, competition, _) = byAuthor.Value!;
        if (proposal.Withdraw(competition.PhaseAt(clock.GetUtcNow().UtcDateTime)) is { } refused) return refused;
        await notices.TellAsync(proposal, NotificationKind.ProposalWithdrawn, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync();
        return proposal;
    }

    public Task<Result<Proposal>> AcceptAsync(string proposalId, CancellationToken cancellationToken) =>
        MoveAsync(proposalId, (p, phase) => p.Accept(phase) is { } refused ? [refused] : [], NotificationKind.ProposalAccepted, _ => null, cancellationToken);

    public Task<Result<Proposal>> SelectAsync(SelectProposalInput input, CancellationToken cancellationToken) =>
        MoveAsync(input.ProposalId, (p, phase) => p.Select(input.Reason, phase).All, NotificationKind.ProposalSelected, p => p.SelectionReason, cancellationToken);

    public Task<Result<Proposal>> RejectAsync(RejectProposalInput input, CancellationToken cancellationToken) =>
        MoveAsync(input.ProposalId, (p, phase) => p.Reject(input.Reason, phase).All, NotificationKind.ProposalRejected, p => p.RejectionReason, cancellationToken);

    public async Task<Result<Proposal>> RealiseAsync(RealiseProposalInput input, CancellationToken cancellationToken)
    {
        int? initiativeId = null;
        if (input.InitiativeId is { } id)
        {
            initiativeId = GlobalId.TryParseKey(id, InitiativeType.TypeName);
            if (initiativeId is null || !await db.Initiatives().AnyAsync(i => i.Id == initiativeId, cancellationToken))
                return new NotFound(InitiativeTexts.NoInitiative.Format(), id) { Field = ["initiativeId"] };
        }
        var status = input.Status ?? (input.RealisedOn is null ? RealisationStatus.Planned : RealisationStatus.Done);
        var realisation = new Realisation(status, input.RealisedOn, input.Description, initiativeId, input.Solution);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await MoveAsync(input.ProposalId, (p, phase) => p.Realise(realisation, phase, today).All, NotificationKind.ProposalRealised, _ => null, cancellationToken);
    }

    /// <summary>Merges a proposal into another of the same competition: its state, votes and authors, in one transaction.</summary>
    public async Task<Result<Proposal>> MergeAsync(MergeProposalInput input, CancellationToken cancellationToken)
    {
        var found = await find.ProposalAsync(input.ProposalId, cancellationToken);
        if (!found.Succeeded) return Result<Proposal>.Refused(found.Refusals);
        var (source, competition) = found.Value!;
        var phase = competition.PhaseAt(clock.GetUtcNow().UtcDateTime);
        if (source.CheckMove(ProposalState.Merged, phase) is { } refused) return refused;
        var target = GlobalId.TryParseKey(input.IntoProposalId, ProposalType.TypeName) is { } targetId
            ? await db.Proposals().AsTracking().FirstOrDefaultAsync(p => p.Id == targetId && p.CompetitionId == source.CompetitionId, cancellationToken)
            : null;
        if (target is null) return new NotFound(CompetitionTexts.NoProposalInCompetition.Format(), input.IntoProposalId) { Field = ["intoProposalId"] };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked and read again, so the rules judge the proposals as they are now, not as a vote or another merge left them a moment ago.
        await store.LockForMergeAsync(source.Id, target.Id, cancellationToken);
        await db.Entry(source).ReloadAsync(cancellationToken);
        await db.Entry(target).ReloadAsync(cancellationToken);
        var refusals = source.MergeInto(target, phase);
        if (refusals.Any) return refusals;
        await notices.TellAsync(source, NotificationKind.ProposalMerged, null, aboutProposalId: target.Id, cancellationToken);
        var changes = await store.MoveVotesAndAuthorsAsync(source, target, announce: !competition.VoteCountsHiddenAt(clock.GetUtcNow().UtcDateTime), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var change in changes) events.Committed(db, change);
        await notifier.PublishAsync();
        return source;
    }

    /// <summary>A manager moves a proposal on; its authors are told, with the manager's reason where there is one.</summary>
    private Task<Result<Proposal>> MoveAsync(string proposalId, Func<Proposal, CompetitionPhase, IReadOnlyList<Refusal>> move,
        NotificationKind tell, Func<Proposal, string?> reason, CancellationToken cancellationToken) =>
        db.RetriedOnConflictAsync(notifier, () => MoveOnceAsync(proposalId, move, tell, reason, cancellationToken));

    private async Task<Result<Proposal>> MoveOnceAsync(string proposalId, Func<Proposal, CompetitionPhase, IReadOnlyList<Refusal>> move,
        NotificationKind tell, Func<Proposal, string?> reason, CancellationToken cancellationToken)
    {
        var found = await find.ProposalAsync(proposalId, cancellationToken);
        if (!found.Succeeded) return Result<Proposal>.Refused(found.Refusals);
        var (proposal, competition) = found.Value!;
        var refusals = move(proposal, competition.PhaseAt(clock.GetUtcNow().UtcDateTime));
        if (refusals.Count > 0) return Result<Proposal>.Refused(refusals);
        await notices.TellAsync(proposal, tell, reason(proposal), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync();
        return proposal;
    }

    /// <summary>
    /// The proposal, its competition and the caller as one of its own authors. Authors who came over in a merge wrote
    /// another proposal, so they do not change or withdraw this one.
    /// </summary>
    private async Task<Result<AuthorOfProposal>> ByAuthorAsync(string proposalId, CancellationToken cancellationToken)
    {
        if (await viewer.PersonIdAsync(cancellationToken) is not { } personId) return PersonNotLinked.Instance;
        var found = await find.ProposalAsync(proposalId, cancellationToken);
        if (!found.Succeeded) return Result<AuthorOfProposal>.Refused(found.Refusals);
        var (proposal, competition) = found.Value!;
        var self = await db.ProposalAuthors().AsTracking()
            .SingleOrDefaultAsync(a => a.ProposalId == proposal.Id && a.PersonId == personId && a.MergedFromProposalId == null, cancellationToken);
        if (self is null) return new NotAuthor(CompetitionTexts.NotAuthor.Format()) { Field = ["proposalId"] };
        return new AuthorOfProposal(proposal, competition, self);
    }

    /// <summary>The people to invite, each checked: at most <see cref="ProposalRules.MaxCoAuthors"/>, existing, not erased, not the author, no one twice.</summary>
    private async Task<List<int>> CoAuthorsAsync(int competitionId, IReadOnlyList<string> ids, int author, Refusals refusals, CancellationToken cancellationToken)
    {
        if (ids.Count > ProposalRules.MaxCoAuthors)
        {
            refusals.Add(new InvalidInput(CompetitionTexts.TooManyCoAuthors.Format(ProposalRules.MaxCoAuthors, ids.Count), RefusalCodes.TooManyItems));
            return [];
        }
        var keys = ids.Select(id => GlobalId.TryParseKey(id, PersonType.TypeName)).ToList();
        var known = (await db.Persons().Where(p => p.ErasedAtUtc == null && keys.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var outside = await scope.OutsideAsync(competitionId, known, cancellationToken);
        var coAuthors = new List<int>();
        for (var index = 0; index < ids.Count; index++)
        {
            var at = index.ToString();
            if (keys[index] is not { } key || !known.Contains(key)) refusals.NotFound(at, ids[index], OrganisationTexts.NoPerson.Format());
            else if (key == author) refusals.Invalid(at, CompetitionErrorCodes.SelfCoAuthor, CompetitionTexts.SelfCoAuthor.Format());
            else if (coAuthors.Contains(key)) refusals.Invalid(at, RefusalCodes.DuplicateItem, CompetitionTexts.CoAuthorTwice.Format());
            else if (outside.Ids.Contains(key))
                refusals.Add(outside.Refusal! with { Message = CompetitionTexts.CoAuthorOutside.Format() }, at);
            else coAuthors.Add(key);
        }
        return coAuthors;
    }

    private sealed record AuthorOfProposal(Proposal Proposal, IdeaCompetition Competition, ProposalAuthor Self);
}

/// <summary>Votes: cast and taken back within the caller's budget, exact under concurrency, secret.</summary>
public sealed class VotingService(AppDbContext db, Viewer viewer, CompetitionLookup find, CompetitionStore store, CompetitionScope scope, VoteEvents events, TimeProvider clock)
{
    public Task<Result<Proposal>> CastAsync(string proposalId, CancellationToken cancellationToken) => VoteAsync(proposalId, cast: true, cancellationToken);

    public Task<Result<Proposal>> RetractAsync(string proposalId, CancellationToken cancellationToken) => VoteAsync(proposalId, cast: false, cancellationToken);

    private async Task<Result<Proposal>> VoteAsync(string proposalId, bool cast, CancellationToken cancellationToken)
    {
        if (await viewer.PersonIdAsync(cancellationToken) is not { } voter) return PersonNotLinked.Instance;
        var found = await find.ProposalAsync(proposalId, cancellationToken);
        if (!found.Succeeded) return Result<Proposal>.Refused(found.Refusals);
        var (proposal, competition) = found.Value!;
        if (cast && await scope.CheckAsync(competition.Id, voter, cancellationToken) is { } outside) return outside;
        var phase = competition.PhaseAt(clock.GetUtcNow().UtcDateTime);
        var isOwn = cast && await db.ProposalAuthors().AnyAsync(a => a.ProposalId == proposal.Id && a.PersonId == voter, cancellationToken);
        if ((cast ? ProposalRules.CheckVote(phase, proposal.State, isOwn, competition.AllowSelfVoting) : ProposalRules.CheckRetract(phase, proposal.State)) is { } refused)
            return refused;

        var announce = !competition.VoteCountsHiddenAt(clock.GetUtcNow().UtcDateTime);
        var (outcome, change) = cast
            ? await store.CastAsync(competition, proposal.Id, voter, announce, cancellationToken)
            : await store.RetractAsync(competition.Id, proposal.Id, voter, announce, cancellationToken);
        if (outcome == VoteOutcome.NotOpenForVoting)
        {
            var now = await db.Proposals().Where(p => p.Id == proposal.Id).Select(p => p.State).SingleAsync(cancellationToken);
            return new ProposalNotOpenForVoting(CompetitionTexts.NotOpenForVoting.Format(now.GraphQLName()), now) { Field = ["proposalId"] };
        }
        if (outcome == VoteOutcome.BudgetExhausted)
            return new VoteBudgetExhausted(CompetitionTexts.VoteBudgetExhausted.Format(competition.VotesPerPerson), competition.VotesPerPerson)
                { Field = ["proposalId"] };
        // Voting is not recorded as participation now: see CompetitionParticipation.
        if (change is not null) events.Committed(db, change);
        return proposal;
    }
}

/// <summary>Comments and replies from staff; moderators hide them (see <see cref="CommentModeration"/>).</summary>
public sealed class CommentService(AppDbContext db, Viewer viewer, CompetitionLookup find, CompetitionScope scope, TimeProvider clock)
{
    public async Task<Result<ProposalComment>> AddAsync(AddCommentInput input, CancellationToken cancellationToken)
    {
        if (await viewer.PersonIdAsync(cancellationToken) is not { } author) return PersonNotLinked.Instance;
        var found = await find.ProposalAsync(input.ProposalId, cancellationToken);
        if (!found.Succeeded) return Result<ProposalComment>.Refused(found.Refusals);
        var (proposal, competition) = found.Value!;
        if (await scope.CheckAsync(competition.Id, author, cancellationToken) is { } outside) return outside;
        var now = clock.GetUtcNow().UtcDateTime;
        var phase = competition.PhaseAt(now);
        if (phase == CompetitionPhase.Draft) return new WrongPhase(CompetitionTexts.NotOpenYet.Format(), phase) { Field = ["proposalId"] };
        ProposalComment? replyTo = null;
        if (input.ReplyToId is { } replyToId)
        {
            replyTo = GlobalId.TryParseKey(replyToId, ProposalCommentType.TypeName) is { } key
                ? await db.ProposalComments().FirstOrDefaultAsync(c => c.Id == key && c.ProposalId == proposal.Id, cancellationToken)
                : null;
            if (replyTo is null) return new NotFound(CompetitionTexts.NoCommentOnProposal.Format(), replyToId) { Field = ["replyToId"] };
        }

        var replies = replyTo is null ? 0 : await db.ProposalComments().CountAsync(c => c.ReplyToId == replyTo.Id, cancellationToken);
        var written = ProposalComment.Write(proposal.Id, replyTo, replies, author, viewer.DisplayName, input.Text, now);
        if (!written.Succeeded) return written;
        db.ProposalComments().Add(written.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return written;
    }
}

/// <summary>Consent: a colleague named as co-author becomes one, and counts as taking part, only when they accept.</summary>
public sealed class CoAuthorshipService(AppDbContext db, Viewer viewer, CompetitionScope scope, Notifier notifier, TimeProvider clock)
{
    public Task<Result<Proposal>> AnswerAsync(CoAuthorshipInput input, bool accept, CancellationToken cancellationToken) =>
        db.RetriedOnConflictAsync(notifier, () => AnswerOnceAsync(input, accept, cancellationToken));

    private async Task<Result<Proposal>> AnswerOnceAsync(CoAuthorshipInput input, bool accept, CancellationToken cancellationToken)
    {
        if (await viewer.PersonIdAsync(cancellationToken) is not { } me) return PersonNotLinked.Instance;
        var proposalId = GlobalId.TryParseKey(input.ProposalId, ProposalType.TypeName);
        var invitation = proposalId is null ? null
            : await db.CoAuthorInvitations().AsTracking().SingleOrDefaultAsync(i => i.ProposalId == proposalId && i.PersonId == me, cancellationToken);
        if (invitation is null) return new NotFound(CompetitionTexts.NoInvitation.Format(), input.ProposalId) { Field = ["proposalId"] };
        var proposal = await db.Proposals().SingleAsync(p => p.Id == invitation.ProposalId, cancellationToken);
        if (invitation.State == CoAuthorInvitationState.Pending && accept)
        {
            if (await scope.CheckAsync(proposal.CompetitionId, me, cancellationToken) is { } outside) return outside;
            if (proposal.State is not (ProposalState.Submitted or ProposalState.Accepted))
                return new InvitationClosed(CompetitionTexts.InvitationClosed.Format(proposal.State.GraphQLName()), proposal.State) { Field = ["proposalId"] };
            var phase = (await db.Competitions().SingleAsync(c => c.Id == proposal.CompetitionId, cancellationToken)).PhaseAt(clock.GetUtcNow().UtcDateTime);
            if (phase >= CompetitionPhase.Voting)
                return new WrongPhase(CompetitionTexts.CoAuthorsJoinUntilVoting.Format(phase.GraphQLName()), phase) { Field = ["proposalId"] };
        }
        if (invitation.Answer(accept) is { } refused) return refused;
        if (accept) db.ProposalAuthors().Add(new ProposalAuthor(proposal.Id, me, isLead: false, viewer.DisplayName, input.HideName ?? true));
        await db.SaveChangesAsync(cancellationToken);
        return proposal;
    }
}
