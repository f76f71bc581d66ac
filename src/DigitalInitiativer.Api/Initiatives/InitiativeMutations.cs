using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Initiatives;

public sealed class CreateInitiativeInput
{
    public string Code { get; set; } = "";
    public InitiativeKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string UnitId { get; set; } = "";
    public List<CompetenceProfileKind>? TargetProfiles { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
}

public sealed class CreateInitiativeInputType : InputObjectGraphType<CreateInitiativeInput>
{
    public CreateInitiativeInputType()
    {
        Name = "CreateInitiativeInput";
        Description = "A new initiative.";
        Field<NonNullGraphType<StringGraphType>>("code").Description($"A unique code: letters, digits, '.', '_' and '-', at most {InitiativeRules.MaxCodeLength} characters. It cannot be changed later.");
        Field<NonNullGraphType<InitiativeKindType>>("kind").Description("What kind of initiative it is. It cannot be changed later.");
        Field<NonNullGraphType<StringGraphType>>("title").Description($"The title, at most {InitiativeRules.MaxTitleLength} characters.");
        Field<StringGraphType>("description").Description($"A longer description, at most {InitiativeRules.MaxDescriptionLength} characters.");
        Field<NonNullGraphType<IdGraphType>>("unitId").Description("The unit the initiative is for.");
        Field<ListGraphType<NonNullGraphType<CompetenceProfileKindType>>>("targetProfiles").Description("The profiles it is meant for; omit or leave empty for everyone.");
        Field<NonNullGraphType<DateType>>("startsOn").Description("The first day.");
        Field<DateType>("endsOn").Description("The last day, on or after startsOn; omit while the end is open.");
    }
}

public sealed class UpdateInitiativeInputType : InputObjectGraphType
{
    public UpdateInitiativeInputType()
    {
        Name = "UpdateInitiativeInput";
        Description = "Changes to an initiative. Fields left out keep their value; description and endsOn can be cleared with null.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The initiative to change.");
        Field<StringGraphType>("title").Description($"A new title, at most {InitiativeRules.MaxTitleLength} characters.");
        Field<StringGraphType>("description").Description("A new description; null clears it.");
        Field<IdGraphType>("unitId").Description("A new unit the initiative is for.");
        Field<ListGraphType<NonNullGraphType<CompetenceProfileKindType>>>("targetProfiles").Description("The new set of target profiles; empty means everyone.");
        Field<DateType>("startsOn").Description("A new first day.");
        Field<DateType>("endsOn").Description("A new last day; null makes the end open.");
    }
}

public sealed class CreateInitiativeErrorType() : UserErrorUnion("CreateInitiativeError", "createInitiative",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(CodeTakenErrorType));

public sealed class UpdateInitiativeErrorType() : UserErrorUnion("UpdateInitiativeError", "updateInitiative",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType));

