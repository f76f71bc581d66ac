using System.ComponentModel;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalInitiativer.Api.Notifications;

/// <summary>
/// A message to one person about something that happened to what they wrote or were invited to. Its texts are not
/// stored: they are written in the reader's language (<see cref="NotificationTexts"/>) from the kind and the subject's
/// title as it was then. A manager's reason is stored as they wrote it.
/// </summary>
public sealed class Notification : IEntity, IPersonData
{
    public const int MaxSubjectLength = 200;
    public const int MaxReasonLength = 4000;

    private Notification()
    {
        SubjectId = Subject = "";
    }

    public Notification(int recipientPersonId, NotificationKind kind, string subjectId, string subject, string? reason, DateTime createdAtUtc)
    {
        (RecipientPersonId, Kind, SubjectId, CreatedAtUtc) = (recipientPersonId, kind, subjectId, createdAtUtc);
        Subject = PlainText.Truncate(subject, MaxSubjectLength);
        Reason = reason;
    }

    public int Id { get; private set; }
    public int RecipientPersonId { get; private set; }
    public NotificationKind Kind { get; private set; }

    /// <summary>The global id of what it is about, e.g. a proposal; fetched with node(id:), so the reader's rights apply.</summary>
    public string SubjectId { get; private set; }

    /// <summary>What it is about, by its title when the notification was sent.</summary>
    public string Subject { get; private set; }

    /// <summary>A manager's or moderator's reason, as they wrote it; null when the kind has none.</summary>
    public string? Reason { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    int IPersonData.SubjectPersonId => RecipientPersonId;
}

/// <summary>What happened. Each kind has its texts in every language in <see cref="NotificationTexts"/>.</summary>
public enum NotificationKind
{
    [Description("A colleague invited the reader to co-author their proposal.")]
    CoAuthorInvited = 1,

    [Description("The reader's proposal was accepted for voting.")]
    ProposalAccepted = 2,

    [Description("The reader's proposal was rejected; reason says why.")]
    ProposalRejected = 3,

    [Description("The reader's proposal was merged into a similar one, whose authors they join; subject is the proposal it was merged into.")]
    ProposalMerged = 4,

    [Description("The reader's proposal was selected as a winner; reason says why.")]
    ProposalSelected = 5,

    [Description("The reader's proposal is being realised.")]
    ProposalRealised = 6,

    [Description("A proposal the reader co-authors was withdrawn by another of its authors.")]
    ProposalWithdrawn = 7,

    [Description("The realisation of the reader's proposal moved on: to IN_PROGRESS or DONE.")]
    RealisationStatusChanged = 8,

    [Description("A moderator hid the reader's comment; reason says why.")]
    CommentHidden = 9,

    [Description("A session the reader was enrolled in, or waiting for, was cancelled; subject is the session, reason says why.")]
    SessionCancelled = 10,

    [Description("A seat came free and the reader moved up from the waiting list; subject is the session.")]
    SeatFromWaitingList = 11,

    [Description("A manager or the session's host cancelled the reader's enrolment; subject is the session.")]
    EnrolmentCancelled = 12,

    [Description("The time, place or link of a session the reader is enrolled in, or waiting for, changed; subject is the session.")]
    SessionChanged = 13,
}

public static class NotificationData
{
    public static DbSet<Notification> Notifications(this AppDbContext db) => db.Set<Notification>();
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("notifications");
        notification.HasIndex(n => new { n.RecipientPersonId, n.Id });
        notification.Property(n => n.SubjectId).HasMaxLength(100);
        notification.Property(n => n.Subject).HasMaxLength(PlainText.StorageLength(Notification.MaxSubjectLength));
        notification.Property(n => n.Reason).HasMaxLength(PlainText.StorageLength(Notification.MaxReasonLength));
        notification.HasOne<Person>().WithMany().HasForeignKey(n => n.RecipientPersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
