using Microsoft.Data.Sqlite;
using Npgsql;

namespace DigitalInitiativer.Api.Data;

/// <summary>
/// Set-based writes that must be exact under concurrency (a vote and its budget, a seat and its capacity) run in a
/// transaction; when the database gives up on one (SQLite busy or locked, a PostgreSQL deadlock or serialization
/// failure), it is run again from the start, a few times, before the error reaches the caller.
/// </summary>
public static class Contention
{
    /// <param name="beforeRetry">Forgets what the failed attempt left in memory (tracked entities, notifications to send), so the next starts clean.</param>
    public static async Task<T> RetriedAsync<T>(Func<Task<T>> action, Action? beforeRetry = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (Exception e) when (attempt < 5 && e is SqliteException { SqliteErrorCode: 5 or 6 }
                or PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                beforeRetry?.Invoke();
                await Task.Delay(20 * attempt);
            }
        }
    }
}
