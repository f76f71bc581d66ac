using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "DigitalInitiativer";

    public static IServiceCollection AddDigitalInitiativerDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = SqliteConnectionStrings.Resolve(configuration.GetConnectionString(ConnectionStringName), environment.ContentRootPath);
        services.AddDbContext<AppDbContext>(options => options
            .UseSqlite(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(new SqliteConnectionSetup()));
        return services;
    }
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
