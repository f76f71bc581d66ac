using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Relay;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Organisation;

public static class OrganisationQueries
{
    public static void AddOrganisationQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationUnitType>>>>("organisationUnits")
            .Description("The units directly below parentId, ordered by name; without parentId, the top of the tree (the municipality).")
            .Argument<IdGraphType>("parentId", "The unit whose children to list. Omit it to get the root units.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<AppDbContext>()
            .ResolveAsync(async (ctx, db) =>
            {
                var parentId = ctx.GetOptionalKey("parentId", OrganisationUnitType.TypeName);
                return await db.Units().Where(u => u.ParentId == parentId).OrderBy(u => u.Name).ToListAsync(ctx.CancellationToken);
            });

        query.Field<OrganisationUnitType>("organisationUnit")
            .Description("The unit with this code, or null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The unit's stable code.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<AppDbContext>()
            .ResolveAsync(async (ctx, db) =>
            {
                var code = ctx.GetArgument<string>("code");
                return await db.Units().FirstOrDefaultAsync(u => u.Code == code, ctx.CancellationToken);
            });
    }
}
