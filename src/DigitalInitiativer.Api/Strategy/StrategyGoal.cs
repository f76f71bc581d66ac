using System.ComponentModel;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Strategy;

/// <summary>What a strategy goal says: a profile's share to reach or stay under by a year, for everyone or one unit.</summary>
public sealed record GoalTarget(string Title, CompetenceProfileKind Profile, GoalComparison Comparison, double TargetShare, int TargetYear, int? UnitId);

/// <summary>A target of the digital strategy, e.g. "60 % SELF_DRIVEN by 2020" or "at most 1 % AWAITING". It keeps its own rules.</summary>
public sealed class StrategyGoal : IEntity
{
    public const int MaxTitleLength = 200, MinYear = 2000, MaxYear = 2100;

    private StrategyGoal()
    {
        Title = "";
    }

    /// <exception cref="ArgumentException">The target breaks a rule; check it with <see cref="Check"/> first.</exception>
    public StrategyGoal(GoalTarget target) : this()
    {
        if (Set(target) is { Any: true } broken) throw new ArgumentException(broken.All[0].Message, nameof(target));
    }

    public int Id { get; private set; }
    public string Title { get; private set; }
    public CompetenceProfileKind Profile { get; private set; }
    public GoalComparison Comparison { get; private set; }

    /// <summary>The target share of staff in <see cref="Profile"/>, 0 to 1.</summary>
    public double TargetShare { get; private set; }

    public int TargetYear { get; private set; }

    /// <summary>The unit the goal is for (sub-units included); null for the whole organisation.</summary>
    public int? UnitId { get; private set; }

    public bool IsMetBy(double share) => Comparison == GoalComparison.AtLeast ? share >= TargetShare - 1e-9 : share <= TargetShare + 1e-9;

    /// <summary>Replaces what the goal says, unless the new target breaks a rule; then nothing changes and the refusals say why.</summary>
    public Refusals Set(GoalTarget target)
    {
        var refusals = new Refusals();
        Check(refusals, target);
        if (!refusals.Any)
            (Title, Profile, Comparison, TargetShare, TargetYear, UnitId) = (target.Title.Trim(), target.Profile, target.Comparison, target.TargetShare, target.TargetYear, target.UnitId);
        return refusals;
    }

    public static void Check(Refusals refusals, GoalTarget target)
    {
        refusals.Required("title", target.Title);
        refusals.MaxLength("title", target.Title.Trim(), MaxTitleLength);
        if (target.TargetShare is < 0 or > 1 || double.IsNaN(target.TargetShare))
            refusals.Invalid("targetShare", RefusalCodes.OutOfRange, StrategyTexts.ShareOutOfRange.Format(target.TargetShare));
        if (target.TargetYear is < MinYear or > MaxYear)
            refusals.Invalid("targetYear", RefusalCodes.OutOfRange, StrategyTexts.YearOutOfRange.Format(MinYear, MaxYear, target.TargetYear));
    }
}

public enum GoalComparison
{
    [Description("The profile's share must reach at least the target.")]
    AtLeast = 1,

    [Description("The profile's share must stay at or below the target.")]
    AtMost = 2,
}

public enum GoalStatus
{
    [Description("The latest wave meets the target.")]
    Achieved = 1,

    [Description("Not met yet, but the trend between the last two waves reaches the target by the target year.")]
    OnTrack = 2,

    [Description("Not met, and either the target year has passed or the trend does not reach it in time.")]
    OffTrack = 3,

    [Description("Not enough published figures to tell: no wave yet, the value is withheld, or only one wave to project from.")]
    NotMeasurable = 4,
}