public static class InitiativeMutations
{
    public static void AddInitiativeMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<InitiativeType, Initiative, CreateInitiativeErrorType>>>("createInitiative")
            .Description("Creates an initiative in the catalogue. An IDEA_COMPETITION starts with its competition in DRAFT and default rules.")
            .Argument<NonNullGraphType<CreateInitiativeInputType>>("input", "The new initiative.")
            .AuthorizeWithRoles(Roles.Managers)
            .ResolveAsync(async ctx => await CreateAsync(ctx.Db(), ctx.GetArgument<CreateInitiativeInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<InitiativeType, Initiative, UpdateInitiativeErrorType>>>("updateInitiative")
            .Description("Changes an initiative's title, description, unit, target profiles or period.")
            .Argument<NonNullGraphType<UpdateInitiativeInputType>>("input", "The changes.")
            .AuthorizeWithRoles(Roles.Managers)
            .ResolveAsync(async ctx => await UpdateAsync(ctx.Db(), ctx.GetArgument<Dictionary<string, object?>>("input"), ctx.CancellationToken));
    }

    private static async Task<Payload<Initiative>> CreateAsync(AppDbContext db, CreateInitiativeInput input, CancellationToken cancellationToken)
    {
        var errors = new UserErrorList("input");
        var code = input.Code.Trim();
        var title = input.Title.Trim();
        InitiativeRules.CheckCode(errors, code);
        InitiativeRules.CheckTitle(errors, title);
        InitiativeRules.CheckDescription(errors, input.Description);
        InitiativeRules.CheckPeriod(errors, input.StartsOn, input.EndsOn);
        var unitId = await db.FindUnitAsync(errors, input.UnitId, cancellationToken);
        if (!errors.Any && await db.Initiatives().AnyAsync(i => i.Code == code, cancellationToken))
            errors.CodeTaken("code", code);
        if (errors.Any) return Payload<Initiative>.Failed(errors);

        var initiative = new Initiative
        {
            Code = code,
            Kind = input.Kind,
            Title = title,
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            UnitId = unitId!.Value,
            TargetProfiles = input.TargetProfiles ?? [],
            StartsOn = input.StartsOn,
            EndsOn = input.EndsOn,
        };
        db.Initiatives().Add(initiative);
        if (initiative.Kind == InitiativeKind.IdeaCompetition)
            db.Competitions().Add(new IdeaCompetition { Initiative = initiative });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request may have taken the code between our check and our insert; the unique index caught it.
            foreach (var added in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) added.State = EntityState.Detached;
            if (!await db.Initiatives().AnyAsync(i => i.Code == code, cancellationToken)) throw;
            errors.CodeTaken("code", code);
            return Payload<Initiative>.Failed(errors);
        }
        return Payload<Initiative>.Ok(initiative);
    }

    private static async Task<Payload<Initiative>> UpdateAsync(AppDbContext db, Dictionary<string, object?> input, CancellationToken cancellationToken)
    {
        var errors = new UserErrorList("input");
        var globalId = (string)input["id"]!;
        var initiative = GlobalId.TryParseKey(globalId, InitiativeType.TypeName) is { } id
            ? await db.Initiatives().AsTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            : null;
        if (initiative is null)
        {
            errors.NotFound("id", globalId, "No initiative has this id.");
            return Payload<Initiative>.Failed(errors);
        }

        if (input.TryGetValue("title", out var title))
        {
            InitiativeRules.CheckTitle(errors, (string?)title);
            initiative.Title = ((string?)title)?.Trim() ?? "";
        }
        if (input.TryGetValue("description", out var description))
        {
            InitiativeRules.CheckDescription(errors, (string?)description);
            initiative.Description = string.IsNullOrWhiteSpace((string?)description) ? null : ((string)description).Trim();
        }
        if (input.TryGetValue("unitId", out var unitGlobalId))
        {
            if (await db.FindUnitAsync(errors, (string?)unitGlobalId, cancellationToken) is { } unitId) initiative.UnitId = unitId;
        }
        if (input.TryGetValue("targetProfiles", out var targets))
            initiative.TargetProfiles = (targets as IEnumerable<object?>)?.OfType<CompetenceProfileKind>().ToList() ?? [];
        if (input.TryGetValue("startsOn", out var startsOn))
        {
            if (startsOn is DateOnly start) initiative.StartsOn = start;
            else errors.Invalid("startsOn", ErrorCodes.Required, "'startsOn' cannot be cleared.");
        }
        if (input.TryGetValue("endsOn", out var endsOn)) initiative.EndsOn = (DateOnly?)endsOn;
        InitiativeRules.CheckPeriod(errors, initiative.StartsOn, initiative.EndsOn);

        if (errors.Any) return Payload<Initiative>.Failed(errors);
        await db.SaveChangesAsync(cancellationToken);
        return Payload<Initiative>.Ok(initiative);
    }
}

public static class UnitInputs
{
    /// <summary>The unit an input's <c>unitId</c> names, or null with a NOT_FOUND error at "unitId" when it names none.</summary>
    public static async Task<int?> FindUnitAsync(this AppDbContext db, UserErrorList errors, string? globalId, CancellationToken cancellationToken)
    {
        if (GlobalId.TryParseKey(globalId, OrganisationUnitType.TypeName) is { } id && await db.Units().AnyAsync(u => u.Id == id, cancellationToken))
            return id;
        errors.NotFound("unitId", globalId ?? "", "No organisation unit has this id.");
        return null;
    }
}
