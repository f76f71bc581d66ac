using DigitalInitiativer.Api.GraphQL.Authorization;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Identity;

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
