using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalInitiativer.Api.Sessions;

/// <summary>The session tables: how they are stored, and where the rest of the app finds them.</summary>
public static class SessionData
{
    public static DbSet<InitiativeSession> Sessions(this AppDbContext db) => db.Set<InitiativeSession>();
    public static DbSet<SessionEnrolment> SessionEnrolments(this AppDbContext db) => db.Set<SessionEnrolment>();
    public static DbSet<SessionAttendance> SessionAttendances(this AppDbContext db) => db.Set<SessionAttendance>();
}

public sealed class InitiativeSessionConfiguration : IEntityTypeConfiguration<InitiativeSession>
{
    public void Configure(EntityTypeBuilder<InitiativeSession> session)
    {
        session.ToTable("initiative_sessions");
        session.HasIndex(s => new { s.InitiativeId, s.StartsAtUtc });
        session.Property(s => s.Place).HasMaxLength(InitiativeSession.MaxPlaceLength * 2);
        session.Property(s => s.OnlineUrl).HasMaxLength(InitiativeRules.MaxUrlLength);
        session.Property(s => s.CancellationReason).HasMaxLength(InitiativeSession.MaxReasonLength * 2);
        // Changes to when, where and how many seats are made from what the manager last read, or tried again.
        session.Property(s => s.Capacity).IsConcurrencyToken();
        session.Property(s => s.CancelledAtUtc).IsConcurrencyToken();
        session.HasOne(s => s.Initiative).WithMany().HasForeignKey(s => s.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        session.HasOne<Person>().WithMany().HasForeignKey(s => s.HostPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class SessionEnrolmentConfiguration : IEntityTypeConfiguration<SessionEnrolment>
{
    public void Configure(EntityTypeBuilder<SessionEnrolment> enrolment)
    {
        enrolment.ToTable("session_enrolments");
        enrolment.HasIndex(e => new { e.SessionId, e.PersonId }).IsUnique();
        enrolment.HasIndex(e => new { e.SessionId, e.State, e.Id });
        enrolment.HasIndex(e => e.PersonId);
        enrolment.HasOne<InitiativeSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        enrolment.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> attendance)
    {
        attendance.ToTable("session_attendances");
        attendance.HasIndex(a => new { a.SessionId, a.PersonId }).IsUnique();
        attendance.HasIndex(a => a.PersonId);
        attendance.HasOne<InitiativeSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        attendance.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
