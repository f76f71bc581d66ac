using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalInitiativer.Api.Organisation;

/// <summary>The organisation's tables: how they are stored, and where the rest of the app finds them.</summary>
public static class OrganisationData
{
    public static DbSet<OrganisationUnit> Units(this AppDbContext db) => db.Set<OrganisationUnit>();
    public static DbSet<Person> Persons(this AppDbContext db) => db.Set<Person>();
}

public sealed class OrganisationUnitConfiguration : IEntityTypeConfiguration<OrganisationUnit>
{
    public void Configure(EntityTypeBuilder<OrganisationUnit> unit)
    {
        unit.ToTable("organisation_units");
        unit.HasIndex(u => u.Code).IsUnique();
        unit.HasIndex(u => u.Path);
        unit.Property(u => u.Code).HasMaxLength(50);
        unit.Property(u => u.Name).HasMaxLength(PlainText.StorageLength(OrganisationUnit.MaxNameLength));
        unit.Property(u => u.Path).HasMaxLength(400);
        unit.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("persons");
        person.HasIndex(p => p.Key).IsUnique();
        person.Property(p => p.Key).HasMaxLength(100);
        person.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
