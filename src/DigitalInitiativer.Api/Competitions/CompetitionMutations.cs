using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.Identity;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Competitions;

public sealed class ConfigureCompetitionErrorType() : UserErrorUnion("ConfigureCompetitionError", "configureCompetition",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(RulesLockedErrorType), typeof(PhaseBackwardsErrorType));
public sealed class AdvanceCompetitionPhaseErrorType() : UserErrorUnion("AdvanceCompetitionPhaseError", "advanceCompetitionPhase",
    typeof(NotFoundErrorType), typeof(PhaseBackwardsErrorType));
public sealed class SubmitProposalErrorType() : UserErrorUnion("SubmitProposalError", "submitProposal",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(ProposalLimitReachedErrorType), typeof(PersonNotLinkedErrorType), typeof(OutsideCompetitionUnitErrorType));
public sealed class UpdateProposalErrorType() : UserErrorUnion("UpdateProposalError", "updateProposal",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(NotAuthorErrorType), typeof(InvalidTransitionErrorType));
public sealed class WithdrawProposalErrorType() : UserErrorUnion("WithdrawProposalError", "withdrawProposal",
    typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(NotAuthorErrorType), typeof(InvalidTransitionErrorType));
public sealed class AcceptProposalErrorType() : UserErrorUnion("AcceptProposalError", "acceptProposal",
    typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(InvalidTransitionErrorType));
public sealed class RejectProposalErrorType() : UserErrorUnion("RejectProposalError", "rejectProposal",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(InvalidTransitionErrorType));
public sealed class MergeProposalErrorType() : UserErrorUnion("MergeProposalError", "mergeProposal",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(InvalidTransitionErrorType));
public sealed class SelectProposalErrorType() : UserErrorUnion("SelectProposalError", "selectProposal",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(InvalidTransitionErrorType));
public sealed class RealiseProposalErrorType() : UserErrorUnion("RealiseProposalError", "realiseProposal",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(InvalidTransitionErrorType));
public sealed class CastVoteErrorType() : UserErrorUnion("CastVoteError", "castVote",
    typeof(VotingClosedErrorType), typeof(VoteBudgetExhaustedErrorType), typeof(OwnProposalErrorType), typeof(NotFoundErrorType),
    typeof(ProposalNotOpenForVotingErrorType), typeof(PersonNotLinkedErrorType), typeof(OutsideCompetitionUnitErrorType));
public sealed class RetractVoteErrorType() : UserErrorUnion("RetractVoteError", "retractVote",
    typeof(VotingClosedErrorType), typeof(NotFoundErrorType), typeof(ProposalNotOpenForVotingErrorType), typeof(PersonNotLinkedErrorType));
public sealed class AddCommentErrorType() : UserErrorUnion("AddCommentError", "addComment",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(ReplyToReplyErrorType), typeof(PersonNotLinkedErrorType), typeof(OutsideCompetitionUnitErrorType));
public sealed class HideCommentErrorType() : UserErrorUnion("HideCommentError", "hideComment",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType));
public sealed class AcceptCoAuthorshipErrorType() : UserErrorUnion("AcceptCoAuthorshipError", "acceptCoAuthorship",
    typeof(NotFoundErrorType), typeof(InvitationAlreadyAnsweredErrorType), typeof(InvitationClosedErrorType), typeof(WrongPhaseErrorType), typeof(PersonNotLinkedErrorType), typeof(OutsideCompetitionUnitErrorType));
public sealed class DeclineCoAuthorshipErrorType() : UserErrorUnion("DeclineCoAuthorshipError", "declineCoAuthorship",
    typeof(NotFoundErrorType), typeof(InvitationAlreadyAnsweredErrorType), typeof(PersonNotLinkedErrorType));

