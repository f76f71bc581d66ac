using System.ComponentModel;
using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Data;
namespace DigitalInitiativer.Api.Organisation;

/// <summary>
/// A pseudonymous employee or leader. No name or employee number is stored: <see cref="Key"/> is a pseudonym
/// (demo data uses readable keys such as demo-0001; imports derive it with a keyed hash).
/// </summary>
public sealed class Person : IEntity, IPersonData
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public PersonRole Role { get; set; }
    public int UnitId { get; set; }
    public OrganisationUnit? Unit { get; set; }

    /// <summary>When the person's data was erased on request; the row stays only so kept contributions can say "deleted user".</summary>
    public DateTime? ErasedAtUtc { get; set; }

    int IPersonData.SubjectPersonId => Id;
}

public enum PersonRole
{
    [Description("An employee (medarbejder) without management responsibility.")]
    Employee = 1,

    [Description("A leader (leder) with management responsibility.")]
    Leader = 2,
}
