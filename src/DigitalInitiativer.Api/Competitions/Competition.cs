using System.ComponentModel;
using System.Linq.Expressions;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>
/// The idea competition part of an Initiative of kind IDEA_COMPETITION (same key). Its phase only ever moves
/// forward: it is the later of the phase a manager moved it to and the phase its schedule has reached.
/// </summary>
public sealed class IdeaCompetition : IEntity
{
    /// <summary>The same key as the competition's Initiative.</summary>
    public int Id { get; set; }
    public Initiative? Initiative { get; set; }

    /// <summary>The phase a manager moved the competition to by hand; the schedule can only take it further.</summary>
    public CompetitionPhase ManualPhase { get; set; } = CompetitionPhase.Draft;

    public DateTime? SubmissionOpensAtUtc { get; set; }
    public DateTime? ReviewStartsAtUtc { get; set; }
    public DateTime? VotingOpensAtUtc { get; set; }
    public DateTime? VotingClosesAtUtc { get; set; }
    public DateTime? ResultsPublishedAtUtc { get; set; }

    /// <summary>When everyone who took part was recorded as a participant, once voting had closed; see <see cref="CompetitionParticipation"/>.</summary>
    public DateTime? ParticipationRecordedAtUtc { get; set; }

    public int VotesPerPerson { get; set; } = 3;
    public bool AllowSelfVoting { get; set; }
    public int ProposalsPerPerson { get; set; } = 3;

    public CompetitionPhase PhaseAt(DateTime utcNow)
    {
        var scheduled = new (DateTime? Start, CompetitionPhase Phase)[]
        {
            (SubmissionOpensAtUtc, CompetitionPhase.Submission),
            (ReviewStartsAtUtc, CompetitionPhase.Review),
            (VotingOpensAtUtc, CompetitionPhase.Voting),
            (VotingClosesAtUtc, CompetitionPhase.Closed),
            (ResultsPublishedAtUtc, CompetitionPhase.ResultsPublished),
        }.Where(s => s.Start <= utcNow).Select(s => s.Phase).DefaultIfEmpty(CompetitionPhase.Draft).Max();
        return scheduled > ManualPhase ? scheduled : ManualPhase;
    }

    /// <summary>In SQL: <see cref="PhaseAt"/> has reached CLOSED, and the participants are not recorded yet.</summary>
    public static Expression<Func<IdeaCompetition, bool>> ClosedWithParticipationUnrecorded(DateTime utcNow) => c =>
        c.ParticipationRecordedAtUtc == null
        && (c.ManualPhase >= CompetitionPhase.Closed || c.VotingClosesAtUtc <= utcNow || c.ResultsPublishedAtUtc <= utcNow);
}

public enum CompetitionPhase
{
    [Description("Being prepared by the initiative managers; not visible for submissions yet.")]
    Draft = 1,

    [Description("Staff submit proposals; authors may still edit or withdraw them.")]
    Submission = 2,

    [Description("Managers review proposals: accept them for voting, reject them with a reason, or merge duplicates.")]
    Review = 3,

    [Description("Staff vote on accepted proposals, within their vote budget.")]
    Voting = 4,

    [Description("Voting has ended; managers select the winners.")]
    Closed = 5,

    [Description("The winners are announced, and realised proposals are reported.")]
    ResultsPublished = 6,
}
