using System.ComponentModel;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>What a proposal says.</summary>
public sealed record ProposalTexts(string Title, string Summary, string Problem, string ProposedSolution, string ExpectedBenefit)
{
    public ProposalTexts Trimmed() => new(Title.Trim(), Summary.Trim(), Problem.Trim(), ProposedSolution.Trim(), ExpectedBenefit.Trim());
}

/// <summary>How a selected proposal is being built: where it stands, what it is, and when it was put into use once DONE.</summary>
public sealed record Realisation(RealisationStatus Status, DateOnly? RealisedOn, string Description, int? InitiativeId, string? Solution);

/// <summary>A realisation's progress, which only moves forward.</summary>
public enum RealisationStatus
{
    [Description("Decided and planned; work has not started.")]
    Planned = 1,

    [Description("Being built or rolled out.")]
    InProgress = 2,

    [Description("Built and in use since realisedOn.")]
    Done = 3,
}

/// <summary>
/// A proposal for a digital solution, submitted to an idea competition. Its state changes only through the methods
/// below, each of which checks <see cref="ProposalRules"/>: which state may follow which, and in which phase.
/// </summary>
public sealed class Proposal : IEntity
{
    private Proposal()
    {
        Title = Summary = Problem = ProposedSolution = ExpectedBenefit = "";
    }

    public int Id { get; private set; }
    public int CompetitionId { get; private set; }
    public string Title { get; private set; }
    public string Summary { get; private set; }
    public string Problem { get; private set; }
    public string ProposedSolution { get; private set; }
    public string ExpectedBenefit { get; private set; }
    public int UnitId { get; private set; }
    public ProposalState State { get; private set; } = ProposalState.Submitted;

    /// <summary>The lead author's choice to hide their name. Each author's own choice is <see cref="ProposalAuthor.HideName"/>; a co-author's is hidden unless they choose otherwise.</summary>
    public bool HideAuthorNames { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }
    public string? RejectionReason { get; private set; }
    public int? MergedIntoId { get; private set; }

    /// <summary>Why the managers chose it as a winner.</summary>
    public string? SelectionReason { get; private set; }

    public RealisationStatus? RealisationStatus { get; private set; }
    public DateOnly? RealisedOn { get; private set; }
    public string? RealisationDescription { get; private set; }
    public int? RealisedAsInitiativeId { get; private set; }
    public string? RealisedAsSolution { get; private set; }

    /// <summary>A new proposal, in SUBMITTED, if the competition takes submissions and the texts keep the rules.</summary>
    public static Result<Proposal> Submit(IdeaCompetition competition, ProposalTexts texts, int unitId, bool hideAuthorNames, DateTime utcNow)
    {
        var phase = competition.PhaseAt(utcNow);
        if (phase != CompetitionPhase.Submission)
            return new WrongPhase(CompetitionTexts.SubmitOnlyInSubmission.Format(phase.GraphQLName()), phase) { Field = ["competitionId"] };
        var refusals = new Refusals();
        ProposalRules.CheckTexts(refusals, texts);
        if (refusals.Any) return refusals;
        var trimmed = texts.Trimmed();
        return new Proposal
        {
            CompetitionId = competition.Id, Title = trimmed.Title, Summary = trimmed.Summary, Problem = trimmed.Problem, ProposedSolution = trimmed.ProposedSolution,
            ExpectedBenefit = trimmed.ExpectedBenefit, UnitId = unitId, HideAuthorNames = hideAuthorNames, SubmittedAtUtc = utcNow,
        };
    }

    /// <summary>An author's new texts, during SUBMISSION while it is SUBMITTED.</summary>
    public Refusals Revise(ProposalTexts texts, CompetitionPhase phase)
    {
        var refusals = new Refusals();
        if (CheckAuthorsMayChange(phase, ProposalState.Submitted) is { } refused)
        {
            refusals.Add(refused);
            return refusals;
        }
        ProposalRules.CheckTexts(refusals, texts);
        if (refusals.Any) return refusals;
        var trimmed = texts.Trimmed();
        (Title, Summary, Problem, ProposedSolution, ExpectedBenefit) = (trimmed.Title, trimmed.Summary, trimmed.Problem, trimmed.ProposedSolution, trimmed.ExpectedBenefit);
        return refusals;
    }

