using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Initiatives;

/// <summary>
/// initiatives(where: { forMe: true }): what is open to the caller. Their unit and latest profile are read inside the
/// query only; no answer shows them.
/// </summary>
public sealed class OffersForMe(AppDbContext db, Viewer viewer, TimeProvider clock)
{
    public async Task<IQueryable<Initiative>> ApplyAsync(IQueryable<Initiative> initiatives, CancellationToken cancellationToken)
    {
        if (await viewer.OwnUnitAndAboveAsync(cancellationToken) is not { } unitsAbove) return initiatives.Where(_ => false);
        var me = (await viewer.PersonIdAsync(cancellationToken))!.Value;
        var latestProfile = await db.Assessments().Where(a => a.PersonId == me)
            .Join(db.SurveyWaves(), a => a.WaveId, w => w.Id, (a, w) => new { a.Profile, w.HeldOn, w.Id })
            .OrderByDescending(x => x.HeldOn).ThenByDescending(x => x.Id).Select(x => (int?)x.Profile).FirstOrDefaultAsync(cancellationToken);
        var mask = latestProfile is { } level ? 1 << (level - 1) : 0;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return initiatives.Where(i => unitsAbove.Contains(i.UnitId)
            && (i.TargetProfileMask == 0 || (i.TargetProfileMask & mask) != 0)
            && (i.EndsOn == null || i.EndsOn >= today));
    }
}
