using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>Staff report comments; moderators (initiative managers and administrators) hide the comment or dismiss the report, with a reason.</summary>
public sealed class CommentModeration(AppDbContext db, Viewer viewer, Notifier notifier, TimeProvider clock)
{
    public async Task<Result<CommentReport>> ReportAsync(ReportCommentInput input, CancellationToken cancellationToken)
    {
        if (await viewer.PersonIdAsync(cancellationToken) is not { } reporter) return PersonNotLinked.Instance;
        if (await FindCommentAsync(input.CommentId, cancellationToken) is not { } comment) return new NotFound("No comment has this id.", input.CommentId) { Field = ["commentId"] };
        if (comment.HiddenReason is not null) return new AlreadyReported("A moderator has already hidden this comment.") { Field = ["commentId"] };
        if (await db.CommentReports().AnyAsync(r => r.CommentId == comment.Id && r.ReporterPersonId == reporter, cancellationToken))
            return new AlreadyReported("You have already reported this comment.") { Field = ["commentId"] };
        var filed = CommentReport.File(comment, reporter, input.Reason, clock.GetUtcNow().UtcDateTime);
        if (!filed.Succeeded) return filed;
        db.CommentReports().Add(filed.Value!);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index caught a second report sent at the same moment.
            db.ChangeTracker.Clear();
            if (await db.CommentReports().AnyAsync(r => r.CommentId == comment.Id && r.ReporterPersonId == reporter, cancellationToken))
                return new AlreadyReported("You have already reported this comment.") { Field = ["commentId"] };
            throw;
        }
        return filed;
    }

    /// <summary>Hides the comment, closes its open reports, and tells its author why.</summary>
    public async Task<Result<ProposalComment>> HideAsync(string commentId, string reason, CancellationToken cancellationToken)
    {
        if (await FindCommentAsync(commentId, cancellationToken) is not { } comment) return new NotFound("No comment has this id.", commentId) { Field = ["commentId"] };
        var wasHidden = comment.HiddenReason is not null;
        var refusals = comment.Hide(reason);
        if (refusals.Any) return refusals;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var report in await db.CommentReports().AsTracking().Where(r => r.CommentId == comment.Id && r.State == CommentReportState.Open).ToListAsync(cancellationToken))
            report.Resolve(CommentReportState.Hidden, reason, now);
        if (!wasHidden && await db.Persons().AnyAsync(p => p.Id == comment.AuthorPersonId && p.ErasedAtUtc == null, cancellationToken))
        {
            var title = await db.Proposals().Where(p => p.Id == comment.ProposalId).Select(p => p.Title).SingleAsync(cancellationToken);
            notifier.Notify([comment.AuthorPersonId], NotificationKind.CommentHidden, GlobalId.Encode(ProposalType.TypeName, comment.ProposalId), title, comment.HiddenReason);
        }
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync(cancellationToken);
        return comment;
    }

    public async Task<Result<CommentReport>> ResolveAsync(ResolveCommentReportInput input, CancellationToken cancellationToken)
    {
        var report = GlobalId.TryParseKey(input.ReportId, CommentReportType.TypeName) is { } id
            ? await db.CommentReports().AsTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            : null;
        if (report is null) return new NotFound("No report has this id.", input.ReportId) { Field = ["reportId"] };
        if (report.State != CommentReportState.Open)
            return new ReportAlreadyResolved($"This report was already {report.State.GraphQLName()}.", report.State) { Field = ["reportId"] };
        if (input.Decision == ModerationDecision.HideComment)
        {
            var hidden = await HideAsync(GlobalId.Encode(ProposalCommentType.TypeName, report.CommentId), input.Reason, cancellationToken);
            if (!hidden.Succeeded) return Result<CommentReport>.Refused(hidden.Refusals);
            return report;
        }
        var refusals = report.Resolve(CommentReportState.Dismissed, input.Reason, clock.GetUtcNow().UtcDateTime);
        if (refusals.Any) return refusals;
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    private async Task<ProposalComment?> FindCommentAsync(string globalId, CancellationToken cancellationToken) =>
        GlobalId.TryParseKey(globalId, ProposalCommentType.TypeName) is { } id
            ? await db.ProposalComments().AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;
}

public enum ModerationDecision
{
    [System.ComponentModel.Description("Hide the comment from everyone; its author is told the reason, and every open report of it is closed.")]
    HideComment = 1,

    [System.ComponentModel.Description("Leave the comment as it is and close this report.")]
    Dismiss = 2,
}

public sealed class ReportCommentInput
{
    public string CommentId { get; set; } = "";
    public string Reason { get; set; } = "";
}