    /// <summary>The lead author's new choice to hide their name, which is also what colleagues who accept later start with.</summary>
    public void ChooseToHideAuthorNames(bool hide) => HideAuthorNames = hide;

    public Refusal? Withdraw(CompetitionPhase phase) => CheckAuthorsMayChange(phase, ProposalState.Withdrawn) ?? MoveTo(ProposalState.Withdrawn, phase);

    public Refusal? Accept(CompetitionPhase phase) => MoveTo(ProposalState.Accepted, phase);

    public Refusals Select(string reason, CompetitionPhase phase)
    {
        var refusals = new Refusals();
        if (CheckMove(ProposalState.Selected, phase) is { } refused) refusals.Add(refused);
        else if (ProposalRules.CheckReason(refusals, reason) is { } trimmed) (State, SelectionReason) = (ProposalState.Selected, trimmed);
        return refusals;
    }

    public Refusals Reject(string reason, CompetitionPhase phase)
    {
        var refusals = new Refusals();
        if (CheckMove(ProposalState.Rejected, phase) is { } refused) refusals.Add(refused);
        else if (ProposalRules.CheckReason(refusals, reason) is { } trimmed) (State, RejectionReason) = (ProposalState.Rejected, trimmed);
        return refusals;
    }

    /// <summary>Merges this proposal into another of the same competition. Its votes and authors move in the store, in the same transaction.</summary>
    public Refusals MergeInto(Proposal target, CompetitionPhase phase)
    {
        var refusals = new Refusals();
        if (CheckMove(ProposalState.Merged, phase) is { } refused) refusals.Add(refused);
        else if (ReferenceEquals(target, this) || (Id != 0 && target.Id == Id)) refusals.Invalid("intoProposalId", RefusalCodes.InvalidFormat, CompetitionTexts.MergeIntoItself.Format());
        else if (target.State is not (ProposalState.Submitted or ProposalState.Accepted))
            refusals.Invalid("intoProposalId", RefusalCodes.InvalidFormat, CompetitionTexts.MergeTargetState.Format(target.State.GraphQLName()));
        else (State, MergedIntoId) = (ProposalState.Merged, target.Id);
        return refusals;
    }

    public Refusals Realise(Realisation realisation, CompetitionPhase phase, DateOnly today)
    {
        var refusals = new Refusals();
        if (CheckMove(ProposalState.Realised, phase) is { } refused)
        {
            refusals.Add(refused);
            return refusals;
        }
        if (CheckRealisation(refusals, realisation, today) is { } checkedRealisation)
        {
            State = ProposalState.Realised;
            Record(checkedRealisation);
        }
        return refusals;
    }

    /// <summary>A manager's new account of the realisation. Its status only moves forward; DONE needs the day it was put into use.</summary>
    public Refusals UpdateRealisation(Realisation realisation, DateOnly today)
    {
        var refusals = new Refusals();
        if (State != ProposalState.Realised || RealisationStatus is not { } current)
            refusals.Add(new ProposalNotRealised(CompetitionTexts.NothingToRealise.Format(State.GraphQLName()), State) { Field = ["proposalId"] });
        else if (realisation.Status < current)
            refusals.Add(new RealisationStatusBackwards(CompetitionTexts.RealisationBackwards.Format(current.GraphQLName()), current) { Field = ["status"] });
        else if (CheckRealisation(refusals, realisation, today) is { } checkedRealisation) Record(checkedRealisation);
        return refusals;
    }

