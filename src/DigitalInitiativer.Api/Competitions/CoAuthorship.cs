using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

public sealed class CoAuthorInvitationStateType : EnumerationGraphType<CoAuthorInvitationState>
{
    public CoAuthorInvitationStateType()
    {
        Name = "CoAuthorInvitationState";
        Description = "The answer to an invitation to co-author a proposal.";
    }
}

/// <summary>An invitation as the invited colleague sees it: the proposal, and who asked.</summary>
public sealed record CoAuthorInvitationView(CoAuthorInvitation Invitation, string? InvitedBy);

public sealed class CoAuthorInvitationType : ObjectGraphType<CoAuthorInvitationView>
{
    public CoAuthorInvitationType()
    {
        Name = "CoAuthorInvitation";
        Description = "An invitation to co-author a proposal. Answer it with acceptCoAuthorship or declineCoAuthorship.";
        Field<NonNullGraphType<ProposalType>>("proposal").Description("The proposal.").Resolve(ctx => ctx.LoadById<Proposal>(ctx.Source.Invitation.ProposalId));
        Field<StringGraphType>("invitedBy").Description("The lead author's name as given at sign-in; null if none was given.").Resolve(ctx => ctx.Source.InvitedBy);
        Field<NonNullGraphType<DateTimeGraphType>>("invitedAt").Description("When the invitation was sent (UTC).")
            .Resolve(ctx => DateTime.SpecifyKind(ctx.Source.Invitation.InvitedAtUtc, DateTimeKind.Utc));
        Field<NonNullGraphType<CoAuthorInvitationStateType>>("state").Description("Whether it is answered.").Resolve(ctx => ctx.Source.Invitation.State);
    }
}

public sealed class CoAuthorshipInputType : InputObjectGraphType
{
    public CoAuthorshipInputType()
    {
        Name = "CoAuthorshipInput";
        Description = "The proposal whose invitation to answer.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal the caller was invited to co-author.");
        Field<BooleanGraphType>("hideName").Description("When accepting: whether to hide the caller's name from other employees. Left out, the lead author's choice.");
    }
}

public sealed class AcceptCoAuthorshipErrorType() : UserErrorUnion("AcceptCoAuthorshipError", "acceptCoAuthorship",
    typeof(NotFoundErrorType), typeof(InvitationAlreadyAnsweredErrorType), typeof(InvitationClosedErrorType), typeof(WrongPhaseErrorType), typeof(PersonNotLinkedErrorType));

public sealed class DeclineCoAuthorshipErrorType() : UserErrorUnion("DeclineCoAuthorshipError", "declineCoAuthorship",
    typeof(NotFoundErrorType), typeof(InvitationAlreadyAnsweredErrorType), typeof(PersonNotLinkedErrorType));

/// <summary>Consent: a colleague named as co-author becomes one, and counts as taking part, only when they accept.</summary>
public static class CoAuthorshipMutations
{
    public static void AddCoAuthorshipMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, AcceptCoAuthorshipErrorType>>>("acceptCoAuthorship")
            .Description("Accepts an invitation to co-author a proposal: the caller becomes a co-author, under the proposal's choice to show or hide its authors' names. "
                + "Possible while the proposal is SUBMITTED or ACCEPTED and before voting opens.")
            .Argument<NonNullGraphType<CoAuthorshipInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveAsync(async ctx => await AnswerAsync(ctx, accept: true));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, DeclineCoAuthorshipErrorType>>>("declineCoAuthorship")
            .Description("Declines an invitation to co-author a proposal. The caller is not named on it and does not count as taking part.")
            .Argument<NonNullGraphType<CoAuthorshipInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveAsync(async ctx => await AnswerAsync(ctx, accept: false));
    }

    public static void AddCoAuthorInvitationsField(this ObjectGraphType<ViewerInfo> viewer)
    {
        viewer.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoAuthorInvitationType>>>>("coAuthorInvitations")
            .Description("Invitations to co-author a proposal that wait for the caller's answer, newest first. Invitations to a proposal that was withdrawn, "
                + "rejected or merged are not listed: it takes no co-authors.")
            .ResolveAsync(async ctx =>
            {
                if (ctx.Source.PersonId is not { } me) return new List<CoAuthorInvitationView>();
                var db = ctx.Db();
                return await db.CoAuthorInvitations().Where(i => i.PersonId == me && i.State == CoAuthorInvitationState.Pending
                        && db.Proposals().Any(p => p.Id == i.ProposalId && (p.State == ProposalState.Submitted || p.State == ProposalState.Accepted)))
                    .OrderByDescending(i => i.InvitedAtUtc).ThenByDescending(i => i.ProposalId)
                    .Select(i => new CoAuthorInvitationView(i, db.ProposalAuthors().Where(a => a.ProposalId == i.ProposalId && a.IsLead).Select(a => a.DisplayName).FirstOrDefault()))
                    .ToListAsync(ctx.CancellationToken);
            });
    }

    private static async Task<Payload<Proposal>> AnswerAsync(IResolveFieldContext context, bool accept)
    {
        var db = context.Db();
        var viewer = context.Viewer();
        if (await viewer.PersonIdAsync(context.CancellationToken) is not { } me) return ProposalMutations.NotLinked();
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var globalId = (string)input["proposalId"]!;
        var proposalId = GlobalId.TryParseKey(globalId, ProposalType.TypeName);
        var invitation = proposalId is null ? null
            : await db.CoAuthorInvitations().AsTracking().SingleOrDefaultAsync(i => i.ProposalId == proposalId && i.PersonId == me, context.CancellationToken);
        if (invitation is null)
            return Payload<Proposal>.Failed(new NotFoundError("You have no invitation to co-author a proposal with this id.", ["input", "proposalId"], globalId));
        if (invitation.State != CoAuthorInvitationState.Pending)
            return Payload<Proposal>.Failed(new InvitationAlreadyAnsweredError($"You have already {invitation.State.GraphQLName().ToLowerInvariant()} this invitation.",
                ["input", "proposalId"], invitation.State));

        var proposal = await db.Proposals().AsTracking().SingleAsync(p => p.Id == invitation.ProposalId, context.CancellationToken);
        if (accept)
        {
            if (proposal.State is not (ProposalState.Submitted or ProposalState.Accepted))
                return Payload<Proposal>.Failed(new InvitationClosedError($"The proposal is {proposal.State.GraphQLName()} and takes no new co-authors.", ["input", "proposalId"], proposal.State));
            var phase = (await db.Competitions().SingleAsync(c => c.Id == proposal.CompetitionId, context.CancellationToken)).PhaseAt(context.Now());
            if (phase >= CompetitionPhase.Voting)
                return Payload<Proposal>.Failed(new WrongPhaseError($"Co-authors can join until voting opens; the competition is in {phase.GraphQLName()}.", ["input", "proposalId"], phase));
            db.ProposalAuthors().Add(new ProposalAuthor
            {
                ProposalId = proposal.Id, PersonId = me, DisplayName = viewer.User.FindFirst("name")?.Value,
                HideName = input.TryGetValue("hideName", out var hide) && hide is bool hideName ? hideName : proposal.HideAuthorNames,
            });
        }
        invitation.State = accept ? CoAuthorInvitationState.Accepted : CoAuthorInvitationState.Declined;
        await db.SaveChangesAsync(context.CancellationToken);
        return Payload<Proposal>.Ok(proposal);
    }
}
