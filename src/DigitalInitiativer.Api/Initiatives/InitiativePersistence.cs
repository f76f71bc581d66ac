using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalInitiativer.Api.Initiatives;

/// <summary>The catalogue's table: how it is stored, and where the rest of the app finds it.</summary>
public static class InitiativeData
{
    public static DbSet<Initiative> Initiatives(this AppDbContext db) => db.Set<Initiative>();
}

public sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> initiative)
    {
        initiative.ToTable("initiatives");
        initiative.HasIndex(i => i.Code).IsUnique();
        initiative.HasIndex(i => i.Title);
        initiative.HasIndex(i => i.StartsOn);
        initiative.Property(i => i.Code).HasMaxLength(50);
        initiative.Property(i => i.Title).HasMaxLength(PlainText.StorageLength(InitiativeRules.MaxTitleLength));
        initiative.Property(i => i.Description).HasMaxLength(PlainText.StorageLength(InitiativeRules.MaxDescriptionLength));
        initiative.Property(i => i.Url).HasMaxLength(InitiativeRules.MaxUrlLength);
        initiative.Property(i => i.EnglishTitle).HasMaxLength(PlainText.StorageLength(InitiativeRules.MaxTitleLength));
        initiative.Property(i => i.EnglishDescription).HasMaxLength(PlainText.StorageLength(InitiativeRules.MaxDescriptionLength));
        initiative.Ignore(i => i.TargetProfiles);
        initiative.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
