namespace DigitalInitiativer.Api.Data;

/// <summary>A stored row that is personal data about one person; every read of one is audit-logged.</summary>
public interface IPersonData
{
    /// <summary>The subject of reads of what is left of someone whose data was erased: on record, tied to no one.</summary>
    public const int ErasedSubject = 0;

    int SubjectPersonId { get; }
}
