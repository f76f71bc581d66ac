using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Surveys;

public sealed record ProfileGroupCount(CompetenceProfile Profile, int Count, double Share);

public sealed record ProfileDistribution(int Total, IReadOnlyList<ProfileGroupCount> Groups)
{
    /// <summary>Counts one wave's assessments per profile in SQL; the unit filter includes sub-units.</summary>
    public static async Task<ProfileDistribution> ComputeAsync(AppDbContext db, int waveId, int? unitId, PersonRole? role, CancellationToken cancellationToken)
    {
        var assessments = db.Assessments.Where(a => a.WaveId == waveId);
        if (role is { } r) assessments = assessments.Where(a => a.Role == r);
        if (unitId is { } u)
        {
            var units = UnitTree.IdsUnder(db, u);
            assessments = assessments.Where(a => units.Contains(a.UnitId));
        }

        var counts = await assessments
            .GroupBy(a => a.Profile)
            .Select(g => new { Profile = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Profile, g => g.Count, cancellationToken);
        var total = counts.Values.Sum();
        return new ProfileDistribution(total, CompetenceProfile.All
            .Select(p => new ProfileGroupCount(p, counts.GetValueOrDefault(p.Kind), total == 0 ? 0 : (double)counts.GetValueOrDefault(p.Kind) / total))
            .ToList());
    }
}
