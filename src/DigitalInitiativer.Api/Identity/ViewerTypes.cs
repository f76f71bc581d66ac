using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.Organisation;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Identity;

/// <summary>The signed-in caller and the person-level data that is theirs alone to see.</summary>
public sealed record ViewerInfo(int? PersonId, IReadOnlyList<string> Roles);

/// <summary>The caller. Features add what is the caller's own (assessments, participations, invitations) through <see cref="IFieldsFor{TGraphType}"/>.</summary>
public sealed class ViewerType : ObjectGraphType<ViewerInfo>
{
    public ViewerType(IEnumerable<IFieldsFor<ViewerType>> contributions)
    {
        Name = "Viewer";
        Description = "The signed-in caller. Their own assessed profiles are visible here, to them alone: no role can read another person's profile.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Description("The caller's app roles: Employee, InitiativeManager, Evaluator, Administrator.")
            .Resolve(ctx => ctx.Source.Roles);
        Field<PersonType>("person")
            .Description("The caller's own Person record; null when the sign-in is not linked to a person.")
            .ResolveById<ViewerInfo, Person>(v => v.PersonId);
        this.AddFields(contributions);
    }
}
