using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Data;

/// <summary>Which database the app runs on: the embedded SQLite file (default) or a shared PostgreSQL server.</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// The configured database: <c>Database:Provider</c> and <c>ConnectionStrings:DigitalInitiativer</c>.
/// One place decides how a context is configured, for the host, the command-line jobs and the tests.
/// </summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "DigitalInitiativer";
    public const string ProviderKey = "Database:Provider";

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static DatabaseConnection FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration[ProviderKey];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
            throw new InvalidOperationException($"{ProviderKey} is '{providerText}'; use Sqlite or Postgres.");
        var configured = configuration.GetConnectionString(ConnectionStringName);
        return provider == DatabaseProvider.Postgres
            ? new(provider, string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException($"{ProviderKey} is Postgres, so ConnectionStrings:{ConnectionStringName} must name the PostgreSQL database.")
                : configured)
            : new(provider, SqliteConnectionStrings.Resolve(configured, contentRoot));
    }

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => Provider switch
    {
        DatabaseProvider.Postgres => options.UseNpgsql(ConnectionString),
        _ => options.UseSqlite(ConnectionString).AddInterceptors(new SqliteConnectionSetup()),
    };

    public AppDbContext CreateContext(DbContextOptions<AppDbContext> options) =>
        IsPostgres ? new PostgresAppDbContext(options) : new AppDbContext(options);

    /// <summary>A context outside dependency injection, e.g. for a test that checks what the API wrote.</summary>
    public AppDbContext CreateContext() => CreateContext((DbContextOptions<AppDbContext>)Configure(new DbContextOptionsBuilder<AppDbContext>()).Options);
}

/// <summary>Defaults for the embedded SQLite database: a file in a data folder that the app creates.</summary>
public static class SqliteConnectionStrings
{
    public const string Default = "Data Source=data/digitalinitiativer.db";

    public static string Resolve(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? Default : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = System.IO.Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        builder.Pooling = true;
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }
}
