using DigitalInitiativer.Api.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigitalInitiativer.Api.Observability;

/// <summary>
/// Ready when the database answers a query against the migrated schema. It uses a fresh connection, so a removed or
/// locked SQLite file shows up at once, and it recovers as soon as the database is back.
/// </summary>
public sealed class DatabaseHealthCheck(ResolvedConnectionString connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Pooled connections would keep working on a file that was deleted, and ReadWriteCreate would quietly make a new one.
        var builder = new SqliteConnectionStringBuilder(connectionString.Value) { Pooling = false, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 2 };
        try
        {
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=1000; SELECT COUNT(*) FROM \"__EFMigrationsHistory\";";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (SqliteException error)
        {
            return HealthCheckResult.Unhealthy($"The database does not answer: SQLite error {error.SqliteErrorCode}.");
        }
    }
}
