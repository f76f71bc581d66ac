using DigitalInitiativer.Api.GraphQL.Authorization;
using GraphQL;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Profiles;

public static class ProfileQueries
{
    public static void AddProfileQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetenceProfileType>>>>("competenceProfiles")
            .Description("The four competence profiles, ordered by level from AWAITING to SELF_DRIVEN.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve(_ => CompetenceProfile.All);
    }
}
