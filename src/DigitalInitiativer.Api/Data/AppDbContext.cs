using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<OrganisationUnit> Units => Set<OrganisationUnit>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<SurveyWave> SurveyWaves => Set<SurveyWave>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<OrganisationUnit>(unit =>
        {
            unit.ToTable("organisation_units");
            unit.HasIndex(u => u.Code).IsUnique();
            unit.HasIndex(u => u.Path);
            unit.Property(u => u.Code).HasMaxLength(50);
            unit.Property(u => u.Name).HasMaxLength(200);
            unit.Property(u => u.Path).HasMaxLength(400);
            unit.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Person>(person =>
        {
            person.ToTable("persons");
            person.HasIndex(p => p.Key).IsUnique();
            person.Property(p => p.Key).HasMaxLength(100);
            person.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<SurveyWave>(wave =>
        {
            wave.ToTable("survey_waves");
            wave.HasIndex(w => w.Year).IsUnique();
            wave.Property(w => w.Title).HasMaxLength(200);
        });

        model.Entity<Assessment>(assessment =>
        {
            assessment.ToTable("assessments");
            assessment.HasIndex(a => new { a.PersonId, a.WaveId }).IsUnique();
            assessment.HasIndex(a => new { a.WaveId, a.UnitId });
            assessment.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
            assessment.HasOne(a => a.Wave).WithMany().HasForeignKey(a => a.WaveId).OnDelete(DeleteBehavior.Cascade);
            assessment.HasOne<OrganisationUnit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Initiative>(initiative =>
        {
            initiative.ToTable("initiatives");
            initiative.HasIndex(i => i.Code).IsUnique();
            initiative.HasIndex(i => i.Title);
            initiative.HasIndex(i => i.StartsOn);
            initiative.Property(i => i.Code).HasMaxLength(50);
            initiative.Property(i => i.Title).HasMaxLength(InitiativeRules.MaxTitleLength);
            initiative.Property(i => i.Description).HasMaxLength(InitiativeRules.MaxDescriptionLength);
            initiative.Ignore(i => i.TargetProfiles);
            initiative.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Participation>(participation =>
        {
            participation.ToTable("participations");
            participation.HasIndex(p => new { p.InitiativeId, p.PersonId }).IsUnique();
            participation.HasIndex(p => p.PersonId);
            participation.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
            participation.HasOne(p => p.Initiative).WithMany().HasForeignKey(p => p.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasIndex(e => new { e.SubjectPersonId, e.Id });
            entry.Property(e => e.CallerId).HasMaxLength(200);
            entry.Property(e => e.CallerRoles).HasMaxLength(200);
            entry.Property(e => e.DataType).HasMaxLength(50);
            entry.Property(e => e.OperationName).HasMaxLength(200);
        });
    }
}
