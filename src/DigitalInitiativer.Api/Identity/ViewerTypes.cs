using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Organisation;
using GraphQL;
using GraphQL.MicrosoftDI;
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

public static class ViewerQueries
{
    public static void AddViewerQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ViewerType>>("me")
            .Description("The signed-in caller, with their own assessments and participations.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<Viewer>()
            .ResolveAsync(async (ctx, viewer) => new ViewerInfo(await viewer.PersonIdAsync(ctx.CancellationToken), viewer.Roles));
    }
}

/// <summary>What a caller may see of stored person-level data, decided per request.</summary>
public static class PersonVisibility
{
    /// <summary>Managers see the people whose participation they record; everyone sees themselves; nobody sees an erased person.</summary>
    public static async ValueTask<bool> SeesPersonAsync(this Viewer viewer, Person person) =>
        person.ErasedAtUtc is null && (viewer.IsInAnyRole(Roles.Managers) || person.Id == await viewer.PersonIdAsync(CancellationToken.None));

    /// <summary>Data that is one person's own: visible to them and, when <paramref name="managersToo"/>, to managers.</summary>
    public static async ValueTask<bool> SeesDataOfAsync(this Viewer viewer, int personId, bool managersToo) =>
        (managersToo && viewer.IsInAnyRole(Roles.Managers)) || personId == await viewer.PersonIdAsync(CancellationToken.None);
}

public static class IdentityFeature
{
    public static IServiceCollection AddIdentityNodes(this IServiceCollection services) =>
        services.AddNodeSource<Person>(PersonType.TypeName, (sp, person) => sp.GetRequiredService<Viewer>().SeesPersonAsync(person));
}
