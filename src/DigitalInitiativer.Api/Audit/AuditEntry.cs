using DigitalInitiativer.Api.Data;

namespace DigitalInitiativer.Api.Audit;

/// <summary>
/// One read of one person's data: who looked, when, through which operation and at what kind of data.
/// Never the query's variables. Staff have a right to know who looked at their data.
/// </summary>
public sealed class AuditEntry : IEntity
{
    public int Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string CallerId { get; set; }
    public required string CallerRoles { get; set; }

    /// <summary>The caller's own Person, when their sign-in names one, so erasing them can pseudonymise the entries where they looked.</summary>
    public int? CallerPersonId { get; set; }

    /// <summary>The person whose data was read, or <see cref="IPersonData.ErasedSubject"/>. Not a foreign key: the entry outlives an erased person.</summary>
    public int SubjectPersonId { get; set; }

    public required string DataType { get; set; }
    public string? OperationName { get; set; }
}
