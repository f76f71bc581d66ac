using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Authorization;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Surveys;

public static class SurveyQueries
{
    public static void AddSurveyQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyWaveType>>>>("surveyWaves")
            .Description("Every survey wave, oldest first.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<AppDbContext>()
            .ResolveAsync(async (ctx, db) => await db.SurveyWaves().OrderBy(w => w.Year).ToListAsync(ctx.CancellationToken));
    }
}
