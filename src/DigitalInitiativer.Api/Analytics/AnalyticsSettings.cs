using System.ComponentModel.DataAnnotations;

namespace DigitalInitiativer.Api.Analytics;

/// <summary>Disclosure control for aggregates, bound from the "Analytics" configuration section.</summary>
public sealed class AnalyticsSettings
{
    public const string Section = "Analytics";
    public const int LowestAllowedGroupSize = 3;

    /// <summary>k: any figure computed from fewer people than this is withheld. Checked at start-up; below 3 the app refuses to start.</summary>
    [Range(LowestAllowedGroupSize, 1000, ErrorMessage = "Analytics:MinimumGroupSize must be between 3 and 1000; smaller groups could identify individuals.")]
    public int MinimumGroupSize { get; set; } = 5;
}
