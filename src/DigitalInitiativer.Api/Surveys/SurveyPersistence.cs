using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalInitiativer.Api.Surveys;

/// <summary>The survey's tables: how they are stored, and where the rest of the app finds them.</summary>
public static class SurveyData
{
    public static DbSet<SurveyWave> SurveyWaves(this AppDbContext db) => db.Set<SurveyWave>();
    public static DbSet<Assessment> Assessments(this AppDbContext db) => db.Set<Assessment>();
}

public sealed class SurveyWaveConfiguration : IEntityTypeConfiguration<SurveyWave>
{
    public void Configure(EntityTypeBuilder<SurveyWave> wave)
    {
        wave.ToTable("survey_waves");
        wave.HasIndex(w => w.Year).IsUnique();
        wave.Property(w => w.Title).HasMaxLength(200);
    }
}

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> assessment)
    {
        assessment.ToTable("assessments");
        assessment.HasIndex(a => new { a.PersonId, a.WaveId }).IsUnique();
        assessment.HasIndex(a => new { a.WaveId, a.UnitId });
        assessment.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        assessment.HasOne(a => a.Wave).WithMany().HasForeignKey(a => a.WaveId).OnDelete(DeleteBehavior.Cascade);
        assessment.HasOne<OrganisationUnit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
