using System.ComponentModel.DataAnnotations;
using DigitalInitiativer.Api.Analytics.Disclosure;

namespace DigitalInitiativer.Api.Analytics;

/// <summary>Disclosure control for aggregates, bound from the "Analytics" configuration section. See docs/analytics.md.</summary>
public sealed class AnalyticsSettings
{
    public const string Section = "Analytics";
    public const int LowestAllowedGroupSize = 3;
    public const int DefaultMaximumPerturbation = 4;

    /// <summary>k: any figure computed from fewer people than this is withheld. Checked at start-up; below 3 the app refuses to start.</summary>
    [Range(LowestAllowedGroupSize, 1000, ErrorMessage = "Analytics:MinimumGroupSize must be between 3 and 1000; smaller groups could identify individuals.")]
    public int MinimumGroupSize { get; set; } = 5;

    /// <summary>
    /// D: every published count is the true count moved by up to ±D, drawn from its people's record keys. 0 turns the
    /// perturbation off, which the app allows only in Development (for exact test figures); see <see cref="Validate"/>.
    /// </summary>
    [Range(0, 10, ErrorMessage = "Analytics:MaximumPerturbation must be between 1 and 10 (0, off, only in Development), and below Analytics:MinimumGroupSize.")]
    public int MaximumPerturbation { get; set; } = DefaultMaximumPerturbation;

    /// <summary>How often the participations that figures count are refreshed from the live ones (see <see cref="AnalyticsSnapshot"/>).</summary>
    [Range(1, 24 * 7, ErrorMessage = "Analytics:RefreshHours must be between 1 and 168.")]
    public int RefreshHours { get; set; } = 24;

    /// <summary>Keep protected figures between requests until their data changes (see <see cref="FigureCache"/>); off only to check the cache against fresh computations.</summary>
    public bool CacheFigures { get; set; } = true;

    /// <summary>Compute the figures most asked for in the background after every change (checked every 5 minutes), before the first reader asks.</summary>
    public bool WarmFigures { get; set; } = true;

    /// <summary>How long a reader waits for figures being computed after a change before reading the last ones computed (see <see cref="FigureCache"/>).</summary>
    [Range(0, 3600, ErrorMessage = "Analytics:WaitForFreshSeconds must be between 0 and 3600.")]
    public double WaitForFreshSeconds { get; set; } = 5;

    /// <summary>How long one computation of figures may run its SQL (a national installation's first computation takes about a minute).</summary>
    [Range(1, 120, ErrorMessage = "Analytics:ComputeTimeoutMinutes must be between 1 and 120.")]
    public int ComputeTimeoutMinutes { get; set; } = 15;

    /// <summary>How many figures (cells) the cache may hold; about 16 bytes each.</summary>
    [Range(1000, int.MaxValue, ErrorMessage = "Analytics:CachedCells must be at least 1000.")]
    public int CachedCells { get; set; } = 20_000_000;

    public DisclosureRules Rules => new(MinimumGroupSize, MaximumPerturbation);

    /// <summary>
    /// Outside Development the perturbation cannot be switched off, and it stays below k, so that an empty cell (perturbed
    /// to at most D) is never shown.
    /// </summary>
    public static bool Validate(AnalyticsSettings settings, IHostEnvironment environment) =>
        (settings.MaximumPerturbation > 0 || environment.IsDevelopment()) && settings.MaximumPerturbation < settings.MinimumGroupSize;
}
