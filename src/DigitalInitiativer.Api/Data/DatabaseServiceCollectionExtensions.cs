using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "DigitalInitiativer";

    public static IServiceCollection AddDigitalInitiativerDatabase(this IServiceCollection services)
    {
        // Read when the first context is built, not at registration, so hosts and tests can still override configuration.
        services.AddSingleton(sp => new ResolvedConnectionString(SqliteConnectionStrings.Resolve(
            sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName),
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddDbContext<AppDbContext>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<ResolvedConnectionString>().Value)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(new SqliteConnectionSetup()));
        return services;
    }
}

public sealed record ResolvedConnectionString(string Value);

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
