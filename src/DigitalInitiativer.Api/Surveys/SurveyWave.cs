using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;

namespace DigitalInitiativer.Api.Surveys;

/// <summary>One round of the competence survey.</summary>
public sealed class SurveyWave : IEntity
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
}

/// <summary>
/// The profile one person was placed in by one wave. Unit and role are copied from the survey row,
/// because analytics must count people where they were when they answered, not where they are today.
/// </summary>
public sealed class Assessment : IEntity, IPersonData
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int WaveId { get; set; }
    public SurveyWave? Wave { get; set; }
    public CompetenceProfileKind Profile { get; set; }
    public int UnitId { get; set; }
    public PersonRole Role { get; set; }

    int IPersonData.SubjectPersonId => PersonId;
}
