using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.Organisation;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Competitions;

public sealed class VotingClosedErrorType : UserErrorType<VotingClosed>
{
    public VotingClosedErrorType() : base("Votes can only be cast or retracted while the competition is in VOTING. Code VOTING_CLOSED.") =>
        Field<NonNullGraphType<CompetitionPhaseType>>("phase").Description("The phase the competition is in.").Resolve(ctx => ctx.Source.Phase);
}

public sealed class VoteBudgetExhaustedErrorType : UserErrorType<VoteBudgetExhausted>
{
    public VoteBudgetExhaustedErrorType() : base("The caller has used every vote the competition gives each person. Retract a vote to cast another. Code VOTE_BUDGET_EXHAUSTED.") =>
        Field(e => e.VotesPerPerson).Description("How many votes each person has in this competition.");
}

public sealed class OwnProposalErrorType() : UserErrorType<OwnProposal>("The caller wrote this proposal, and this competition does not allow voting for your own. Code OWN_PROPOSAL.");

public sealed class ProposalNotOpenForVotingErrorType : UserErrorType<ProposalNotOpenForVoting>
{
    public ProposalNotOpenForVotingErrorType() : base("Only ACCEPTED proposals can be voted on; this one is not (e.g. withdrawn, rejected or merged). Code PROPOSAL_NOT_OPEN_FOR_VOTING.") =>
        Field<NonNullGraphType<ProposalStateType>>("state").Description("The proposal's state.").Resolve(ctx => ctx.Source.State);
}

public sealed class WrongPhaseErrorType : UserErrorType<WrongPhase>
{
    public WrongPhaseErrorType() : base("The action is not possible in the competition's current phase, e.g. submitting after SUBMISSION. Code WRONG_PHASE.") =>
        Field<NonNullGraphType<CompetitionPhaseType>>("phase").Description("The phase the competition is in.").Resolve(ctx => ctx.Source.Phase);
}

public sealed class InvalidTransitionErrorType : UserErrorType<InvalidTransition>
{
    public InvalidTransitionErrorType() : base("The proposal cannot move from its state to the requested one, e.g. realising a proposal that was never selected. Code INVALID_TRANSITION.")
    {
        Field<NonNullGraphType<ProposalStateType>>("from").Description("The proposal's state.").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<ProposalStateType>>("to").Description("The state asked for.").Resolve(ctx => ctx.Source.To);
    }
}

public sealed class PhaseBackwardsErrorType : UserErrorType<PhaseBackwards>
{
    public PhaseBackwardsErrorType() : base("Phases only move forward; the requested phase is not after the current one. Code PHASE_BACKWARDS.") =>
        Field<NonNullGraphType<CompetitionPhaseType>>("current").Description("The phase the competition is in.").Resolve(ctx => ctx.Source.Current);
}

public sealed class RulesLockedErrorType() : UserErrorType<RulesLocked>("The competition's rules cannot change once voting has opened. Code RULES_LOCKED.");

public sealed class ProposalLimitReachedErrorType : UserErrorType<ProposalLimitReached>
{
    public ProposalLimitReachedErrorType() : base("The caller has already submitted as many proposals as the competition allows per person. Code PROPOSAL_LIMIT_REACHED.") =>
        Field(e => e.ProposalsPerPerson).Description("How many proposals each person may submit.");
}

public sealed class NotAuthorErrorType() : UserErrorType<NotAuthor>("Only the proposal's authors may do this. Code NOT_AUTHOR.");

public sealed class InvitationAlreadyAnsweredErrorType : UserErrorType<InvitationAlreadyAnswered>
{
    public InvitationAlreadyAnsweredErrorType() : base("The caller has already accepted or declined this invitation; an answer cannot be changed. Code INVITATION_ALREADY_ANSWERED.") =>
        Field<NonNullGraphType<CoAuthorInvitationStateType>>("state").Description("The answer already given.").Resolve(ctx => ctx.Source.State);
}

public sealed class InvitationClosedErrorType : UserErrorType<InvitationClosed>
{
    public InvitationClosedErrorType() : base("The proposal can no longer take co-authors, e.g. it was withdrawn, rejected or merged. Code INVITATION_CLOSED.") =>
        Field<NonNullGraphType<ProposalStateType>>("proposalState").Description("The proposal's state.").Resolve(ctx => ctx.Source.State);
}

public sealed class OutsideCompetitionUnitErrorType : UserErrorType<OutsideCompetitionUnit>
{
    public OutsideCompetitionUnitErrorType() : base("The competition is for the staff of one unit and the units below it, and the caller (or a named colleague) "
        + "works elsewhere. Code OUTSIDE_COMPETITION_UNIT.") =>
        Field<NonNullGraphType<OrganisationUnitType>>("competitionUnit").Description("The unit whose staff take part in the competition.")
            .ResolveById<OutsideCompetitionUnit, OrganisationUnit>(e => e.UnitId);
}

public sealed class ReplyToReplyErrorType() : UserErrorType<ReplyToReply>("Replies go one level deep: the comment answered is itself a reply. Answer the comment it answers. Code REPLY_TO_REPLY.");

public sealed class OwnCommentErrorType() : UserErrorType<OwnComment>("The caller wrote the comment they tried to report. Code OWN_COMMENT.");

public sealed class AlreadyReportedErrorType() : UserErrorType<AlreadyReported>("The caller already reported this comment. Code ALREADY_REPORTED.");

public sealed class CommentAlreadyHiddenErrorType() : UserErrorType<CommentAlreadyHidden>("A moderator already hid this comment, so there is nothing to report. Code COMMENT_ALREADY_HIDDEN.");

public sealed class ReportAlreadyResolvedErrorType : UserErrorType<ReportAlreadyResolved>
{
    public ReportAlreadyResolvedErrorType() : base("A moderator already decided this report. Code REPORT_ALREADY_RESOLVED.") =>
        Field<NonNullGraphType<CommentReportStateType>>("state").Description("How it was decided.").Resolve(ctx => ctx.Source.State);
}

public sealed class ProposalNotRealisedErrorType : UserErrorType<ProposalNotRealised>
{
    public ProposalNotRealisedErrorType() : base("Only a REALISED proposal has a realisation and milestones. Code PROPOSAL_NOT_REALISED.") =>
        Field<NonNullGraphType<ProposalStateType>>("state").Description("The proposal's state.").Resolve(ctx => ctx.Source.State);
}

public sealed class RealisationStatusBackwardsErrorType : UserErrorType<RealisationStatusBackwards>
{
    public RealisationStatusBackwardsErrorType() : base("A realisation's status only moves forward: PLANNED, IN_PROGRESS, DONE. Code REALISATION_STATUS_BACKWARDS.") =>
        Field<NonNullGraphType<RealisationStatusType>>("current").Description("The realisation's status.").Resolve(ctx => ctx.Source.Current);
}
