using System.Text.Json;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Notifications;

/// <summary>
/// Fan-out of new notifications to their recipients' live subscriptions (notificationAdded).
/// <list type="bullet">
/// <item>On SQLite there is one process: committed notifications go straight to their subscribers.</item>
/// <item>On PostgreSQL several instances share the database: each committed notification's id goes out with NOTIFY, and
/// every instance that holds a subscription for its recipient reads it back (<see cref="PostgresListener"/>).</item>
/// </list>
/// Only ids travel through PostgreSQL, so a reason of any length fits, and nothing personal passes the channel.
/// </summary>
public sealed partial class NotificationEvents(IServiceScopeFactory scopes, ILogger<NotificationEvents> logger) : IPostgresChannel
{
    public const string PostgresChannel = "digitalinitiativer_notifications";

    private readonly LiveSubscribers<int, Notification> _subscribers = new();

    public string Name => PostgresChannel;

    /// <summary>After the transaction that stored them committed.</summary>
    public async Task CommittedAsync(AppDbContext db, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            foreach (var notification in notifications) Deliver(notification);
            return;
        }
        foreach (var notification in notifications)
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({PostgresChannel}, {JsonSerializer.Serialize(new Sent(notification.Id, notification.RecipientPersonId))})", cancellationToken);
    }

    public bool Deliver(string payload)
    {
        Sent? sent;
        try { sent = JsonSerializer.Deserialize<Sent>(payload); }
        catch (JsonException) { return false; }
        if (sent is null) return false;
        if (_subscribers.Count(sent.PersonId) > 0) _ = LoadAndDeliverAsync(sent.Id);
        return true;
    }

    private async Task LoadAndDeliverAsync(int id)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Notifications().FirstOrDefaultAsync(n => n.Id == id) is { } notification) Deliver(notification);
        }
        catch (Exception error)
        {
            LogLoadFailed(logger, id, error);
        }
    }

    private void Deliver(Notification notification) => _subscribers.Publish(notification.RecipientPersonId, notification);

    public IObservable<Notification> For(int personId) => _subscribers.For(personId);

    private sealed record Sent(int Id, int PersonId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read notification {Id} for its live subscribers.")]
    private static partial void LogLoadFailed(ILogger logger, int id, Exception error);
}
