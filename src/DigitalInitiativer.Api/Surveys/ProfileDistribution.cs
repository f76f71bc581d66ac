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
        if (unitId is { } u) assessments = assessments.InUnitTree(db, u);

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

public static class AssessmentQueryExtensions
{
    /// <summary>Assessments made in the given unit or any unit below it.</summary>
    public static IQueryable<Assessment> InUnitTree(this IQueryable<Assessment> assessments, AppDbContext db, int unitId)
    {
        var rootPath = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        return assessments.Where(a => db.Units.Any(u => u.Id == a.UnitId && rootPath.Any(p => u.Path.StartsWith(p))));
    }
}
