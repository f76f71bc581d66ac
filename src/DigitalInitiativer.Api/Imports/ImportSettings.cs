namespace DigitalInitiativer.Api.Imports;

/// <summary>Bound from the "Imports" configuration section. See docs/imports.md.</summary>
public sealed class ImportSettings
{
    public const string Section = "Imports";

    public ScoringRule Scoring { get; set; } = new();

    /// <summary>
    /// Hours between applied unit-tree imports, and between applied survey-wave imports, through the API; null means
    /// Analytics:RefreshHours. 0 turns the limit off, and is honoured only in Development (tests that import often).
    /// </summary>
    public int? PlacementImportHours { get; set; }
}

/// <summary>
/// How a survey row with answer columns q1..qN is placed in a profile: the mean of the answers given, on a scale from
/// <see cref="MinAnswer"/> to <see cref="MaxAnswer"/>, is compared with three thresholds. Below the first is AWAITING,
/// below the second HESITANT, below the third WILLING, and from the third up SELF_DRIVEN.
/// </summary>
public sealed class ScoringRule
{
    public int MinAnswer { get; set; } = 1;
    public int MaxAnswer { get; set; } = 5;
    public double[] Thresholds { get; set; } = [2.0, 3.0, 4.0];

    public Profiles.CompetenceProfileKind Classify(double meanAnswer) =>
        (Profiles.CompetenceProfileKind)(1 + Thresholds.Count(threshold => meanAnswer >= threshold));
}
