using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Competitions;

public sealed record VotingClosed(string Message, CompetitionPhase Phase) : Refusal(Message, CompetitionErrorCodes.VotingClosed);

public sealed record VoteBudgetExhausted(string Message, int VotesPerPerson) : Refusal(Message, CompetitionErrorCodes.VoteBudgetExhausted);

public sealed record OwnProposal(string Message) : Refusal(Message, CompetitionErrorCodes.OwnProposal);

public sealed record ProposalNotOpenForVoting(string Message, ProposalState State) : Refusal(Message, CompetitionErrorCodes.ProposalNotOpenForVoting);

public sealed record WrongPhase(string Message, CompetitionPhase Phase) : Refusal(Message, CompetitionErrorCodes.WrongPhase);

public sealed record InvalidTransition(string Message, ProposalState From, ProposalState To) : Refusal(Message, CompetitionErrorCodes.InvalidTransition);

public sealed record PhaseBackwards(string Message, CompetitionPhase Current) : Refusal(Message, CompetitionErrorCodes.PhaseBackwards);

public sealed record RulesLocked(string Message) : Refusal(Message, CompetitionErrorCodes.RulesLocked);

public sealed record ProposalLimitReached(string Message, int ProposalsPerPerson) : Refusal(Message, CompetitionErrorCodes.ProposalLimitReached);

public sealed record NotAuthor(string Message) : Refusal(Message, CompetitionErrorCodes.NotAuthor);

public sealed record InvitationAlreadyAnswered(string Message, CoAuthorInvitationState State) : Refusal(Message, CompetitionErrorCodes.InvitationAlreadyAnswered);

public sealed record InvitationClosed(string Message, ProposalState State) : Refusal(Message, CompetitionErrorCodes.InvitationClosed);

public sealed record OutsideCompetitionUnit(string Message, int UnitId) : Refusal(Message, CompetitionErrorCodes.OutsideCompetitionUnit);

public sealed record ProposalNotRealised(string Message, ProposalState State) : Refusal(Message, CompetitionErrorCodes.ProposalNotRealised);

public sealed record RealisationStatusBackwards(string Message, RealisationStatus Current) : Refusal(Message, CompetitionErrorCodes.RealisationStatusBackwards);

public sealed record ReplyToReply(string Message) : Refusal(Message, CompetitionErrorCodes.ReplyToReply);

public sealed record OwnComment(string Message) : Refusal(Message, CompetitionErrorCodes.OwnComment);

public sealed record AlreadyReported(string Message) : Refusal(Message, CompetitionErrorCodes.AlreadyReported);

public sealed record CommentAlreadyHidden(string Message) : Refusal(Message, CompetitionErrorCodes.CommentAlreadyHidden);

public sealed record ReportAlreadyResolved(string Message, CommentReportState State) : Refusal(Message, CompetitionErrorCodes.ReportAlreadyResolved);

public static class CompetitionErrorCodes
{
    public const string ReplyToReply = "REPLY_TO_REPLY";
    public const string OwnComment = "OWN_COMMENT";
    public const string AlreadyReported = "ALREADY_REPORTED";
    public const string CommentAlreadyHidden = "COMMENT_ALREADY_HIDDEN";
    public const string ReportAlreadyResolved = "REPORT_ALREADY_RESOLVED";
    public const string ProposalNotRealised = "PROPOSAL_NOT_REALISED";
    public const string RealisationStatusBackwards = "REALISATION_STATUS_BACKWARDS";
    public const string OutsideCompetitionUnit = "OUTSIDE_COMPETITION_UNIT";
    public const string VoteCountsHidden = "VOTE_COUNTS_HIDDEN";
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
    public const string SelfCoAuthor = "SELF_CO_AUTHOR";
    public const string InvitationAlreadyAnswered = "INVITATION_ALREADY_ANSWERED";
    public const string InvitationClosed = "INVITATION_CLOSED";
}
