using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Data;

/// <summary>
/// The app's data. Each feature keeps its entities' configurations (IEntityTypeConfiguration) and its table accessors
/// (e.g. <c>db.Persons()</c>) in its own folder, so this type names no feature. It carries the SQLite migrations;
/// <see cref="PostgresAppDbContext"/> carries PostgreSQL's.
/// </summary>
public class AppDbContext : DbContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
    {
    }

    protected AppDbContext(DbContextOptions options) : base(options)
    {
    }

    protected override void OnModelCreating(ModelBuilder model) => model.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
