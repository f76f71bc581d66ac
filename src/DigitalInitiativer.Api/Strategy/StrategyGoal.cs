using System.ComponentModel;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Profiles;

namespace DigitalInitiativer.Api.Strategy;

/// <summary>A target of the digital strategy, e.g. "60 % SELF_DRIVEN by 2020" or "at most 1 % AWAITING".</summary>
public sealed class StrategyGoal : IEntity
{
    public const int MaxTitleLength = 200, MinYear = 2000, MaxYear = 2100;

    public int Id { get; set; }
    public required string Title { get; set; }
    public CompetenceProfileKind Profile { get; set; }
    public GoalComparison Comparison { get; set; }

    /// <summary>The target share of staff in <see cref="Profile"/>, 0 to 1.</summary>
    public double TargetShare { get; set; }

    public int TargetYear { get; set; }

    /// <summary>The unit the goal is for (sub-units included); null for the whole organisation.</summary>
    public int? UnitId { get; set; }

    public bool IsMetBy(double share) => Comparison == GoalComparison.AtLeast ? share >= TargetShare - 1e-9 : share <= TargetShare + 1e-9;
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