    private static Realisation? CheckRealisation(Refusals refusals, Realisation realisation, DateOnly today)
    {
        var description = realisation.Description.Trim();
        var solution = string.IsNullOrWhiteSpace(realisation.Solution) ? null : realisation.Solution.Trim();
        refusals.Required("description", description);
        refusals.MaxLength("description", description, ProposalRules.MaxTextLength);
        refusals.MaxLength("solution", solution, ProposalRules.MaxTitleLength);
        refusals.NotInFuture("realisedOn", realisation.RealisedOn, today);
        if (realisation.Status == Competitions.RealisationStatus.Done && realisation.RealisedOn is null)
            refusals.Invalid("realisedOn", RefusalCodes.Required, CompetitionTexts.RealisedOnRequired.Format());
        if (realisation.Status != Competitions.RealisationStatus.Done && realisation.RealisedOn is not null)
            refusals.Invalid("realisedOn", RefusalCodes.InvalidFormat, CompetitionTexts.RealisedOnOnlyWhenDone.Format());
        return refusals.Any ? null : realisation with { Description = description, Solution = solution };
    }

    private void Record(Realisation realisation) =>
        (RealisationStatus, RealisedOn, RealisationDescription, RealisedAsInitiativeId, RealisedAsSolution) =
            (realisation.Status, realisation.RealisedOn, realisation.Description, realisation.InitiativeId, realisation.Solution);

    private Refusal? CheckAuthorsMayChange(CompetitionPhase phase, ProposalState to)
    {
        if (phase != CompetitionPhase.Submission)
            return new WrongPhase(CompetitionTexts.ChangeOnlyInSubmission.Format(phase.GraphQLName()), phase) { Field = ["proposalId"] };
        if (State != ProposalState.Submitted)
            return new InvalidTransition(CompetitionTexts.AuthorsCannotChange.Format(State.GraphQLName()), State, to) { Field = ["proposalId"] };
        return null;
    }

    /// <summary>Why the proposal may not move to <paramref name="to"/> now, or null.</summary>
    public Refusal? CheckMove(ProposalState to, CompetitionPhase phase)
    {
        if (!ProposalRules.CanMove(State, to))
            return new InvalidTransition(CompetitionTexts.InvalidTransition.Format(State.GraphQLName(), to.GraphQLName()), State, to) { Field = ["proposalId"] };
        if (!ProposalRules.AllowedInPhase(to, phase))
            return new WrongPhase(CompetitionTexts.TransitionInWrongPhase.Format(to.GraphQLName(), phase.GraphQLName()), phase) { Field = ["proposalId"] };
        return null;
    }

    private Refusal? MoveTo(ProposalState to, CompetitionPhase phase)
    {
        if (CheckMove(to, phase) is { } refused) return refused;
        State = to;
        return null;
    }
}

public enum ProposalState
{
    [Description("Submitted and waiting for review.")]
    Submitted = 1,

    [Description("Accepted by the managers and open for voting.")]
    Accepted = 2,

    [Description("Rejected by the managers, with a reason.")]
    Rejected = 3,

    [Description("Merged into another proposal, which took over its votes and authors.")]
    Merged = 4,

    [Description("Selected as a winner.")]
    Selected = 5,

    [Description("Being realised: its realisation shows status, milestones and progress, and when it was put into use.")]
    Realised = 6,

    [Description("Withdrawn by its authors.")]
    Withdrawn = 7,
}

/// <summary>A person who wrote a proposal. The lead author submitted it; co-authors were invited by them and accepted.</summary>
public sealed class ProposalAuthor : IPersonData
{
    private ProposalAuthor()
    {
    }

    public ProposalAuthor(int proposalId, int personId, bool isLead, string? displayName, bool hideName)
    {
        (ProposalId, PersonId, IsLead, DisplayName, HideName) = (proposalId, personId, isLead, displayName, hideName);
    }

    public int ProposalId { get; private set; }
    public int PersonId { get; private set; }
    public bool IsLead { get; private set; }

    /// <summary>The name shown to colleagues, from the sign-in token's name claim; never used for survey data.</summary>
    public string? DisplayName { get; private set; }

