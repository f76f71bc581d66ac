using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Analytics.Disclosure;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Strategy;

/// <summary>Where a goal stands: its latest published value, and whether the trend reaches the target in time.</summary>
public sealed record GoalProgress(StrategyGoal Goal, double? LatestValue, SurveyWave? Wave, double? ProjectedValue, GoalStatus Status)
{
    public bool? OnTrack => Status switch { GoalStatus.Achieved or GoalStatus.OnTrack => true, GoalStatus.OffTrack => false, _ => null };

    /// <summary>Measures every goal against the waves' protected distributions (one population table per wave).</summary>
    public static async Task<IReadOnlyList<GoalProgress>> ForAsync(AppDbContext db, AnalyticsReads analytics, IReadOnlyList<StrategyGoal> goals, CancellationToken cancellationToken)
    {
        var waves = await db.SurveyWaves().OrderBy(w => w.HeldOn).ToListAsync(cancellationToken);
        var populations = new List<(SurveyWave Wave, Population Population)>();
        foreach (var wave in waves)
            populations.Add((wave, await analytics.PopulationAsync(wave.Id, cancellationToken, earlierWhileComputing: true)));

        return goals.Select(goal =>
        {
            // A unit created after the figures were computed is not in their tree yet: nothing is published for it.
            long? Published(Population population, int member) =>
                population.Tree.IndexOf(goal.UnitId) is { } unit ? population.Figures.Published(unit, RoleSlot.All, member) : null;
            var series = populations
                .Select(p => (p.Wave, Total: new ProtectedCount(Published(p.Population, Population.Assessed)),
                    Count: new ProtectedCount(Published(p.Population, (int)goal.Profile - 1))))
                .Where(p => p.Total.Value != 0)
                .Select(p => (p.Wave, Share: p.Count.ShareOf(p.Total)))
                .ToList();
            return Measure(goal, series);
        }).ToList();
    }

    private static GoalProgress Measure(StrategyGoal goal, List<(SurveyWave Wave, double? Share)> series)
    {
        if (series.Count == 0 || series[^1].Share is not { } latest)
            return new(goal, null, series.LastOrDefault().Wave, null, GoalStatus.NotMeasurable);
        var wave = series[^1].Wave;
        if (goal.IsMetBy(latest)) return new(goal, latest, wave, null, GoalStatus.Achieved);
        if (wave.Year >= goal.TargetYear) return new(goal, latest, wave, null, GoalStatus.OffTrack);
        if (series.Count < 2 || series[^2].Share is not { } previous || series[^2].Wave.Year == wave.Year)
            return new(goal, latest, wave, null, GoalStatus.NotMeasurable);

        var perYear = (latest - previous) / (wave.Year - series[^2].Wave.Year);
        var projected = Math.Clamp(latest + perYear * (goal.TargetYear - wave.Year), 0, 1);
        return new(goal, latest, wave, projected, goal.IsMetBy(projected) ? GoalStatus.OnTrack : GoalStatus.OffTrack);
    }
}
