using System.ComponentModel;
using System.Security.Cryptography;
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

    /// <summary>
    /// A fixed random number for the cell-key method: the published counts of the cells this person is in are perturbed
    /// by sums of these keys (see Analytics/Disclosure). It says nothing about the person and is never shown.
    /// </summary>
    public long RecordKey { get; set; } = NewRecordKey();

    /// <summary>Keys stay below 2^36, so SQL can sum millions of them in a 64-bit integer.</summary>
    public const int RecordKeyBits = 36;

    public static long NewRecordKey() => RecordKeyFrom(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)));

    /// <summary>A record key from any 64 random bits, e.g. a seeded generator's for reproducible demo data.</summary>
    public static long RecordKeyFrom(ulong randomBits) => (long)(randomBits & ((1UL << RecordKeyBits) - 1));

    /// <summary>Reading what is left of an erased person is logged as a read of "an erased person", not of this id.</summary>
    int IPersonData.SubjectPersonId => ErasedAtUtc is null ? Id : IPersonData.ErasedSubject;
}

public enum PersonRole
{
    [Description("An employee (medarbejder) without management responsibility.")]
    Employee = 1,

    [Description("A leader (leder) with management responsibility.")]
    Leader = 2,
}
