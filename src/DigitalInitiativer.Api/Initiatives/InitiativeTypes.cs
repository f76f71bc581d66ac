using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.SeedWork;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Initiatives;

public sealed class InitiativeKindType : EnumerationGraphType<InitiativeKind>
{
    public InitiativeKindType()
    {
        Name = "InitiativeKind";
        Description = "The kinds of initiative the municipality runs to raise digital competences.";
    }
}

/// <summary>An initiative in the catalogue. Other features add what they know about it: reach, participations, the competition.</summary>
public sealed class InitiativeType : NodeType<Initiative>
{
    public const string TypeName = "Initiative";

    public InitiativeType(IEnumerable<IFieldsFor<InitiativeType>> contributions)
        : base(TypeName, "An intervention meant to raise digital competences: a course, e-learning, a video guide, a drop-in café, peer training or the idea competition.")
    {
        Field(i => i.Code).Description("The initiative's unique, stable code, used by imports and learning systems to refer to it.");
        Field<NonNullGraphType<InitiativeKindType>>("kind").Description("What kind of initiative this is.").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("title").Description("The initiative's title: Danish, or its English translation when the request asks for English (Accept-Language: en) and there is one.")
            .Resolve(ctx => Text.EnglishWanted && ctx.Source.EnglishTitle is { } english ? english : ctx.Source.Title);
        Field<StringGraphType>("description").Description("A longer description, in the same language as the title when there is one in it.")
            .Resolve(ctx => Text.EnglishWanted && ctx.Source.EnglishTitle is not null ? ctx.Source.EnglishDescription ?? ctx.Source.Description : ctx.Source.Description);
        Field<StringGraphType>("url").Description("Where to take part online, e.g. the e-learning programme or the video guide; null when the offer has no link.").Resolve(ctx => ctx.Source.Url);
        Field<NonNullGraphType<OrganisationUnitType>>("unit")
            .Description("The unit the initiative is for; its sub-units are included.")
            .ResolveById<Initiative, OrganisationUnit>(i => i.UnitId, alreadyLoaded: i => i.Unit);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetenceProfileType>>>>("targetProfiles")
            .Description("The profiles the initiative is meant for, ordered by level. Empty when it is meant for everyone.")
            .Resolve(ctx => ctx.Source.TargetProfiles.Select(CompetenceProfile.Of));
        Field<NonNullGraphType<DateType>>("startsOn").Description("The first day of the initiative.").Resolve(ctx => ctx.Source.StartsOn);
        Field<DateType>("endsOn").Description("The last day of the initiative; null while it is ongoing.").Resolve(ctx => ctx.Source.EndsOn);
        this.AddFields(contributions);
    }
}
