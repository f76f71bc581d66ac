using System.Text.Json;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Initiatives;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Hosting;

/// <summary>
/// For load tests only (<c>LoadTest:Baseline=true</c>): a minimal endpoint that returns the same JSON as the catalogue
/// page query from the same database, with the same sign-in, so the GraphQL layer's cost shows as a ratio. See
/// docs/performance.md.
/// </summary>
public static class LoadTestBaseline
{
    public const string Path = "/baseline/catalogue";

    public static void MapLoadTestBaseline(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("LoadTest:Baseline")) return;
        app.MapGet(Path, async (HttpContext http, AppDbContext db) =>
        {
            if (http.User.Identity?.IsAuthenticated != true) return Results.Unauthorized();
            var nodes = await db.Initiatives().OrderBy(i => i.StartsOn).ThenBy(i => i.Id).Take(20)
                .Select(i => new { i.Id, i.Code, i.Title, i.Kind, i.StartsOn, Unit = i.Unit!.Name })
                .ToListAsync(http.RequestAborted);
            return Results.Json(new
            {
                data = new
                {
                    initiatives = new
                    {
                        nodes = nodes.Select(i => new
                        {
                            id = GlobalId.Encode(InitiativeType.TypeName, i.Id), code = i.Code, title = i.Title,
                            kind = JsonNamingPolicy.SnakeCaseUpper.ConvertName(i.Kind.ToString()), startsOn = i.StartsOn.ToString("yyyy-MM-dd"),
                            unit = new { name = i.Unit },
                        }),
                    },
                },
            });
        });
    }
}
