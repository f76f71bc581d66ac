using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Api.SeedWork;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>
/// Staff report comments; moderators (initiative managers and administrators) hide the comment or dismiss the report,
/// with a reason. A comment is hidden, and a report decided, once: the writes are conditional, so two moderators at the
/// same moment cannot both decide, nor tell an author twice.
/// </summary>
public sealed class CommentModeration(AppDbContext db, Viewer viewer, CompetitionScope scope, AuthorNotices notices, Notifier notifier, TimeProvider clock)
{
    public async Task<Result<CommentReport>> ReportAsync(ReportCommentInput input, CancellationToken cancellationToken)
    {
        if (await viewer.PersonIdAsync(cancellationToken) is not { } reporter) return PersonNotLinked.Instance;
        if (await FindCommentAsync(input.CommentId, cancellationToken) is not { } comment) return new NotFound(CompetitionTexts.NoComment.Format(), input.CommentId) { Field = ["commentId"] };
        var competitionId = await db.Proposals().Where(p => p.Id == comment.ProposalId).Select(p => p.CompetitionId).SingleAsync(cancellationToken);
        if (await scope.CheckAsync(competitionId, reporter, cancellationToken) is { } outside) return outside;
        if (comment.HiddenReason is not null) return new CommentAlreadyHidden(CompetitionTexts.CommentAlreadyHidden.Format()) { Field = ["commentId"] };
        if (await AlreadyReportedAsync(comment.Id, reporter, cancellationToken)) return new AlreadyReported(CompetitionTexts.AlreadyReported.Format()) { Field = ["commentId"] };
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
            if (await AlreadyReportedAsync(comment.Id, reporter, cancellationToken)) return new AlreadyReported(CompetitionTexts.AlreadyReported.Format()) { Field = ["commentId"] };
            throw;
        }
        return filed;
    }

    /// <summary>Hides the comment, closes its open reports, and tells its author why. A hidden comment stays hidden, with its first reason.</summary>
    public async Task<Result<ProposalComment>> HideAsync(string commentId, string reason, CancellationToken cancellationToken)
    {
        if (await FindCommentAsync(commentId, cancellationToken) is not { } comment) return new NotFound(CompetitionTexts.NoComment.Format(), commentId) { Field = ["commentId"] };
        var refusals = new Refusals();
        if (ProposalRules.CheckReason(refusals, reason) is not { } trimmed) return refusals;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hiddenNow = await db.ProposalComments().Where(c => c.Id == comment.Id && c.HiddenReason == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.HiddenReason, trimmed), cancellationToken) == 1;
        // Also reports that came in just after an earlier hide: every open report of a hidden comment is closed, with the reason it was hidden for.
        var hiddenFor = await db.ProposalComments().Where(c => c.Id == comment.Id).Select(c => c.HiddenReason!).SingleAsync(cancellationToken);
        await db.CommentReports().Where(r => r.CommentId == comment.Id && r.State == CommentReportState.Open)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.State, CommentReportState.Hidden).SetProperty(x => x.Resolution, hiddenFor).SetProperty(x => x.ResolvedAtUtc, now), cancellationToken);
        if (hiddenNow)
        {
            var title = await db.Proposals().Where(p => p.Id == comment.ProposalId).Select(p => p.Title).SingleAsync(cancellationToken);
            await notices.TellAsync(db.ProposalComments().Where(c => c.Id == comment.Id).Select(c => c.AuthorPersonId), NotificationKind.CommentHidden,
                comment.ProposalId, title, trimmed, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        await notifier.PublishAsync();
        return await db.ProposalComments().SingleAsync(c => c.Id == comment.Id, cancellationToken);
    }

    public async Task<Result<CommentReport>> ResolveAsync(ResolveCommentReportInput input, CancellationToken cancellationToken)
    {
        var report = GlobalId.TryParseKey(input.ReportId, CommentReportType.TypeName) is { } id
            ? await db.CommentReports().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            : null;
        if (report is null) return new NotFound(CompetitionTexts.NoReport.Format(), input.ReportId) { Field = ["reportId"] };
        if (report.State != CommentReportState.Open) return AlreadyResolved(report.State);
        var refusals = new Refusals();
        if (ProposalRules.CheckReason(refusals, input.Reason) is not { } trimmed) return refusals;

        if (input.Decision == ModerationDecision.HideComment)
        {
            var hidden = await HideAsync(GlobalId.Encode(ProposalCommentType.TypeName, report.CommentId), trimmed, cancellationToken);
            if (!hidden.Succeeded) return Result<CommentReport>.Refused(hidden.Refusals);
        }
        else if (await db.CommentReports().Where(r => r.Id == report.Id && r.State == CommentReportState.Open)
                     .ExecuteUpdateAsync(r => r.SetProperty(x => x.State, CommentReportState.Dismissed).SetProperty(x => x.Resolution, trimmed)
                         .SetProperty(x => x.ResolvedAtUtc, clock.GetUtcNow().UtcDateTime), cancellationToken) == 0)
        {
            return AlreadyResolved(await db.CommentReports().Where(r => r.Id == report.Id).Select(r => r.State).SingleAsync(cancellationToken));
        }
        return await db.CommentReports().SingleAsync(r => r.Id == report.Id, cancellationToken);
    }

    private static ReportAlreadyResolved AlreadyResolved(CommentReportState state) =>
        new(CompetitionTexts.ReportAlreadyResolved.Format(state.GraphQLName()), state) { Field = ["reportId"] };

    private Task<bool> AlreadyReportedAsync(int commentId, int reporter, CancellationToken cancellationToken) =>
        db.CommentReports().AnyAsync(r => r.CommentId == commentId && r.ReporterPersonId == reporter, cancellationToken);

    private async Task<ProposalComment?> FindCommentAsync(string globalId, CancellationToken cancellationToken) =>
        GlobalId.TryParseKey(globalId, ProposalCommentType.TypeName) is { } id
            ? await db.ProposalComments().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
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
        Field<NonNullGraphType<ProposalCommentType>>("comment").Description("The comment reported, and through it the proposal. Its text is there while the report is open; once hidden, it is gone for everyone.")
            .ResolveById<CommentReport, ProposalComment>(r => r.CommentId);
        Field(r => r.Reason).Description("Why it was reported.");
        Field<NonNullGraphType<DateTimeGraphType>>("reportedAt").Description("When (UTC).").Resolve(ctx => DateTime.SpecifyKind(ctx.Source.ReportedAtUtc, DateTimeKind.Utc));
        Field<NonNullGraphType<CommentReportStateType>>("state").Description("Open, or how a moderator decided.").Resolve(ctx => ctx.Source.State);
        Field(r => r.Resolution, nullable: true).Description("The moderator's reason; null while OPEN.");
    }
}

public sealed class ReportCommentErrorType() : UserErrorUnion("ReportCommentError", "reportComment",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(OwnCommentErrorType), typeof(AlreadyReportedErrorType), typeof(CommentAlreadyHiddenErrorType),
    typeof(OutsideCompetitionUnitErrorType), typeof(PersonNotLinkedErrorType));
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
            .Description("Reports a colleague's comment to the moderators, with a reason. Once per comment, never your own, and only in a competition you may take part in.")
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
