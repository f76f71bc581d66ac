using System.ComponentModel;
using System.Linq.Expressions;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>How many votes and proposals each person has, whether authors may vote for their own, and whether counts stay hidden while people vote.</summary>
public sealed record CompetitionRules(int VotesPerPerson, bool AllowSelfVoting, int ProposalsPerPerson, bool HideVoteCountsUntilClosed = false)
{
    public const int MaxVotesPerPerson = 50, MaxProposalsPerPerson = 20;
}

/// <summary>When each phase starts (UTC); a phase left out starts only when a manager moves the competition on.</summary>
public sealed record CompetitionSchedule(DateTime? SubmissionOpensAt, DateTime? ReviewStartsAt, DateTime? VotingOpensAt, DateTime? VotingClosesAt, DateTime? ResultsPublishedAt);

/// <summary>
/// The idea competition part of an Initiative of kind IDEA_COMPETITION (same key). Its phase only ever moves
/// forward: it is the later of the phase a manager moved it to and the phase its schedule has reached. Its rules
/// cannot change once voting has opened.
/// </summary>
public sealed class IdeaCompetition : IEntity
{
    private IdeaCompetition()
    {
    }

    /// <summary>A new competition in DRAFT, with default rules and no schedule.</summary>
    public IdeaCompetition(Initiative initiative) => Initiative = initiative;

    /// <summary>The same key as the competition's Initiative.</summary>
    public int Id { get; private set; }
    public Initiative? Initiative { get; private set; }

    /// <summary>The phase a manager moved the competition to by hand; the schedule can only take it further.</summary>
    public CompetitionPhase ManualPhase { get; private set; } = CompetitionPhase.Draft;

    public DateTime? SubmissionOpensAtUtc { get; private set; }
    public DateTime? ReviewStartsAtUtc { get; private set; }
    public DateTime? VotingOpensAtUtc { get; private set; }
    public DateTime? VotingClosesAtUtc { get; private set; }
    public DateTime? ResultsPublishedAtUtc { get; private set; }

    /// <summary>When everyone who took part was recorded as a participant, once voting had closed; see <see cref="CompetitionParticipation"/>.</summary>
    public DateTime? ParticipationRecordedAtUtc { get; private set; }

    public int VotesPerPerson { get; private set; } = 3;
    public bool AllowSelfVoting { get; private set; }
    public int ProposalsPerPerson { get; private set; } = 3;

    /// <summary>Decidim's "hide votes until voting ends": early leaders do not snowball.</summary>
    public bool HideVoteCountsUntilClosed { get; private set; }

    public CompetitionRules Rules => new(VotesPerPerson, AllowSelfVoting, ProposalsPerPerson, HideVoteCountsUntilClosed);

    /// <summary>Whether nothing may show vote counts now: the rule is on and voting has not closed.</summary>
    public bool VoteCountsHiddenAt(DateTime utcNow) => HideVoteCountsUntilClosed && PhaseAt(utcNow) < CompetitionPhase.Closed;

    public CompetitionPhase PhaseAt(DateTime utcNow) =>
        PhaseAt(new CompetitionSchedule(SubmissionOpensAtUtc, ReviewStartsAtUtc, VotingOpensAtUtc, VotingClosesAtUtc, ResultsPublishedAtUtc), utcNow);

    /// <summary>The phase the competition would be in with this schedule.</summary>
    private CompetitionPhase PhaseAt(CompetitionSchedule schedule, DateTime utcNow)
    {
        var scheduled = new (DateTime? Start, CompetitionPhase Phase)[]
        {
            (schedule.SubmissionOpensAt, CompetitionPhase.Submission),
            (schedule.ReviewStartsAt, CompetitionPhase.Review),
            (schedule.VotingOpensAt, CompetitionPhase.Voting),
            (schedule.VotingClosesAt, CompetitionPhase.Closed),
            (schedule.ResultsPublishedAt, CompetitionPhase.ResultsPublished),
        }.Where(s => s.Start <= utcNow).Select(s => s.Phase).DefaultIfEmpty(CompetitionPhase.Draft).Max();
        return scheduled > ManualPhase ? scheduled : ManualPhase;
    }

