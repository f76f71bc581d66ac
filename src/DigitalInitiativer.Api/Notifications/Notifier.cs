using DigitalInitiativer.Api.Data;

namespace DigitalInitiativer.Api.Notifications;

/// <summary>
/// Notifications are stored with the change that caused them, in the same transaction, so a refused or failed change
/// tells nobody anything; once it committed, <see cref="PublishAsync"/> hands them to live subscribers.
/// </summary>
public sealed class Notifier(AppDbContext db, NotificationEvents events, TimeProvider clock)
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

    /// <summary>After the change committed: tells the recipients' live subscriptions, on every instance.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0) return;
        var committed = _pending.ToList();
        _pending.Clear();
        await events.CommittedAsync(db, committed, cancellationToken);
    }
}
