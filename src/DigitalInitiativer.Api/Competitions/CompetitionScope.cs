using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>
/// Who a competition is for: the staff of its initiative's unit and every unit below it. Only they submit, co-author,
/// vote and comment. Managers and administrators manage every competition, and only they see one in DRAFT.
/// </summary>
public sealed class CompetitionScope(AppDbContext db, Viewer viewer, TimeProvider clock)
{
    /// <summary>Why the person may not take part, or null.</summary>
    public async Task<OutsideCompetitionUnit?> CheckAsync(int competitionId, int personId, CancellationToken cancellationToken) =>
        (await OutsideAsync(competitionId, [personId], cancellationToken)).Refusal;

    /// <summary>Of these people, those who work outside the competition's unit, and the refusal that names it (null when there are none).</summary>
    public Task<Outside> OutsideAsync(int competitionId, IReadOnlyCollection<int> personIds, CancellationToken cancellationToken) =>
        OutsideAsync(competitionId, personIds, within => db.Persons().Where(p => within.Contains(p.UnitId)).Select(p => p.Id), cancellationToken);

    /// <summary>Whether a proposal from this unit belongs in the competition, or the refusal.</summary>
    public async Task<OutsideCompetitionUnit?> CheckUnitAsync(int competitionId, int unitId, CancellationToken cancellationToken) =>
        (await OutsideAsync(competitionId, [unitId], within => within, cancellationToken)).Refusal;

    private async Task<Outside> OutsideAsync(int competitionId, IReadOnlyCollection<int> ids, Func<IQueryable<int>, IQueryable<int>> inside, CancellationToken cancellationToken)
    {
        var unitId = await db.Initiatives().Where(i => i.Id == competitionId).Select(i => i.UnitId).SingleAsync(cancellationToken);
        var found = await inside(UnitTree.IdsUnder(db, unitId)).Where(id => ids.Contains(id)).ToListAsync(cancellationToken);
        var outside = ids.Except(found).ToHashSet();
        return new Outside(outside, outside.Count == 0 ? null : new OutsideCompetitionUnit(CompetitionTexts.OutsideUnit.Format(), unitId) { Field = null });
    }

    /// <summary>DRAFT competitions are for those who prepare them.</summary>
    public bool IsVisible(IdeaCompetition competition) =>
        competition.PhaseAt(clock.GetUtcNow().UtcDateTime) != CompetitionPhase.Draft || viewer.IsInAnyRole(Roles.Managers);

    public sealed record Outside(IReadOnlySet<int> Ids, OutsideCompetitionUnit? Refusal);
}
