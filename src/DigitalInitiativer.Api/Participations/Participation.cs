using System.ComponentModel;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Participations;

/// <summary>How far someone got in an initiative, and when: what a participation record says (the xAPI verb and result).</summary>
public sealed record ParticipationRecord(ParticipationStatus Status, DateOnly EnrolledOn, DateOnly? StartedOn = null, DateOnly? CompletedOn = null, double? Score = null);

/// <summary>
/// That a person took part in an initiative. Shaped after an xAPI statement: the person is the actor,
/// <see cref="Status"/> the verb's outcome, the initiative the object, and <see cref="Score"/> the result.
/// One row per person and initiative; a later record for the same pair replaces it, if it keeps the rules.
/// </summary>
public sealed class Participation : IEntity, IPersonData
{
    private Participation()
    {
    }

    /// <param name="id">Set only by generators that write rows with their own ids; otherwise the database assigns it.</param>
    /// <exception cref="ArgumentException">The record breaks a rule; check it with <see cref="ParticipationRules"/> first.</exception>
    public Participation(int personId, int initiativeId, ParticipationRecord record, int id = 0)
    {
        Id = id;
        PersonId = personId;
        InitiativeId = initiativeId;
        if (Record(record) is { Any: true } broken) throw new ArgumentException(broken.All[0].Message, nameof(record));
    }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public Person? Person { get; private set; }
    public int InitiativeId { get; private set; }
    public Initiative? Initiative { get; private set; }
    public ParticipationStatus Status { get; private set; }
    public DateOnly EnrolledOn { get; private set; }
    public DateOnly? StartedOn { get; private set; }
    public DateOnly? CompletedOn { get; private set; }

    /// <summary>Result as a percentage, 0 to 100 (xAPI result.score.scaled × 100).</summary>
    public double? Score { get; private set; }

    /// <summary>How the person took part; null when it follows from the kind of offer (<see cref="ParticipationRoles.Of"/>).</summary>
    public ParticipationRole? Role { get; private set; }

    /// <summary>Sessions of the initiative the person came to, as hosts recorded them.</summary>
    public int Visits { get; private set; }

    /// <summary>Made by a seat in a session, not recorded or imported: giving up the last seat before coming removes it again.</summary>
    public bool FromEnrolment { get; private set; }

    int IPersonData.SubjectPersonId => PersonId;

    /// <summary>
    /// The person came to a session on <paramref name="day"/>: they started then at the latest, and for offers where
    /// each visit is whole in itself (<paramref name="completes"/>, a drop-in café or peer training) they completed.
    /// A withdrawal is undone by coming after all. <paramref name="visits"/> is their count of visits so far.
    /// </summary>
    public void Attended(DateOnly day, bool completes, int visits)
    {
        EnrolledOn = EnrolledOn <= day ? EnrolledOn : day;
        StartedOn = StartedOn is { } started && started <= day ? started : day;
        if (completes && CompletedOn is null) CompletedOn = day;
        Status = CompletedOn is not null ? ParticipationStatus.Completed : ParticipationStatus.Started;
        Visits = visits;
    }

    /// <summary>Takes over what a newer record says, unless it breaks a rule; then nothing changes and the refusals say why.</summary>
    public Refusals Record(ParticipationRecord record)
    {
        var refusals = new Refusals();
        ParticipationRules.Check(refusals, record);
        if (refusals.Any) return refusals;
        (Status, EnrolledOn, StartedOn, CompletedOn, Score) = (record.Status, record.EnrolledOn, record.StartedOn, record.CompletedOn, record.Score);
        FromEnrolment = false;
        return refusals;
    }
}

public static class ParticipationRules
{
    public static void Check(Refusals refusals, ParticipationRecord record)
    {
        refusals.NotBefore("startedOn", record.StartedOn, "enrolledOn", record.EnrolledOn);
        if (record.StartedOn is not null) refusals.NotBefore("completedOn", record.CompletedOn, "startedOn", record.StartedOn);
        else refusals.NotBefore("completedOn", record.CompletedOn, "enrolledOn", record.EnrolledOn);
        if (record.Score is { } score && (double.IsNaN(score) || score < 0 || score > 100))
            refusals.Invalid("score", RefusalCodes.OutOfRange, ParticipationTexts.ScoreOutOfRange.Format(score));
    }
}

/// <summary>How someone took part (the xAPI verb's role): in an offer, or in the idea competition.</summary>
public enum ParticipationRole
{
    [Description("Followed a course, an e-learning programme or a video guide.")]
    Learner = 1,

    [Description("Came to a drop-in café, peer training or another offer with sessions.")]
    Attendee = 2,

    [Description("Wrote a proposal in the idea competition.")]
    Author = 3,

    [Description("Co-authored a proposal in the idea competition.")]
    CoAuthor = 4,

    [Description("Voted in the idea competition, and did nothing there that is shown by name. Which proposals they voted for is never stored with them.")]
    Voter = 5,

    [Description("Commented on proposals in the idea competition, without writing one.")]
    Commenter = 6,
}

public static class ParticipationRoles
{
    /// <summary>The role a participation has when none is recorded: what the kind of offer implies, or null for the competition (recorded at its close).</summary>
    public static ParticipationRole? Of(Participation participation, InitiativeKind kind) => participation.Role ?? kind switch
    {
        InitiativeKind.Course or InitiativeKind.ELearning or InitiativeKind.VideoGuide => ParticipationRole.Learner,
        InitiativeKind.IdeaCompetition => null,
        _ => ParticipationRole.Attendee,
    };
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
