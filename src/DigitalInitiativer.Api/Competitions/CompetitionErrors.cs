using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Errors;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Competitions;

public sealed record VotingClosedError(string Message, IReadOnlyList<string> Path, CompetitionPhase Phase) : UserError(Message, CompetitionErrorCodes.VotingClosed, Path);

public sealed record VoteBudgetExhaustedError(string Message, IReadOnlyList<string> Path, int VotesPerPerson) : UserError(Message, CompetitionErrorCodes.VoteBudgetExhausted, Path);

public sealed record OwnProposalError(string Message, IReadOnlyList<string> Path) : UserError(Message, CompetitionErrorCodes.OwnProposal, Path);

public sealed record ProposalNotOpenForVotingError(string Message, IReadOnlyList<string> Path, ProposalState State) : UserError(Message, CompetitionErrorCodes.ProposalNotOpenForVoting, Path);

public sealed record WrongPhaseError(string Message, IReadOnlyList<string> Path, CompetitionPhase Phase) : UserError(Message, CompetitionErrorCodes.WrongPhase, Path);

public sealed record InvalidTransitionError(string Message, IReadOnlyList<string> Path, ProposalState From, ProposalState To) : UserError(Message, CompetitionErrorCodes.InvalidTransition, Path);

public sealed record PhaseBackwardsError(string Message, IReadOnlyList<string> Path, CompetitionPhase Current) : UserError(Message, CompetitionErrorCodes.PhaseBackwards, Path);

public sealed record RulesLockedError(string Message, IReadOnlyList<string> Path) : UserError(Message, CompetitionErrorCodes.RulesLocked, Path);

public sealed record ProposalLimitReachedError(string Message, IReadOnlyList<string> Path, int ProposalsPerPerson) : UserError(Message, CompetitionErrorCodes.ProposalLimitReached, Path);

public sealed record NotAuthorError(string Message, IReadOnlyList<string> Path) : UserError(Message, CompetitionErrorCodes.NotAuthor, Path);

public sealed record InvitationAlreadyAnsweredError(string Message, IReadOnlyList<string> Path, CoAuthorInvitationState State)
    : UserError(Message, CompetitionErrorCodes.InvitationAlreadyAnswered, Path);

public sealed record InvitationClosedError(string Message, IReadOnlyList<string> Path, ProposalState State) : UserError(Message, CompetitionErrorCodes.InvitationClosed, Path);

public sealed record PersonNotLinkedError(string Message, IReadOnlyList<string> Path) : UserError(Message, CompetitionErrorCodes.PersonNotLinked, Path)
{
    public static readonly PersonNotLinkedError Instance = new("Your sign-in is not linked to a person, so you cannot take part.", ["input"]);
}

public static class CompetitionErrorCodes
{
    public const string VotingClosed = "VOTING_CLOSED";
    public const string VoteBudgetExhausted = "VOTE_BUDGET_EXHAUSTED";
    public const string OwnProposal = "OWN_PROPOSAL";
    public const string ProposalNotOpenForVoting = "PROPOSAL_NOT_OPEN_FOR_VOTING";
    public const string WrongPhase = "WRONG_PHASE";
    public const string InvalidTransition = "INVALID_TRANSITION";
    public const string PhaseBackwards = "PHASE_BACKWARDS";
    public const string RulesLocked = "RULES_LOCKED";
    public const string ProposalLimitReached = "PROPOSAL_LIMIT_REACHED";
    public const string NotAuthor = "NOT_AUTHOR";
    public const string PersonNotLinked = "PERSON_NOT_LINKED";
    public const string SelfCoAuthor = "SELF_CO_AUTHOR";
    public const string InvitationAlreadyAnswered = "INVITATION_ALREADY_ANSWERED";
    public const string InvitationClosed = "INVITATION_CLOSED";
}

public sealed class VotingClosedErrorType : UserErrorType<VotingClosedError>
{
    public VotingClosedErrorType() : base("Votes can only be cast or retracted while the competition is in VOTING. Code VOTING_CLOSED.") =>
        Field<NonNullGraphType<CompetitionPhaseType>>("phase").Description("The phase the competition is in.").Resolve(ctx => ctx.Source.Phase);
}

