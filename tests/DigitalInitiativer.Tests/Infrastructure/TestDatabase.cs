using DigitalInitiativer.Api.Data;
using Npgsql;

namespace DigitalInitiativer.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on. By default every test app gets its own SQLite file. With
/// DIGITALINITIATIVER_TEST_POSTGRES set to a server's connection string (tests/postgres/start.sh prints one),
/// every test app gets its own PostgreSQL database on that server instead, and the PostgreSQL-only tests run.
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "DIGITALINITIATIVER_TEST_POSTGRES";

    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public static DatabaseProvider Provider => PostgresServer is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public static bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>The app settings that point it at a database on the suite's provider.</summary>
    public static KeyValuePair<string, string?>[] AppSettings(string connectionString) =>
        [new(DatabaseConnection.ProviderKey, Provider.ToString()), new($"ConnectionStrings:{DatabaseConnection.ConnectionStringName}", connectionString)];

    /// <summary>A connection string for the database <paramref name="name"/> on the test server.</summary>
    public static string PostgresDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, IncludeErrorDetail = true }.ToString();

    /// <summary>Runs statements that cannot run inside a database they change (CREATE/DROP DATABASE), on the server's own database.</summary>
    public static void OnServer(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Closes this database's pooled connections and drops it, even if the app still holds some.</summary>
    public static void DropPostgresDatabase(string name)
    {
        using (var connection = new NpgsqlConnection(PostgresDatabase(name))) NpgsqlConnection.ClearPool(connection);
        OnServer($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}

/// <summary>A test that needs PostgreSQL: it runs when the suite runs on PostgreSQL, and is reported as skipped otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
            Skip = $"Needs PostgreSQL: set {TestDatabase.PostgresVariable} (tests/postgres/start.sh starts a server and prints it; .ci/run does both).";
    }
}

/// <summary>A test of SQLite's own behaviour (its file, its pragmas): skipped when the suite runs on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgres) Skip = "Tests the embedded SQLite database; this run is on PostgreSQL.";
    }
}

/// <summary>
/// A database of a test's own on the suite's provider: behind each <see cref="ApiFactory"/>, and on its own for the
/// command-line jobs or API processes a test starts. Empty (the app migrates it) or a copy of the demo municipality.
/// Dropped on dispose.
/// </summary>
public sealed class ScratchDatabase : IDisposable
{
    private readonly string _id = Guid.NewGuid().ToString("N");

    /// <summary>The SQLite file (SQLite runs only).</summary>
    public string SqlitePath => Path.Combine(Path.GetTempPath(), "digitalinitiativer-tests", $"{_id}.db");
    private string PostgresName => $"di_test_{_id}";

    public ScratchDatabase(bool withDemoData = false)
    {
        if (TestDatabase.IsPostgres)
        {
            // Without demo data the app's own migration creates the database.
            if (withDemoData) TestDatabase.OnServer($"CREATE DATABASE \"{PostgresName}\" TEMPLATE \"{ApiFactory.PostgresDemoTemplateName}\"");
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(SqlitePath)!);
        if (withDemoData) File.Copy(ApiFactory.SqliteDemoTemplatePath, SqlitePath);
    }

    public string ConnectionString => TestDatabase.IsPostgres ? TestDatabase.PostgresDatabase(PostgresName) : $"Data Source={SqlitePath}";

    /// <summary>Command-line arguments that point the app at this database.</summary>
    public string[] HostArgs => [.. TestDatabase.AppSettings(ConnectionString).Select(setting => $"--{setting.Key}={setting.Value}")];

    public AppDbContext Open() => new DatabaseConnection(TestDatabase.Provider, ConnectionString).CreateContext();

    public void Dispose()
    {
        if (TestDatabase.IsPostgres)
        {
            TestDatabase.DropPostgresDatabase(PostgresName);
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { SqlitePath, SqlitePath + "-wal", SqlitePath + "-shm" })
            try { File.Delete(file); } catch (IOException) { }
    }
}
