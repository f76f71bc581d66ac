using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DigitalInitiativer.Api.Data;

/// <summary>
/// WAL lets readers run while one writer commits, and busy_timeout makes a second writer wait its turn
/// instead of failing with SQLITE_BUSY. Both are per-connection settings in SQLite.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    // mmap and an in-memory temp store keep analytics' large GROUP BYs off the read() path and temp files;
    // the sorter may use a second thread.
    private const string ConnectionPragmas = "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
        + "PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY; PRAGMA threads=2;";

    // Switching to WAL writes to the file, so it is skipped on read-only connections (EF Core checks that the
    // database exists through one). The first read-write connection makes the switch, and it persists.
    private const string WriterPragmas = "PRAGMA journal_mode=WAL; " + ConnectionPragmas;

    private static string PragmasFor(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? ConnectionPragmas : WriterPragmas;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
