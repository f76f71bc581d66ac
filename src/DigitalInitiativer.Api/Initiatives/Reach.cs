using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Initiatives;

/// <summary>How many distinct participants of an initiative fall in one profile group. Profile null is the unassessed group.</summary>
public sealed record ReachGroup(CompetenceProfile? Profile, int Participants, bool Suppressed);

public static class Reach
{
    /// <summary>
    /// Counts, per initiative, the distinct participants in each profile group with one SQL GROUP BY.
    /// A participant's group is their profile in <paramref name="waveId"/>; without a wave it is their latest
    /// assessment on or before the participation started (or, if it never started, when they enrolled).
    /// Withdrawn participations do not count as reach.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<ReachGroup>>> ForInitiativesAsync(
        AppDbContext db, IReadOnlyCollection<int> initiativeIds, int? waveId, CancellationToken cancellationToken)
    {
        var participations = db.Participations.Where(p => initiativeIds.Contains(p.InitiativeId) && p.Status != ParticipationStatus.Withdrawn);

        var grouped = waveId is { } wave
            ? participations.Select(p => new
            {
                p.InitiativeId,
                Profile = db.Assessments.Where(a => a.PersonId == p.PersonId && a.WaveId == wave).Select(a => (CompetenceProfileKind?)a.Profile).FirstOrDefault(),
            })
            : participations.Select(p => new
            {
                p.InitiativeId,
                Profile = db.Assessments
                    .Where(a => a.PersonId == p.PersonId && a.Wave!.HeldOn <= (p.StartedOn ?? p.EnrolledOn))
                    .OrderByDescending(a => a.Wave!.HeldOn)
                    .Select(a => (CompetenceProfileKind?)a.Profile)
                    .FirstOrDefault(),
            });

        var counts = await grouped
            .GroupBy(x => new { x.InitiativeId, x.Profile })
            .Select(g => new { g.Key.InitiativeId, g.Key.Profile, Participants = g.Count() })
            .ToListAsync(cancellationToken);

        var byInitiative = counts.ToLookup(c => c.InitiativeId);
        return initiativeIds.ToDictionary(id => id, id =>
        {
            var row = byInitiative[id].ToDictionary(c => c.Profile ?? 0, c => c.Participants);
            return Groups(kind => row.GetValueOrDefault(kind ?? 0));
        });
    }

    /// <summary>The five groups in display order: the four profiles by level, then the unassessed group.</summary>
    private static IReadOnlyList<ReachGroup> Groups(Func<CompetenceProfileKind?, int> countOf) =>
    [
        .. CompetenceProfile.All.Select(p => new ReachGroup(p, countOf(p.Kind), Suppressed: false)),
        new ReachGroup(null, countOf(null), Suppressed: false),
    ];
}
