using System.ComponentModel;
using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;

namespace DigitalInitiativer.Api.Participations;

/// <summary>
/// That a person took part in an initiative. Shaped after an xAPI statement: the person is the actor,
/// <see cref="Status"/> the verb's outcome, the initiative the object, and <see cref="Score"/> the result.
/// One row per person and initiative; later records for the same pair update it.
/// </summary>
public sealed class Participation : IEntity, IPersonData
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public ParticipationStatus Status { get; set; }
    public DateOnly EnrolledOn { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? CompletedOn { get; set; }

    /// <summary>Result as a percentage, 0 to 100 (xAPI result.score.scaled × 100).</summary>
    public double? Score { get; set; }

    int IPersonData.SubjectPersonId => PersonId;
}

public enum ParticipationStatus
{
    [Description("Signed up (xAPI: registered), not started yet.")]
    Enrolled = 1,

    [Description("Taking part (xAPI: attended, launched or initialized).")]
    Started = 2,

    [Description("Finished (xAPI: completed or passed).")]
    Completed = 3,

    [Description("Left before finishing (xAPI: abandoned or withdrew). Withdrawn participations do not count as reach.")]
    Withdrawn = 4,
}
