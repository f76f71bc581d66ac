using System.ComponentModel;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>A comment on a proposal, or a reply to one (one level deep, as in Decidim and CONSUL).</summary>
public sealed class ProposalComment : IEntity
{
    private ProposalComment()
    {
        Text = "";
    }

    private ProposalComment(int proposalId, int? replyToId, int authorPersonId, string? authorDisplayName, string text, DateTime createdAtUtc)
    {
        (ProposalId, ReplyToId, AuthorPersonId, AuthorDisplayName, Text, CreatedAtUtc) = (proposalId, replyToId, authorPersonId, authorDisplayName, text, createdAtUtc);
    }

    public int Id { get; private set; }
    public int ProposalId { get; private set; }

    /// <summary>The comment this one answers; null for a comment on the proposal itself.</summary>
    public int? ReplyToId { get; private set; }

    public int AuthorPersonId { get; private set; }
    public string? AuthorDisplayName { get; private set; }
    public string Text { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string? HiddenReason { get; private set; }

    public const int MaxReplies = 100;

    /// <summary>A new comment, or a reply to a comment on the same proposal that is not itself a reply, while it has room for more.</summary>
    public static Result<ProposalComment> Write(int proposalId, ProposalComment? replyTo, int repliesSoFar, int authorPersonId, string? authorDisplayName, string text, DateTime utcNow)
    {
        var refusals = new Refusals();
        if (replyTo?.ReplyToId is not null)
            refusals.Add(new ReplyToReply(CompetitionTexts.ReplyToReply.Format()) { Field = ["replyToId"] });
        else if (replyTo is not null && repliesSoFar >= MaxReplies)
            refusals.Invalid("replyToId", RefusalCodes.TooManyItems, CompetitionTexts.TooManyReplies.Format(MaxReplies));
        var trimmed = text.Trim();
        refusals.Required("text", trimmed);
        refusals.MaxLength("text", trimmed, ProposalRules.MaxCommentLength);
        if (refusals.Any) return refusals;
        return new ProposalComment(proposalId, replyTo?.Id, authorPersonId, authorDisplayName, trimmed, utcNow);
    }

}

/// <summary>A colleague's report that a comment breaks the rules, for the moderators' queue. Who reported it is kept only so nobody reports twice.</summary>
public sealed class CommentReport : IEntity
{
    private CommentReport()
    {
        Reason = "";
    }

    public int Id { get; private set; }
    public int CommentId { get; private set; }
    public int ReporterPersonId { get; private set; }
    public string Reason { get; private set; }
    public DateTime ReportedAtUtc { get; private set; }
    public CommentReportState State { get; private set; } = CommentReportState.Open;
    public string? Resolution { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }

    /// <summary>A report, unless the reporter wrote the comment or the reason breaks the rules; reporting twice is caught by the store.</summary>
    public static Result<CommentReport> File(ProposalComment comment, int reporterPersonId, string reason, DateTime utcNow)
    {
        var refusals = new Refusals();
        if (comment.AuthorPersonId == reporterPersonId)
            refusals.Add(new OwnComment(CompetitionTexts.OwnComment.Format()) { Field = ["commentId"] });
        else if (ProposalRules.CheckReason(refusals, reason) is { } trimmed)
            return new CommentReport { CommentId = comment.Id, ReporterPersonId = reporterPersonId, Reason = trimmed, ReportedAtUtc = utcNow };
        return refusals;
    }

}

public enum CommentReportState
{
    [Description("Waiting for a moderator.")]
    Open = 1,

    [Description("A moderator hid the comment.")]
    Hidden = 2,

    [Description("A moderator found nothing wrong and left the comment as it is.")]
    Dismissed = 3,
}