/// <summary>The competition's mutations: each maps its input to one call of a service and returns the result as its payload.</summary>
public static class CompetitionMutations
{
    public static void AddCompetitionMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<IdeaCompetitionType, IdeaCompetition, ConfigureCompetitionErrorType>>>("configureCompetition")
            .Description("Sets a competition's rules and/or schedule.")
            .Argument<NonNullGraphType<ConfigureCompetitionInputType>>("input", "The rules and schedule.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<CompetitionService>()
            .ResolveAsync(async (ctx, competitions) => await competitions.ConfigureAsync(ctx.GetArgument<ConfigureCompetitionInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<IdeaCompetitionType, IdeaCompetition, AdvanceCompetitionPhaseErrorType>>>("advanceCompetitionPhase")
            .Description("Moves a competition on to a later phase by hand. Phases never move backwards.")
            .Argument<NonNullGraphType<AdvanceCompetitionPhaseInputType>>("input", "The competition and the phase.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<CompetitionService>()
            .ResolveAsync(async (ctx, competitions) => await competitions.AdvanceAsync(ctx.GetArgument<AdvanceCompetitionPhaseInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, SubmitProposalErrorType>>>("submitProposal")
            .Description("Submits a proposal to a competition in SUBMISSION. The caller is its lead author.")
            .Argument<NonNullGraphType<SubmitProposalInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<ProposalService>()
            .ResolveAsync(async (ctx, proposals) => await proposals.SubmitAsync(ctx.GetArgument<SubmitProposalInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, UpdateProposalErrorType>>>("updateProposal")
            .Description("Lets an author change their proposal while the competition is in SUBMISSION.")
            .Argument<NonNullGraphType<UpdateProposalInputType>>("input", "The changes.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<ProposalService>()
            .ResolveAsync(async (ctx, proposals) => await proposals.UpdateAsync(ctx.GetArgument<UpdateProposalInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, WithdrawProposalErrorType>>>("withdrawProposal")
            .Description("Lets an author withdraw their proposal while the competition is in SUBMISSION.")
            .Argument<NonNullGraphType<ProposalIdInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<ProposalService>()
            .ResolveAsync(async (ctx, proposals) => await proposals.WithdrawAsync(ctx.GetArgument<ProposalIdInput>("input").ProposalId, ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, AcceptProposalErrorType>>>("acceptProposal")
            .Description("Accepts a submitted proposal, which opens it for voting. During SUBMISSION or REVIEW.")
            .Argument<NonNullGraphType<ProposalIdInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<ProposalService>()
            .ResolveAsync(async (ctx, proposals) => await proposals.AcceptAsync(ctx.GetArgument<ProposalIdInput>("input").ProposalId, ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, RejectProposalErrorType>>>("rejectProposal")
            .Description("Rejects a submitted proposal with a reason. During SUBMISSION or REVIEW.")
            .Argument<NonNullGraphType<RejectProposalInputType>>("input", "The proposal and the reason.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<ProposalService>()
            .ResolveAsync(async (ctx, proposals) => await proposals.RejectAsync(ctx.GetArgument<RejectProposalInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, MergeProposalErrorType>>>("mergeProposal")
            .Description("Merges a proposal into another in the same competition: its votes and authors move across. "
                + "A voter who voted for both keeps one vote and gets the other back. During SUBMISSION, REVIEW or VOTING. Returns the proposal merged away.")
            .Argument<NonNullGraphType<MergeProposalInputType>>("input", "The two proposals.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<ProposalService>()
            .ResolveAsync(async (ctx, proposals) => await proposals.MergeAsync(ctx.GetArgument<MergeProposalInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, SelectProposalErrorType>>>("selectProposal")
            .Description("Selects an accepted proposal as a winner, with a reason its authors are told. When the competition is CLOSED or its results are published.")
            .Argument<NonNullGraphType<SelectProposalInputType>>("input", "The proposal and the reason.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<ProposalService>()
            .ResolveAsync(async (ctx, proposals) => await proposals.SelectAsync(ctx.GetArgument<SelectProposalInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, RealiseProposalErrorType>>>("realiseProposal")
            .Description("Starts the realisation of a selected proposal: its status (PLANNED, IN_PROGRESS, or DONE with the day it was put into use), what it is, and the initiative or solution it became. Its authors are told.")
            .Argument<NonNullGraphType<RealiseProposalInputType>>("input", "The realisation.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<ProposalService>()
            .ResolveAsync(async (ctx, proposals) => await proposals.RealiseAsync(ctx.GetArgument<RealiseProposalInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, CastVoteErrorType>>>("castVote")
            .Description("Votes for a proposal. Casting the same vote again changes nothing and is not an error.")
            .Argument<NonNullGraphType<CastVoteInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<VotingService>()
            .ResolveAsync(async (ctx, voting) => await voting.CastAsync(ctx.GetArgument<ProposalIdInput>("input").ProposalId, ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, RetractVoteErrorType>>>("retractVote")
            .Description("Takes a vote back, which returns it to the caller's budget. Retracting a vote that was not cast changes nothing.")
            .Argument<NonNullGraphType<RetractVoteInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<VotingService>()
            .ResolveAsync(async (ctx, voting) => await voting.RetractAsync(ctx.GetArgument<ProposalIdInput>("input").ProposalId, ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalCommentType, ProposalComment, AddCommentErrorType>>>("addComment")
            .Description("Comments on a proposal, or replies to a comment on it (replyToId; one level deep). Possible once the competition has left DRAFT.")
            .Argument<NonNullGraphType<AddCommentInputType>>("input", "The comment.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<CommentService>()
            .ResolveAsync(async (ctx, comments) => await comments.AddAsync(ctx.GetArgument<AddCommentInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalCommentType, ProposalComment, HideCommentErrorType>>>("hideComment")
            .Description("Hides a comment, with a reason shown in its place and sent to its author; its open reports are closed. For moderators (initiative managers and administrators).")
            .Argument<NonNullGraphType<HideCommentInputType>>("input", "The comment and the reason.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<CommentModeration>()
            .ResolveAsync(async (ctx, moderation) =>
            {
                var input = ctx.GetArgument<HideCommentInput>("input");
                return await moderation.HideAsync(input.CommentId, input.Reason, ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, AcceptCoAuthorshipErrorType>>>("acceptCoAuthorship")
            .Description("Accepts an invitation to co-author a proposal: the caller becomes a co-author, with their own choice to show or hide their name "
                + "(hidden unless hideName is false). Possible while the proposal is SUBMITTED or ACCEPTED and before voting opens.")
            .Argument<NonNullGraphType<CoAuthorshipInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<CoAuthorshipService>()
            .ResolveAsync(async (ctx, coAuthorship) => await coAuthorship.AnswerAsync(ctx.GetArgument<CoAuthorshipInput>("input"), accept: true, ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, DeclineCoAuthorshipErrorType>>>("declineCoAuthorship")
            .Description("Declines an invitation to co-author a proposal. The caller is not named on it and does not count as taking part.")
            .Argument<NonNullGraphType<CoAuthorshipInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<CoAuthorshipService>()
            .ResolveAsync(async (ctx, coAuthorship) => await coAuthorship.AnswerAsync(ctx.GetArgument<CoAuthorshipInput>("input"), accept: false, ctx.CancellationToken));
    }
}
