using DigitalInitiativer.Api.GraphQL.Relay;

namespace DigitalInitiativer.Api.Organisation;

public static class OrganisationFeature
{
    /// <summary>Units are public to everyone signed in; who may see a Person is Identity's to say, which registers its node source.</summary>
    public static IServiceCollection AddOrganisation(this IServiceCollection services) => services.AddNodeSource<OrganisationUnit>(OrganisationUnitType.TypeName);
}