    /// <summary>This author's own choice to hide their name from other employees; only they change it. It travels with them when proposals merge.</summary>
    public bool HideName { get; private set; }

    /// <summary>
    /// Null for the proposal's own authors; for authors who came over in a merge, the proposal they wrote. Authors see
    /// each other's hidden names, and may change the proposal, only with those they wrote it with.
    /// </summary>
    public int? MergedFromProposalId { get; private set; }

    int IPersonData.SubjectPersonId => PersonId;

    public void ChooseToHideName(bool hide) => HideName = hide;
}

/// <summary>
/// A lead author's invitation to a colleague to co-author their proposal. Nobody becomes an author, or counts as
/// taking part, without accepting; an answer is final.
/// </summary>
public sealed class CoAuthorInvitation
{
    private CoAuthorInvitation()
    {
    }

    public CoAuthorInvitation(int proposalId, int personId, DateTime invitedAtUtc) => (ProposalId, PersonId, InvitedAtUtc) = (proposalId, personId, invitedAtUtc);

    public int ProposalId { get; private set; }
    public int PersonId { get; private set; }
    public CoAuthorInvitationState State { get; private set; } = CoAuthorInvitationState.Pending;
    public DateTime InvitedAtUtc { get; private set; }

    /// <summary>Accepts or declines, once.</summary>
    public Refusal? Answer(bool accept)
    {
        if (State != CoAuthorInvitationState.Pending)
            return new InvitationAlreadyAnswered((State == CoAuthorInvitationState.Accepted ? CompetitionTexts.InvitationAlreadyAccepted : CompetitionTexts.InvitationAlreadyDeclined).Format(), State) { Field = ["proposalId"] };
        State = accept ? CoAuthorInvitationState.Accepted : CoAuthorInvitationState.Declined;
        return null;
    }
}

public enum CoAuthorInvitationState
{
    [Description("Waiting for the invited colleague's answer.")]
    Pending = 1,

    [Description("Accepted: the colleague is a co-author.")]
    Accepted = 2,

    [Description("Declined: the colleague is not a co-author.")]
    Declined = 3,
}

/// <summary>
/// One vote. Secret: nothing in the schema exposes who cast it, and no time is stored. Voters cast them through
/// <see cref="CompetitionStore"/>, which keeps the budget exact; generators write them directly.
/// </summary>
public sealed class Vote
{
    private Vote()
    {
    }

    public Vote(int competitionId, int proposalId, int voterPersonId) => (CompetitionId, ProposalId, VoterPersonId) = (competitionId, proposalId, voterPersonId);

    public int Id { get; private set; }
    public int CompetitionId { get; private set; }
    public int ProposalId { get; private set; }

    /// <summary>Who voted, so nobody votes twice; null once the voter's data was erased, when the vote still counts but belongs to nobody.</summary>
    public int? VoterPersonId { get; private set; }
}

/// <summary>
/// How many votes a person has used in a competition. A conditional UPDATE on this row (in <see cref="CompetitionStore"/>)
/// is what keeps the budget exact under concurrent votes, in SQLite and PostgreSQL alike.
/// </summary>
public sealed class Ballot
{
    private Ballot()
    {
    }

    public Ballot(int competitionId, int voterPersonId, int votesUsed) => (CompetitionId, VoterPersonId, VotesUsed) = (competitionId, voterPersonId, votesUsed);

    public int CompetitionId { get; private set; }
    public int VoterPersonId { get; private set; }
    public int VotesUsed { get; private set; }
}

/// <summary>
/// A vote that was taken back, kept without its voter: a listing ranked by votes ranks every page by the votes as they
/// stood when its first page was read (the highest vote id then), and a vote taken back later still counts there.
/// <see cref="RetractedAfter"/> is the highest vote id when it was taken back.
/// </summary>
public sealed class VoteRetraction
{
    private VoteRetraction()
    {
    }

    public int VoteId { get; private set; }
    public int ProposalId { get; private set; }
    public int RetractedAfter { get; private set; }
}
