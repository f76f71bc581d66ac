using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Organisation;

namespace DigitalInitiativer.Api.Identity;

public static class IdentityFeature
{
    public static IServiceCollection AddIdentityNodes(this IServiceCollection services) =>
        services.AddNodeSource<Person>(PersonType.TypeName, (sp, person) => sp.GetRequiredService<Viewer>().SeesPersonAsync(person));
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
