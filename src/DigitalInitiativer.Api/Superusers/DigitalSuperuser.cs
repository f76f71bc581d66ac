using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using GraphQL;
using GraphQL.DI;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalInitiativer.Api.Superusers;

/// <summary>
/// A person appointed digital superuser for a unit: colleagues there, and below it, go to them for peer training.
/// Unlike anyone else, a superuser is shown by name and contact, because being found is the role; both come from their
/// own sign-in, are kept only while they are registered, and their profile is never shown with them.
/// </summary>
public sealed class DigitalSuperuser : IEntity, IPersonData
{
    private DigitalSuperuser()
    {
    }

    /// <param name="displayName">Set only by generators; otherwise it comes from the superuser's sign-in.</param>
    public DigitalSuperuser(int personId, int unitId, DateTime registeredAtUtc, string? displayName = null, string? contact = null) =>
        (PersonId, UnitId, RegisteredAtUtc, DisplayName, Contact) = (personId, unitId, registeredAtUtc, displayName, contact);

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public int UnitId { get; private set; }
    public DateTime RegisteredAtUtc { get; private set; }

    /// <summary>From the superuser's last sign-in; null until they have signed in.</summary>
    public string? DisplayName { get; private set; }
    public string? Contact { get; private set; }

    int IPersonData.SubjectPersonId => PersonId;
}

public static class SuperuserData
{
    public static DbSet<DigitalSuperuser> DigitalSuperusers(this AppDbContext db) => db.Set<DigitalSuperuser>();
}

public sealed class DigitalSuperuserConfiguration : IEntityTypeConfiguration<DigitalSuperuser>
{
    public void Configure(EntityTypeBuilder<DigitalSuperuser> superuser)
    {
        superuser.ToTable("digital_superusers");
        superuser.HasIndex(s => new { s.PersonId, s.UnitId }).IsUnique();
        superuser.HasIndex(s => s.UnitId);
        superuser.Property(s => s.DisplayName).HasMaxLength(Viewer.MaxDisplayNameLength * 2);
        superuser.Property(s => s.Contact).HasMaxLength(Viewer.MaxDisplayNameLength * 2);
        superuser.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        superuser.HasOne<OrganisationUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Keeps a superuser's name and contact as their sign-in gives them: on each operation of a caller linked to a person,
/// one indexed read, and a write only when they are a superuser and something changed.
/// </summary>
public sealed class SuperuserContactFromSignIn : IConfigureExecution
{
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var viewer = options.RequestServices!.GetRequiredService<Viewer>();
        if (viewer.PersonKey is { } key)
        {
            var db = options.RequestServices!.GetRequiredService<AppDbContext>();
            var (name, contact) = (viewer.DisplayName, viewer.Contact);
            var registrations = db.DigitalSuperusers().Where(s => db.Persons().Any(p => p.Id == s.PersonId && p.Key == key));
            if (await registrations.AnyAsync(s => s.DisplayName != name || s.Contact != contact, options.CancellationToken))
                await registrations.ExecuteUpdateAsync(s => s.SetProperty(x => x.DisplayName, name).SetProperty(x => x.Contact, contact), options.CancellationToken);
        }
        return await next(options);
    }
}
