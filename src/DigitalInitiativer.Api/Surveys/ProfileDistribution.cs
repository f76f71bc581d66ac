using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Analytics.Disclosure;
using DigitalInitiativer.Api.Profiles;

namespace DigitalInitiativer.Api.Surveys;

public sealed record ProfileGroupCount(CompetenceProfile Profile, ProtectedCount Count, double? Share);

public sealed record ProfileDistribution(SurveyWave Wave, ProtectedCount Total, IReadOnlyList<ProfileGroupCount> Groups, DisclosureRules Rules)
{
    public bool AnyWithheld => Total.Suppressed || Groups.Any(g => g.Count.Suppressed);

    /// <summary>One wave's distribution for a unit (sub-units included) and role, read from the protected population table.</summary>
    public static ProfileDistribution From(SurveyWave wave, Population population, int unit, RoleSlot role)
    {
        var total = new ProtectedCount(population.Cube.Published(unit, role, Population.Assessed));
        return new ProfileDistribution(wave, total, CompetenceProfile.All.Select(p =>
        {
            var count = new ProtectedCount(population.Cube.Published(unit, role, p.Level - 1));
            return new ProfileGroupCount(p, count, count.ShareOf(total));
        }).ToList(), population.Cube.Table.Rules);
    }
}
