using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

public sealed class AddCommentInputType : InputObjectGraphType
{
    public AddCommentInputType()
    {
        Name = "AddCommentInput";
        Description = "A comment on a proposal.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal.");
        Field<NonNullGraphType<StringGraphType>>("text").Description($"The comment, 1 to {ProposalRules.MaxCommentLength} characters.");
    }
}

public sealed class HideCommentInputType : InputObjectGraphType
{
    public HideCommentInputType()
    {
        Name = "HideCommentInput";
        Description = "Hides a comment from everyone, with a reason. A hidden comment stays hidden.";
        Field<NonNullGraphType<IdGraphType>>("commentId").Description("The comment.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why it is hidden; shown in its place.");
    }
}

public sealed class AddCommentErrorType() : UserErrorUnion("AddCommentError", "addComment",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(PersonNotLinkedErrorType));

public sealed class HideCommentErrorType() : UserErrorUnion("HideCommentError", "hideComment",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType));

public static class CommentMutations
{
    public static void AddCommentMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<ProposalCommentType, ProposalComment, AddCommentErrorType>>>("addComment")
            .Description("Comments on a proposal. Possible once the competition has left DRAFT.")
            .Argument<NonNullGraphType<AddCommentInputType>>("input", "The comment.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var db = ctx.Db();
                var viewer = ctx.Viewer();
                if (await viewer.PersonIdAsync(ctx.CancellationToken) is not { } author)
                    return Payload<ProposalComment>.Failed(PersonNotLinkedError.Instance);
                var (proposal, competition, failure) = await ProposalMutations.LoadAsync(db, (string)input["proposalId"]!, ctx.CancellationToken);
                if (failure is not null) return new Payload<ProposalComment>(null, failure.Errors);
                var phase = competition!.PhaseAt(ctx.Now());
                if (phase == CompetitionPhase.Draft)
                    return Payload<ProposalComment>.Failed(new WrongPhaseError("The competition has not opened yet.", ["input", "proposalId"], phase));
                var text = ((string?)input["text"])?.Trim();
                var errors = new UserErrorList("input");
                errors.Required("text", text);
                errors.MaxLength("text", text, ProposalRules.MaxCommentLength);
                if (errors.Any) return Payload<ProposalComment>.Failed(errors);

                var comment = new ProposalComment
                {
                    ProposalId = proposal!.Id, AuthorPersonId = author, AuthorDisplayName = viewer.User.FindFirst("name")?.Value, Text = text!, CreatedAtUtc = ctx.Now(),
                };
                db.ProposalComments().Add(comment);
                await db.SaveChangesAsync(ctx.CancellationToken);
                return Payload<ProposalComment>.Ok(comment);
            });

        mutation.Field<NonNullGraphType<PayloadType<ProposalCommentType, ProposalComment, HideCommentErrorType>>>("hideComment")
            .Description("Hides a comment, with a reason. For moderators (initiative managers and administrators).")
            .Argument<NonNullGraphType<HideCommentInputType>>("input", "The comment and the reason.")
            .AuthorizeWithRoles(Roles.Managers)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var db = ctx.Db();
                var globalId = (string)input["commentId"]!;
                var comment = GlobalId.TryParseKey(globalId, ProposalCommentType.TypeName) is { } id
                    ? await db.ProposalComments().AsTracking().FirstOrDefaultAsync(c => c.Id == id, ctx.CancellationToken)
                    : null;
                if (comment is null) return Payload<ProposalComment>.Failed(new NotFoundError("No comment has this id.", ["input", "commentId"], globalId));
                var reason = ((string?)input["reason"])?.Trim();
                var errors = new UserErrorList("input");
                errors.Required("reason", reason);
                errors.MaxLength("reason", reason, ProposalRules.MaxTextLength);
                if (errors.Any) return Payload<ProposalComment>.Failed(errors);
                comment.HiddenReason = reason;
                await db.SaveChangesAsync(ctx.CancellationToken);
                return Payload<ProposalComment>.Ok(comment);
            });
    }
}
