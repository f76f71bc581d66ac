using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.Identity;
using GraphQL.MicrosoftDI;
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
        Field<NonNullGraphType<ProposalType>>("proposal").Description("The proposal.").ResolveById<CoAuthorInvitationView, Proposal>(v => v.Invitation.ProposalId);
        Field<StringGraphType>("invitedBy").Description("The lead author's name as given at sign-in; null if none was given.").Resolve(ctx => ctx.Source.InvitedBy);
        Field<NonNullGraphType<DateTimeGraphType>>("invitedAt").Description("When the invitation was sent (UTC).")
            .Resolve(ctx => DateTime.SpecifyKind(ctx.Source.Invitation.InvitedAtUtc, DateTimeKind.Utc));
        Field<NonNullGraphType<CoAuthorInvitationStateType>>("state").Description("Whether it is answered.").Resolve(ctx => ctx.Source.Invitation.State);
    }
}

/// <summary>me.coAuthorInvitations: what waits for the caller's answer.</summary>
public sealed class OwnCoAuthorInvitations : IFieldsFor<ViewerType>
{
    public void AddTo(ViewerType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoAuthorInvitationType>>>>("coAuthorInvitations")
            .Description("Invitations to co-author a proposal that wait for the caller's answer, newest first. Invitations to a proposal that was withdrawn, "
                + "rejected or merged are not listed: it takes no co-authors.")
            .Resolve().WithService<AppDbContext>()
            .ResolveAsync(async (ctx, db) =>
            {
                if (ctx.Source.PersonId is not { } me) return new List<CoAuthorInvitationView>();
                return await db.CoAuthorInvitations().Where(i => i.PersonId == me && i.State == CoAuthorInvitationState.Pending
                        && db.Proposals().Any(p => p.Id == i.ProposalId && (p.State == ProposalState.Submitted || p.State == ProposalState.Accepted)))
                    .OrderByDescending(i => i.InvitedAtUtc).ThenByDescending(i => i.ProposalId)
                    .Select(i => new CoAuthorInvitationView(i, db.ProposalAuthors().Where(a => a.ProposalId == i.ProposalId && a.IsLead).Select(a => a.DisplayName).FirstOrDefault()))
                    .ToListAsync(ctx.CancellationToken);
            });
}
