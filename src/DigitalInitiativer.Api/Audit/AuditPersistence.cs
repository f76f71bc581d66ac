using DigitalInitiativer.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalInitiativer.Api.Audit;

/// <summary>The audit log's table: how it is stored, and where the rest of the app finds it.</summary>
public static class AuditData
{
    public static DbSet<AuditEntry> AuditEntries(this AppDbContext db) => db.Set<AuditEntry>();
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_entries");
        entry.HasIndex(e => new { e.SubjectPersonId, e.Id });
        entry.Property(e => e.CallerId).HasMaxLength(200);
        entry.Property(e => e.CallerRoles).HasMaxLength(200);
        entry.Property(e => e.DataType).HasMaxLength(50);
        entry.Property(e => e.OperationName).HasMaxLength(200);
    }
}
