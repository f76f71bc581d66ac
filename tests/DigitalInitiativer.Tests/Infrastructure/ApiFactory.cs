using System.Reflection;
using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Infrastructure;

/// <summary>
/// The real app, in process, on its own database: a SQLite file, or a PostgreSQL database when the suite runs on
/// PostgreSQL (<see cref="TestDatabase"/>). Demo data is seeded once per test run into a template and copied for
/// each factory, so every test class starts from the same municipality in milliseconds.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    // PublicationOnly: a failed attempt is not cached, so one transient failure cannot fail every test class.
    private static readonly Lazy<string> DemoTemplate = new(CreateDemoTemplate, LazyThreadSafetyMode.PublicationOnly);
    private static readonly Lazy<string> PostgresDemoTemplate = new(CreatePostgresDemoTemplate, LazyThreadSafetyMode.PublicationOnly);

    private readonly ScratchDatabase _database;

    internal static string SqliteDemoTemplatePath => DemoTemplate.Value;
    internal static string PostgresDemoTemplateName => PostgresDemoTemplate.Value;

    /// <summary>The SQLite file (SQLite runs only).</summary>
    public string DatabasePath => _database.SqlitePath;
    public SqlCommandCounter SqlCommands { get; } = new();

    protected virtual bool WithDemoData => true;
    protected virtual string EnvironmentName => "Development";

    public ApiFactory() => _database = new ScratchDatabase(WithDemoData);

    public string ConnectionString => _database.ConnectionString;

    /// <summary>Extra configuration for a variant of the app, e.g. tighter limits.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program registers its services.
        builder.UseSetting("Seed:Demo", "false");
        // Figures computed in the background would add statements to tests that count them; FigureCacheTests turns it on.
        builder.UseSetting("Analytics:WarmFigures", "false");
        foreach (var (key, value) in TestDatabase.AppSettings(ConnectionString).Concat(Settings)) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(SqlCommands));
            ConfigureServices(services);
        });
    }

    /// <summary>A client signed in with a real dev token (Development only), as an Administrator unless told otherwise.</summary>
    public GraphQLClient CreateGraphQLClient(string role = Roles.Administrator, string? personKey = null) =>
        CreateClientWithToken(Services.GetRequiredService<DevTokens>().Create(role, personKey));

    public GraphQLClient CreateClientWithToken(string token)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new GraphQLClient(http);
    }

    public GraphQLClient CreateAnonymousClient() => new(CreateClient());

    /// <summary>A separate DbContext on the same database, for checking what the API wrote.</summary>
    public AppDbContext OpenDb() => _database.Open();

    /// <summary>The global id of the person with this key, as a front-end would have it from the API.</summary>
    public async Task<string> PersonIdAsync(string key)
    {
        await using var db = OpenDb();
        return GlobalIds.Of("Person", await db.Persons().Where(p => p.Key == key).Select(p => p.Id).SingleAsync());
    }

    /// <summary>What the app does on its schedule (Analytics:RefreshHours): the figures count the participations recorded until now.</summary>
    public async Task RefreshAnalyticsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AnalyticsSnapshot>().RefreshAsync(CancellationToken.None);
    }

    /// <summary>Runs a statement on the app's database behind its back, e.g. to break it on purpose.</summary>
    public void ExecuteSql(string sql)
    {
        using var db = OpenDb();
#pragma warning disable EF1002 // test-only statements written in the test itself
        db.Database.ExecuteSqlRaw(sql);
#pragma warning restore EF1002
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _database.Dispose();
    }

    private static string CreateDemoTemplate()
    {
        var path = Path.Combine(Path.GetTempPath(), "digitalinitiativer-tests", $"demo-template-{Guid.NewGuid():N}.db");
        using (var seeder = new SeedingFactory($"Data Source={path}"))
        {
            _ = seeder.Services; // builds the host, which migrates and seeds
        }
        // The app's pooled connections stay open after its host stops; leaving WAL mode needs them closed.
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
            checkpoint.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }

    private static string CreatePostgresDemoTemplate()
    {
        var name = $"di_template_{Guid.NewGuid():N}";
        using (var seeder = new SeedingFactory(TestDatabase.PostgresDatabase(name)))
        {
            _ = seeder.Services;
        }
        // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
        using (var connection = new Npgsql.NpgsqlConnection(TestDatabase.PostgresDatabase(name))) Npgsql.NpgsqlConnection.ClearPool(connection);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDatabase.DropPostgresDatabase(name);
        return name;
    }

    private sealed class SeedingFactory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Seed:Demo", "true");
            foreach (var (key, value) in TestDatabase.AppSettings(connectionString)) builder.UseSetting(key, value);
        }
    }

    public static string TestProjectDirectory { get; } = typeof(ApiFactory).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestProjectDirectory").Value!;
}

/// <summary>The app on an empty (migrated, unseeded) database.</summary>
public sealed class EmptyApiFactory : ApiFactory
{
    protected override bool WithDemoData => false;
}

/// <summary>A second instance of the app on the database of another factory, as a second server would run.</summary>
public sealed class SharedDatabaseApiFactory(string connectionString, IEnumerable<KeyValuePair<string, string?>> settings) : ApiFactory
{
    protected override bool WithDemoData => false;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. TestDatabase.AppSettings(connectionString), .. settings];
}
