using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Initiatives;

/// <summary>
/// Something another feature does when an initiative is created, in the same transaction: the idea competition gives
/// a new IDEA_COMPETITION initiative its competition. Registered in dependency injection, so this feature never names them.
/// </summary>
public interface IInitiativeCreated
{
    void Created(AppDbContext db, Initiative initiative);
}

/// <summary>Creating and changing the catalogue.</summary>
public sealed class InitiativeService(AppDbContext db, IEnumerable<IInitiativeCreated> onCreated)
{
    public async Task<Result<Initiative>> CreateAsync(CreateInitiativeInput input, CancellationToken cancellationToken)
    {
        var refusals = new Refusals();
        var code = input.Code.Trim();
        var unitId = await db.FindUnitAsync(refusals, input.UnitId, cancellationToken);
        var details = new InitiativeDetails(input.Title, input.Description, unitId ?? 0, input.TargetProfiles ?? [], input.StartsOn, input.EndsOn,
            input.Url, input.EnglishTitle, input.EnglishDescription);
        InitiativeRules.CheckCode(refusals, code);
        InitiativeRules.CheckDetails(refusals, details);
        if (!refusals.Any && await db.Initiatives().AnyAsync(i => i.Code == code, cancellationToken))
            refusals.CodeTaken("code", code);
        if (refusals.Any) return refusals;

        var initiative = new Initiative(code, input.Kind, details);
        db.Initiatives().Add(initiative);
        foreach (var handler in onCreated) handler.Created(db, initiative);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request may have taken the code between our check and our insert; the unique index caught it.
            foreach (var added in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) added.State = EntityState.Detached;
            if (!await db.Initiatives().AnyAsync(i => i.Code == code, cancellationToken)) throw;
            refusals.CodeTaken("code", code);
            return refusals;
        }
        return initiative;
    }

    public async Task<Result<Initiative>> UpdateAsync(UpdateInitiativeInput input, CancellationToken cancellationToken)
    {
        var refusals = new Refusals();
        var initiative = GlobalId.TryParseKey(input.Id, InitiativeType.TypeName) is { } id
            ? await db.Initiatives().AsTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            : null;
        if (initiative is null) return Result<Initiative>.Refused(new NotFound(InitiativeTexts.NoInitiative.Format(), input.Id) { Field = ["id"] });

        var current = initiative.Details;
        var unitId = current.UnitId;
        if (input.UnitId.IsGiven && await db.FindUnitAsync(refusals, input.UnitId.Value, cancellationToken) is { } newUnit) unitId = newUnit;
        if (input.StartsOn is { IsGiven: true, Value: null }) refusals.Invalid("startsOn", RefusalCodes.Required, InitiativeTexts.StartsOnCannotBeCleared.Format());
        var details = new InitiativeDetails(
            input.Title.IsGiven ? input.Title.Value ?? "" : current.Title, input.Description.Or(current.Description), unitId,
            input.TargetProfiles.IsGiven ? input.TargetProfiles.Value ?? [] : current.TargetProfiles, input.StartsOn.Value ?? current.StartsOn, input.EndsOn.Or(current.EndsOn),
            input.Url.Or(current.Url), input.EnglishTitle.Or(current.EnglishTitle), input.EnglishDescription.Or(current.EnglishDescription));
        InitiativeRules.CheckDetails(refusals, details);
        if (refusals.Any) return refusals;
        initiative.Change(details);
        await db.SaveChangesAsync(cancellationToken);
        return initiative;
    }
}