public sealed class ResolveCommentReportInput
{
    public string ReportId { get; set; } = "";
    public ModerationDecision Decision { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class ModerationDecisionType : EnumerationGraphType<ModerationDecision>
{
    public ModerationDecisionType()
    {
        Name = "ModerationDecision";
        Description = "What a moderator decides about a reported comment.";
    }
}

public sealed class CommentReportStateType : EnumerationGraphType<CommentReportState>
{
    public CommentReportStateType()
    {
        Name = "CommentReportState";
        Description = "Where a report of a comment stands.";
    }
}

public sealed class ReportCommentInputType : InputObjectGraphType<ReportCommentInput>
{
    public ReportCommentInputType()
    {
        Name = "ReportCommentInput";
        Description = "Reports a comment to the moderators. Moderators see the reason, not who reported it.";
        Field<NonNullGraphType<IdGraphType>>("commentId").Description("The comment, written by someone else.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description($"What is wrong with it, 1 to {ProposalRules.MaxTextLength} characters.");
    }
}

public sealed class ResolveCommentReportInputType : InputObjectGraphType<ResolveCommentReportInput>
{
    public ResolveCommentReportInputType()
    {
        Name = "ResolveCommentReportInput";
        Description = "A moderator's decision on an open report.";
        Field<NonNullGraphType<IdGraphType>>("reportId").Description("The report, which must be OPEN.");
        Field<NonNullGraphType<ModerationDecisionType>>("decision").Description("Hide the comment, or dismiss the report.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why. When hiding, it is shown in the comment's place and sent to its author.");
    }
}

public sealed class CommentReportType : NodeType<CommentReport>
{
    public const string TypeName = "CommentReport";

    public CommentReportType() : base(TypeName, "A report that a comment breaks the rules, in the moderators' queue. It does not say who reported it.")
    {
        Field<NonNullGraphType<ProposalCommentType>>("comment").Description("The comment reported, with its text even when hidden, for the moderator.")
            .ResolveById<CommentReport, ProposalComment>(r => r.CommentId);
        Field(r => r.Reason).Description("Why it was reported.");
        Field<NonNullGraphType<DateTimeGraphType>>("reportedAt").Description("When (UTC).").Resolve(ctx => DateTime.SpecifyKind(ctx.Source.ReportedAtUtc, DateTimeKind.Utc));
        Field<NonNullGraphType<CommentReportStateType>>("state").Description("Open, or how a moderator decided.").Resolve(ctx => ctx.Source.State);
        Field(r => r.Resolution, nullable: true).Description("The moderator's reason; null while OPEN.");
    }
}

public sealed class ReportCommentErrorType() : UserErrorUnion("ReportCommentError", "reportComment",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(OwnCommentErrorType), typeof(AlreadyReportedErrorType), typeof(PersonNotLinkedErrorType));
public sealed class ResolveCommentReportErrorType() : UserErrorUnion("ResolveCommentReportError", "resolveCommentReport",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(ReportAlreadyResolvedErrorType));

public sealed class CommentReportFilter
{
    public List<CommentReportState>? States { get; set; }
}

public sealed class CommentReportFilterType : InputObjectGraphType<CommentReportFilter>
{
    public CommentReportFilterType()
    {
        Name = "CommentReportFilter";
        Description = "Which reports to list.";
        Field<ListGraphType<NonNullGraphType<CommentReportStateType>>>("states").Description("Only reports in one of these states. Default [OPEN].");
    }
}

public static class CommentModerationFields
{
    private static readonly KeysetOrder<CommentReport> OldestFirst = KeysetOrder<CommentReport>.ById("oldest", r => r.Id, descending: false);

    public static void AddCommentModerationQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<CommentReportType, CommentReport>>>("commentReports")
            .Description("The moderators' queue: reported comments, oldest first, open ones by default. For initiative managers and administrators.")
            .PagingArguments()
            .Argument<CommentReportFilterType>("where", "Which reports.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<AppDbContext>()
            .ResolveAsync(async (ctx, db) =>
            {
                var states = ctx.GetArgument<CommentReportFilter?>("where")?.States is { Count: > 0 } given ? given : [CommentReportState.Open];
                return await db.CommentReports().Where(r => states.Contains(r.State)).ToConnectionAsync(OldestFirst, PageRequest.From(ctx), ctx.CancellationToken);
            });

    public static void AddCommentModerationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<CommentReportType, CommentReport, ReportCommentErrorType>>>("reportComment")
            .Description("Reports a colleague's comment to the moderators, with a reason. Once per comment; not your own.")
            .Argument<NonNullGraphType<ReportCommentInputType>>("input", "The comment and the reason.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<CommentModeration>()
            .ResolveAsync(async (ctx, moderation) => await moderation.ReportAsync(ctx.GetArgument<ReportCommentInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<CommentReportType, CommentReport, ResolveCommentReportErrorType>>>("resolveCommentReport")
            .Description("Decides an open report: hide the comment (its author is told the reason) or dismiss the report. For moderators.")
            .Argument<NonNullGraphType<ResolveCommentReportInputType>>("input", "The report, the decision and the reason.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<CommentModeration>()
            .ResolveAsync(async (ctx, moderation) => await moderation.ResolveAsync(ctx.GetArgument<ResolveCommentReportInput>("input"), ctx.CancellationToken));
    }
}
