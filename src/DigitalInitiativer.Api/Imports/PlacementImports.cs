using DigitalInitiativer.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalInitiativer.Api.Imports;

/// <summary>
/// When a unit tree or a survey wave was last applied through the API. Those imports place people (in units, in
/// profile groups) and count in the figures at once; each applied import is a fresh draw of every row it touches, so
/// each kind applies at most once per analytics refresh period, like the participations that count once a day.
/// </summary>
public sealed class PlacementImport
{
    /// <summary>The first key of the PostgreSQL advisory lock that serialises claims; the kind is the second.</summary>
    public const int LockKey = 0x504C4143; // "PLAC"

    public int Id { get; set; }
    public ImportKind Kind { get; set; }
    public DateTime AppliedAtUtc { get; set; }
}

public sealed class PlacementImportConfiguration : IEntityTypeConfiguration<PlacementImport>
{
    public void Configure(EntityTypeBuilder<PlacementImport> import)
    {
        import.ToTable("placement_imports");
        import.HasIndex(i => new { i.Kind, i.AppliedAtUtc });
    }
}

public static class PlacementImportPersistence
{
    public static DbSet<PlacementImport> PlacementImports(this AppDbContext db) => db.Set<PlacementImport>();
}
