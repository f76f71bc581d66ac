using DigitalInitiativer.Api.Data;

namespace DigitalInitiativer.Api.Notifications;

/// <summary>
/// Notifications are stored with the change that caused them, in the same transaction, so a refused or failed change
/// tells nobody anything; once it committed, <see cref="PublishAsync"/> hands them to live subscribers.
/// </summary>
public sealed partial class Notifier(AppDbContext db, NotificationEvents events, TimeProvider clock, ILogger<Notifier> logger)
{
    private readonly List<Notification> _pending = [];

    /// <summary>One notification per recipient, added to the change about to be saved. Call it only once every check has passed.</summary>
    public void Notify(IEnumerable<int> recipients, NotificationKind kind, string subjectId, string subject, string? reason = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var recipient in recipients.Distinct())
        {
            var notification = new Notification(recipient, kind, subjectId, subject, reason, now);
            db.Notifications().Add(notification);
            _pending.Add(notification);
        }
    }

    /// <summary>The change was not saved after all: its notifications are not sent.</summary>
    public void Forget() => _pending.Clear();

    /// <summary>After the change committed: tells the recipients' live subscriptions, on every instance.</summary>
    public async Task PublishAsync()
    {
        if (_pending.Count == 0) return;
        var committed = _pending.ToList();
        _pending.Clear();
        try
        {
            // The change is saved whatever happens here, so neither a caller who went away nor a lost connection may fail it.
            await events.CommittedAsync(db, committed, CancellationToken.None);
        }
        catch (Exception error)
        {
            LogPublishFailed(logger, committed.Count, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} saved notifications could not be sent to live subscribers; they are in the recipients' lists.")]
    private static partial void LogPublishFailed(ILogger logger, int count, Exception error);
}