public sealed class VoteBudgetExhaustedErrorType : UserErrorType<VoteBudgetExhaustedError>
{
    public VoteBudgetExhaustedErrorType() : base("The caller has used every vote the competition gives each person. Retract a vote to cast another. Code VOTE_BUDGET_EXHAUSTED.") =>
        Field(e => e.VotesPerPerson).Description("How many votes each person has in this competition.");
}

public sealed class OwnProposalErrorType() : UserErrorType<OwnProposalError>("The caller wrote this proposal, and this competition does not allow voting for your own. Code OWN_PROPOSAL.");

public sealed class ProposalNotOpenForVotingErrorType : UserErrorType<ProposalNotOpenForVotingError>
{
    public ProposalNotOpenForVotingErrorType() : base("Only ACCEPTED proposals can be voted on; this one is not (e.g. withdrawn, rejected or merged). Code PROPOSAL_NOT_OPEN_FOR_VOTING.") =>
        Field<NonNullGraphType<ProposalStateType>>("state").Description("The proposal's state.").Resolve(ctx => ctx.Source.State);
}

public sealed class WrongPhaseErrorType : UserErrorType<WrongPhaseError>
{
    public WrongPhaseErrorType() : base("The action is not possible in the competition's current phase, e.g. submitting after SUBMISSION. Code WRONG_PHASE.") =>
        Field<NonNullGraphType<CompetitionPhaseType>>("phase").Description("The phase the competition is in.").Resolve(ctx => ctx.Source.Phase);
}

public sealed class InvalidTransitionErrorType : UserErrorType<InvalidTransitionError>
{
    public InvalidTransitionErrorType() : base("The proposal cannot move from its state to the requested one, e.g. realising a proposal that was never selected. Code INVALID_TRANSITION.")
    {
        Field<NonNullGraphType<ProposalStateType>>("from").Description("The proposal's state.").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<ProposalStateType>>("to").Description("The state asked for.").Resolve(ctx => ctx.Source.To);
    }
}

public sealed class PhaseBackwardsErrorType : UserErrorType<PhaseBackwardsError>
{
    public PhaseBackwardsErrorType() : base("Phases only move forward; the requested phase is not after the current one. Code PHASE_BACKWARDS.") =>
        Field<NonNullGraphType<CompetitionPhaseType>>("current").Description("The phase the competition is in.").Resolve(ctx => ctx.Source.Current);
}

public sealed class RulesLockedErrorType() : UserErrorType<RulesLockedError>("The competition's rules cannot change once voting has opened. Code RULES_LOCKED.");

public sealed class ProposalLimitReachedErrorType : UserErrorType<ProposalLimitReachedError>
{
    public ProposalLimitReachedErrorType() : base("The caller has already submitted as many proposals as the competition allows per person. Code PROPOSAL_LIMIT_REACHED.") =>
        Field(e => e.ProposalsPerPerson).Description("How many proposals each person may submit.");
}

public sealed class NotAuthorErrorType() : UserErrorType<NotAuthorError>("Only the proposal's authors may do this. Code NOT_AUTHOR.");

public sealed class InvitationAlreadyAnsweredErrorType : UserErrorType<InvitationAlreadyAnsweredError>
{
    public InvitationAlreadyAnsweredErrorType() : base("The caller has already accepted or declined this invitation; an answer cannot be changed. Code INVITATION_ALREADY_ANSWERED.") =>
        Field<NonNullGraphType<CoAuthorInvitationStateType>>("state").Description("The answer already given.").Resolve(ctx => ctx.Source.State);
}

public sealed class InvitationClosedErrorType : UserErrorType<InvitationClosedError>
{
    public InvitationClosedErrorType() : base("The proposal can no longer take co-authors, e.g. it was withdrawn, rejected or merged. Code INVITATION_CLOSED.") =>
        Field<NonNullGraphType<ProposalStateType>>("proposalState").Description("The proposal's state.").Resolve(ctx => ctx.Source.State);
}

public sealed class PersonNotLinkedErrorType() : UserErrorType<PersonNotLinkedError>("The sign-in is not linked to a person, so it cannot take part (see Identity:PersonClaim). Code PERSON_NOT_LINKED.");
