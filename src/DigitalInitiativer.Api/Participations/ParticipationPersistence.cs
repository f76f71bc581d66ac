using DigitalInitiativer.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalInitiativer.Api.Participations;

/// <summary>The participation table: how it is stored, and where the rest of the app finds it.</summary>
public static class ParticipationData
{
    public static DbSet<Participation> Participations(this AppDbContext db) => db.Set<Participation>();
}

public sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> participation)
    {
        participation.ToTable("participations");
        participation.HasIndex(p => new { p.InitiativeId, p.PersonId }).IsUnique();
        participation.HasIndex(p => p.PersonId);
        participation.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        participation.HasOne(p => p.Initiative).WithMany().HasForeignKey(p => p.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}
