using System.Reflection;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Infrastructure;

/// <summary>
/// The real app, in process, on its own SQLite file. Demo data is seeded once per test run into a template
/// file and copied for each factory, so every test class starts from the same municipality in milliseconds.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    // PublicationOnly: a failed attempt is not cached, so one transient failure cannot fail every test class.
    private static readonly Lazy<string> DemoTemplate = new(CreateDemoTemplate, LazyThreadSafetyMode.PublicationOnly);

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "digitalinitiativer-tests", $"{Guid.NewGuid():N}.db");
    public SqlCommandCounter SqlCommands { get; } = new();

    protected virtual bool WithDemoData => true;
    protected virtual string EnvironmentName => "Development";

    public ApiFactory()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        if (WithDemoData) File.Copy(DemoTemplate.Value, DatabasePath);
    }

    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>Extra configuration for a variant of the app, e.g. tighter limits.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program registers its services.
        builder.UseSetting("ConnectionStrings:DigitalInitiativer", ConnectionString);
        builder.UseSetting("Seed:Demo", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
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

    /// <summary>A separate DbContext on the same file, for checking what the API wrote.</summary>
    public AppDbContext OpenDb() => new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(ConnectionString).Options);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
            try { File.Delete(file); } catch (IOException) { }
    }

    private static string CreateDemoTemplate()
    {
        var path = Path.Combine(Path.GetTempPath(), "digitalinitiativer-tests", $"demo-template-{Guid.NewGuid():N}.db");
        using (var seeder = new SeedingFactory(path))
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

    private sealed class SeedingFactory(string path) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:DigitalInitiativer"] = $"Data Source={path}",
                ["Seed:Demo"] = "true",
            }));
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
