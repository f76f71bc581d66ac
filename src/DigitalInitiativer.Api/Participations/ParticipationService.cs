using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Participations;

/// <summary>Recording who took part in what, one record or many at once, all or nothing.</summary>
public sealed class ParticipationService(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const int MaxBatchSize = 1000;

    public async Task<Result<Participation>> RecordAsync(RecordParticipationInput input, CancellationToken cancellationToken)
    {
        var recorded = await RecordAllAsync([input], _ => [], cancellationToken);
        return recorded.Succeeded ? recorded.Value![0] : Result<Participation>.Refused(recorded.Refusals);
    }

    public async Task<Result<IReadOnlyList<Participation>>> RecordManyAsync(IReadOnlyList<RecordParticipationInput> items, CancellationToken cancellationToken)
    {
        var refusals = new Refusals();
        if (items.Count == 0) refusals.Invalid("items", RefusalCodes.EmptyList, ParticipationTexts.NoItems.Format());
        if (items.Count > MaxBatchSize) refusals.Invalid("items", RefusalCodes.TooManyItems, ParticipationTexts.TooManyItems.Format(items.Count, MaxBatchSize));
        if (refusals.Any) return refusals;
        return await RecordAllAsync(items, index => ["items", index.ToString()], cancellationToken);
    }

    private async Task<Result<IReadOnlyList<Participation>>> RecordAllAsync(IReadOnlyList<RecordParticipationInput> items, Func<int, string[]> pathOf,
        CancellationToken cancellationToken)
    {
        var personKeys = items.Select(i => GlobalId.TryParseKey(i.PersonId, PersonType.TypeName)).OfType<int>().Distinct().ToList();
        var initiativeKeys = items.Select(i => GlobalId.TryParseKey(i.InitiativeId, InitiativeType.TypeName)).OfType<int>().Distinct().ToList();
        // An erased person is gone: recording them is NOT_FOUND, exactly as for an id that never existed.
        var persons = (await db.Persons().Where(p => personKeys.Contains(p.Id) && p.ErasedAtUtc == null).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var initiatives = (await db.Initiatives().Where(i => initiativeKeys.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();

        var refusals = new Refusals();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var pairs = new Dictionary<(int Person, int Initiative), int>();
        var resolved = new List<(int Person, int Initiative)>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var at = refusals.At(pathOf(index));
            var person = GlobalId.TryParseKey(item.PersonId, PersonType.TypeName) is { } p && persons.Contains(p) ? p : (int?)null;
            var initiative = GlobalId.TryParseKey(item.InitiativeId, InitiativeType.TypeName) is { } i && initiatives.Contains(i) ? i : (int?)null;
            if (person is null) at.NotFound("personId", item.PersonId, OrganisationTexts.NoPerson.Format());
            if (initiative is null) at.NotFound("initiativeId", item.InitiativeId, InitiativeTexts.NoInitiative.Format());
            ParticipationRules.Check(at, item.Record);
            // Dates people took part on are plausible: from the year 2000, and not later than today.
            at.Within("enrolledOn", item.Record.EnrolledOn, InitiativeRules.EarliestDate, today);
            at.Within("startedOn", item.Record.StartedOn, InitiativeRules.EarliestDate, today);
            at.Within("completedOn", item.Record.CompletedOn, InitiativeRules.EarliestDate, today);
            if (person is { } pp && initiative is { } ii)
            {
                if (pairs.TryGetValue((pp, ii), out var earlier))
                    at.Invalid("personId", RefusalCodes.DuplicateItem, ParticipationTexts.DuplicateItem.Format(earlier));
                else pairs[(pp, ii)] = index;
                resolved.Add((pp, ii));
            }
        }
        if (refusals.Any) return refusals;

        var existing = await db.Participations().AsTracking()
            .Where(x => personKeys.Contains(x.PersonId) && initiativeKeys.Contains(x.InitiativeId))
            .ToDictionaryAsync(x => (x.PersonId, x.InitiativeId), cancellationToken);
        var saved = new List<Participation>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var (person, initiative) = resolved[index];
            if (existing.TryGetValue((person, initiative), out var participation)) participation.Record(items[index].Record);
            else db.Participations().Add(participation = new Participation(person, initiative, items[index].Record));
            saved.Add(participation);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var participation in saved) audit.Record(participation.PersonId, AuditTrail.ParticipationRecorded);
        return saved;
    }
}
