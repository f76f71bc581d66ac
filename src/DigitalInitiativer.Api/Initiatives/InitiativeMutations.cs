using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.SeedWork;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

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
    public string? Url { get; set; }
    public string? EnglishTitle { get; set; }
    public string? EnglishDescription { get; set; }
}

/// <summary>Changes to an initiative: a field left out keeps its value; description and endsOn can be cleared with null.</summary>
public sealed record UpdateInitiativeInput(string Id, Optional<string?> Title, Optional<string?> Description, Optional<string?> UnitId,
    Optional<List<CompetenceProfileKind>?> TargetProfiles, Optional<DateOnly?> StartsOn, Optional<DateOnly?> EndsOn,
    Optional<string?> Url, Optional<string?> EnglishTitle, Optional<string?> EnglishDescription);

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
        Field<StringGraphType>("url").Description($"Where to take part online (e-learning, video guides): an https:// or http:// address, at most {InitiativeRules.MaxUrlLength} characters.");
        Field<StringGraphType>("englishTitle").Description("The title in English, shown to those who ask for English; title is the Danish one.");
        Field<StringGraphType>("englishDescription").Description("The description in English, shown with englishTitle.");
    }
}

public sealed class UpdateInitiativeInputType : InputObjectGraphType<UpdateInitiativeInput>
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
        Field<StringGraphType>("url").Description("A new link to take part online; null removes it.");
        Field<StringGraphType>("englishTitle").Description("A new English title; null removes the English translation's title.");
        Field<StringGraphType>("englishDescription").Description("A new English description; null removes it.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new UpdateInitiativeInput((string)value["id"]!,
        value.Given<string?>("title"), value.Given<string?>("description"), value.Given<string?>("unitId"),
        value.Given<List<CompetenceProfileKind>?>("targetProfiles"), value.Given<DateOnly?>("startsOn"), value.Given<DateOnly?>("endsOn"),
        value.Given<string?>("url"), value.Given<string?>("englishTitle"), value.Given<string?>("englishDescription"));
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
            .Resolve().WithService<InitiativeService>()
            .ResolveAsync(async (ctx, initiatives) => await initiatives.CreateAsync(ctx.GetArgument<CreateInitiativeInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<InitiativeType, Initiative, UpdateInitiativeErrorType>>>("updateInitiative")
            .Description("Changes an initiative's title, description, unit, target profiles or period.")
            .Argument<NonNullGraphType<UpdateInitiativeInputType>>("input", "The changes.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<InitiativeService>()
            .ResolveAsync(async (ctx, initiatives) => await initiatives.UpdateAsync(ctx.GetArgument<UpdateInitiativeInput>("input"), ctx.CancellationToken));
    }
}
