using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DigitalInitiativer.Api.Data;

/// <summary>The same model on PostgreSQL. Its own type, so that its migrations are kept apart from SQLite's.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<AppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Every DateTime in the model is UTC (…AtUtc) and maps to timestamptz, which Npgsql only writes for Kind=Utc.
        configuration.Properties<DateTime>().HaveConversion<UtcKindConverter>();
    }

    private sealed class UtcKindConverter() : ValueConverter<DateTime, DateTime>(
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresAppDbContext</c>: the model needs no live server.</summary>
public sealed class PostgresAppDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=localhost;Database=digitalinitiativer").Options);
}

/// <summary>
/// For <c>dotnet ef migrations add … --context AppDbContext</c>. Without it the tool would take the PostgreSQL factory
/// above for AppDbContext too (the factory interface is covariant) and write PostgreSQL migrations into SQLite's folder.
/// </summary>
public sealed class SqliteAppDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(SqliteConnectionStrings.Default).Options);
}
