using System.Data.Common;
using DigitalInitiativer.Api.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace DigitalInitiativer.Api.Observability;

/// <summary>
/// Ready when the database answers a query against the migrated schema. It uses a fresh, unpooled connection, so a
/// removed or locked SQLite file or a stopped PostgreSQL server shows up at once, and it recovers as soon as the
/// database is back.
/// </summary>
public sealed class DatabaseHealthCheck(DatabaseConnection database) : IHealthCheck
{
    private const string MigratedSchemaQuery = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = CreateFreshConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = database.IsPostgres ? MigratedSchemaQuery : "PRAGMA busy_timeout=1000; " + MigratedSchemaQuery;
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (SqliteException error)
        {
            return HealthCheckResult.Unhealthy($"The database does not answer: SQLite error {error.SqliteErrorCode}.");
        }
        catch (NpgsqlException error)
        {
            var state = error is PostgresException postgres ? $"SQLSTATE {postgres.SqlState}" : "no connection";
            return HealthCheckResult.Unhealthy($"The database does not answer: PostgreSQL, {state}.");
        }
    }

    // Pooled connections would keep working on a file that was deleted, and ReadWriteCreate would quietly make a new one.
    private DbConnection CreateFreshConnection() => database.IsPostgres
        ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, Timeout = 2, CommandTimeout = 2 }.ToString())
        : new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 2 }.ToString());
}