    /// <summary>New rules and/or a new schedule, or the refusals that leave everything as it was.</summary>
    public Refusals Configure(CompetitionRules? rules, CompetitionSchedule? schedule, DateTime utcNow)
    {
        var refusals = new Refusals();
        // Stored times are UTC and come back from SQLite without a kind, so new times are made UTC once, here.
        schedule = schedule is null ? null : new(schedule.SubmissionOpensAt?.ToUniversalTime(), schedule.ReviewStartsAt?.ToUniversalTime(),
            schedule.VotingOpensAt?.ToUniversalTime(), schedule.VotingClosesAt?.ToUniversalTime(), schedule.ResultsPublishedAt?.ToUniversalTime());
        if (rules is not null)
        {
            if (PhaseAt(utcNow) >= CompetitionPhase.Voting)
            {
                refusals.Add(new RulesLocked(CompetitionTexts.RulesLocked.Format()), "rules");
                return refusals;
            }
            var at = refusals.At("rules");
            if (rules.VotesPerPerson is < 1 or > CompetitionRules.MaxVotesPerPerson)
                at.Invalid("votesPerPerson", RefusalCodes.OutOfRange, CompetitionTexts.VotesPerPersonOutOfRange.Format(CompetitionRules.MaxVotesPerPerson));
            if (rules.ProposalsPerPerson is < 1 or > CompetitionRules.MaxProposalsPerPerson)
                at.Invalid("proposalsPerPerson", RefusalCodes.OutOfRange, CompetitionTexts.ProposalsPerPersonOutOfRange.Format(CompetitionRules.MaxProposalsPerPerson));
        }
        if (schedule is not null)
        {
            var times = new (string Field, DateTime? At)[]
            {
                ("submissionOpensAt", schedule.SubmissionOpensAt), ("reviewStartsAt", schedule.ReviewStartsAt), ("votingOpensAt", schedule.VotingOpensAt),
                ("votingClosesAt", schedule.VotingClosesAt), ("resultsPublishedAt", schedule.ResultsPublishedAt),
            }.Where(t => t.At is not null).ToList();
            for (var i = 1; i < times.Count; i++)
                if (times[i].At < times[i - 1].At)
                    refusals.At("schedule").Invalid(times[i].Field, RefusalCodes.EndBeforeStart, CompetitionTexts.PhasesOutOfOrder.Format(times[i].Field, times[i - 1].Field));
            // A schedule that moved the phase back would reopen what closed, e.g. show hidden counts and then hide them again.
            var current = PhaseAt(utcNow);
            if (!refusals.Any && PhaseAt(schedule, utcNow) < current)
                refusals.Add(new PhaseBackwards(CompetitionTexts.ScheduleBackwards.Format(current.GraphQLName()), current), "schedule");
        }
        if (refusals.Any) return refusals;

        if (rules is not null)
            (VotesPerPerson, AllowSelfVoting, ProposalsPerPerson, HideVoteCountsUntilClosed) = (rules.VotesPerPerson, rules.AllowSelfVoting, rules.ProposalsPerPerson, rules.HideVoteCountsUntilClosed);
        if (schedule is not null)
        {
            (SubmissionOpensAtUtc, ReviewStartsAtUtc, VotingOpensAtUtc, VotingClosesAtUtc, ResultsPublishedAtUtc) =
                (schedule.SubmissionOpensAt, schedule.ReviewStartsAt, schedule.VotingOpensAt, schedule.VotingClosesAt, schedule.ResultsPublishedAt);
        }
        return refusals;
    }

    /// <summary>Moves the competition on by hand, ahead of its schedule; never backwards.</summary>
    public Refusal? AdvanceTo(CompetitionPhase phase, DateTime utcNow)
    {
        var current = PhaseAt(utcNow);
        if (phase <= current) return new PhaseBackwards(CompetitionTexts.PhaseBackwards.Format(current.GraphQLName()), current) { Field = ["to"] };
        ManualPhase = phase;
        return null;
    }

    /// <summary>Notes that the participants are recorded, e.g. by a generator that wrote them itself; <see cref="CompetitionStore"/> claims it in SQL.</summary>
    public void ParticipantsRecorded(DateTime utcNow) => ParticipationRecordedAtUtc ??= utcNow;

    /// <summary>In SQL: <see cref="PhaseAt(DateTime)"/> has reached CLOSED, and the participants are not recorded yet.</summary>
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
