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
    public async Task<OutsideCompetitionUnit?> CheckAsync(int competitionId, int personId, CancellationToken cancellationToken)
    {
        var unitId = await UnitOfAsync(competitionId, cancellationToken);
        var within = UnitTree.IdsUnder(db, unitId);
        return await db.Persons().AnyAsync(p => p.Id == personId && within.Contains(p.UnitId), cancellationToken)
            ? null
            : new OutsideCompetitionUnit("This competition is for the staff of another unit.", unitId) { Field = null };
    }

    /// <summary>Of these people, those outside the competition's unit.</summary>
    public async Task<HashSet<int>> OutsideAsync(int competitionId, IReadOnlyCollection<int> personIds, CancellationToken cancellationToken)
    {
        var within = UnitTree.IdsUnder(db, await UnitOfAsync(competitionId, cancellationToken));
        var inside = await db.Persons().Where(p => personIds.Contains(p.Id) && within.Contains(p.UnitId)).Select(p => p.Id).ToListAsync(cancellationToken);
        return personIds.Except(inside).ToHashSet();
    }

    /// <summary>Of these units, those outside the competition's unit.</summary>
    public async Task<HashSet<int>> OutsideUnitsAsync(int competitionId, IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken)
    {
        var within = UnitTree.IdsUnder(db, await UnitOfAsync(competitionId, cancellationToken));
        var inside = await db.Units().Where(u => unitIds.Contains(u.Id) && within.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        return unitIds.Except(inside).ToHashSet();
    }

    public Task<int> UnitOfAsync(int competitionId, CancellationToken cancellationToken) =>
        db.Initiatives().Where(i => i.Id == competitionId).Select(i => i.UnitId).SingleAsync(cancellationToken);

    /// <summary>DRAFT competitions are for those who prepare them.</summary>
    public bool IsVisible(IdeaCompetition competition) =>
        competition.PhaseAt(clock.GetUtcNow().UtcDateTime) != CompetitionPhase.Draft || viewer.IsInAnyRole(Roles.Managers);
}
