using Npgsql;

namespace DigitalInitiativer.Api.Data;

/// <summary>A NOTIFY channel whose messages, from every instance, go to this instance's live subscriptions.</summary>
public interface IPostgresChannel
{
    string Name { get; }

    /// <summary>Hands one payload on; false when it cannot be read.</summary>
    bool Deliver(string payload);
}

/// <summary>
/// On PostgreSQL, holds one connection that LISTENs on every <see cref="IPostgresChannel"/> (vote counts,
/// notifications) for what every instance, this one included, sends. No broker besides the database. A lost
/// connection is opened again with back-off; messages sent while it was down are not replayed.
/// </summary>
public sealed partial class PostgresListener(DatabaseConnection database, IEnumerable<IPostgresChannel> channels, ILogger<PostgresListener> logger) : BackgroundService
{
    private readonly Dictionary<string, IPostgresChannel> _channels = channels.ToDictionary(c => c.Name);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private NpgsqlConnection? _opened;

    /// <summary>Listens before the app starts serving, so nothing sent after start-up is missed by this instance.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.IsPostgres)
        {
            try
            {
                _opened = await ListenAsync(cancellationToken);
            }
            catch (Exception error) when (IsConnectionFailure(error))
            {
                LogConnectionLost(logger, 1, error.Message);
            }
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsPostgres) return;
        var retryDelay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = _opened ?? await ListenAsync(stoppingToken);
                _opened = null;
                retryDelay = TimeSpan.FromSeconds(1);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (IsConnectionFailure(error))
            {
                _opened = null;
                LogConnectionLost(logger, retryDelay.TotalSeconds, error.Message);
                await Task.Delay(retryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private static bool IsConnectionFailure(Exception error) => error is NpgsqlException or TimeoutException or IOException;

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        // Its own unpooled connection with keepalives, so a dead server is noticed even when nothing is sent.
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 15 };
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            connection.Notification += (_, notification) =>
            {
                if (!_channels.TryGetValue(notification.Channel, out var channel) || !channel.Deliver(notification.Payload)) LogUnreadable(logger, notification.Channel);
            };
            foreach (var name in _channels.Keys)
            {
                await using var listen = new NpgsqlCommand($"LISTEN {name}", connection);
                await listen.ExecuteNonQueryAsync(cancellationToken);
            }
            LogListening(logger);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override void Dispose()
    {
        _opened?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for vote changes and notifications from every API instance (PostgreSQL LISTEN).")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the PostgreSQL connection that carries live events; trying again in {Seconds} s. {Reason}")]
    private static partial void LogConnectionLost(ILogger logger, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a message on channel {Channel} that could not be read.")]
    private static partial void LogUnreadable(ILogger logger, string channel);
}
