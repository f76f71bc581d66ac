using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Data;

/// <summary>
/// The app's data. Each feature keeps its entities' configurations (IEntityTypeConfiguration) and its table accessors
/// (e.g. <c>db.Persons()</c>) in its own folder, so this type names no feature. It carries the SQLite migrations;
/// <see cref="PostgresAppDbContext"/> carries PostgreSQL's.
/// </summary>
public class AppDbContext : DbContext, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
    {
    }

    protected AppDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>The Data Protection key ring (e.g. for paging cursors), shared by every instance through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        model.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
