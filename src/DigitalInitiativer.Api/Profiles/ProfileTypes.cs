using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Relay;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Profiles;

public sealed class CompetenceProfileKindType : EnumerationGraphType<CompetenceProfileKind>
{
    public CompetenceProfileKindType()
    {
        Name = "CompetenceProfileKind";
        Description = "The four digital competence profiles the survey places people in, from level 1 (AWAITING) to level 4 (SELF_DRIVEN).";
    }
}

public sealed class CompetenceProfileType : ObjectGraphType<CompetenceProfile>
{
    public const string TypeName = "CompetenceProfile";

    public CompetenceProfileType()
    {
        Name = TypeName;
        Description = "One of the four digital competence profiles. Name and description come in the caller's language; personas are the Danish labels used in the survey.";
        Interface<NodeInterface>();
        IsTypeOf = source => source is CompetenceProfile;
        Field<NonNullGraphType<IdGraphType>>("id").Description("The profile's opaque global id.").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Kind));
        Field<NonNullGraphType<CompetenceProfileKindType>>("kind").Description("Which profile this is.").Resolve(ctx => ctx.Source.Kind);
        Field(p => p.Level).Description("The profile's level, 1 (AWAITING) to 4 (SELF_DRIVEN). Moving up means a higher level.");
        Field(p => p.Name).Description("The profile's name in the caller's language: Danish (e.g. Selvkørende) unless Accept-Language asks for English (e.g. Self-driven). Branch on kind, not on name.");
        Field(p => p.Persona).Description("The persona that illustrates the profile, e.g. Signe Selvkørende.");
        Field(p => p.Description).Description("What characterises people in this profile, in the caller's language: Danish unless Accept-Language asks for English.");
    }
}

/// <summary>node(id:) for the four profiles, which are not stored rows.</summary>
public sealed class CompetenceProfileNodeSource : INodeSource
{
    public string TypeName => CompetenceProfileType.TypeName;

    public IDataLoaderResult<object?>? Load(string key) =>
        new Loaded<object?>(Enum.TryParse<CompetenceProfileKind>(key, out var kind) && Enum.IsDefined(kind) ? CompetenceProfile.Of(kind) : null);
}
