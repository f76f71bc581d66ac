using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Organisation;

/// <summary>A unit in the municipality's organisation tree, e.g. the municipality > Arbejdsmarked > Jobcenter Esbjerg.</summary>
public sealed class OrganisationUnit : IEntity
{
    public const int MaxNameLength = 200;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    public OrganisationUnit? Parent { get; set; }

    /// <summary>
    /// Materialised path of unit ids, "/1/4/17/". A sub-tree is every unit whose path starts with the root's path,
    /// which lets "sub-units included" filters and aggregates run as one indexed SQL query.
    /// </summary>
    public string Path { get; set; } = "/";

    public static string PathUnder(string? parentPath, int id) => $"{parentPath ?? "/"}{id}/";
}

public static class UnitTree
{
    /// <summary>The ids of a unit and every unit below it, as a subquery: filter with <c>ids.Contains(x.UnitId)</c>.</summary>
    public static IQueryable<int> IdsUnder(AppDbContext db, int unitId)
    {
        var rootPath = db.Units().Where(u => u.Id == unitId).Select(u => u.Path);
        return db.Units().Where(u => rootPath.Any(p => u.Path.StartsWith(p))).Select(u => u.Id);
    }

    /// <summary>The ids of a unit and every unit above it, as a subquery: what is offered to the unit's staff.</summary>
    public static IQueryable<int> IdsAbove(AppDbContext db, int unitId)
    {
        var ownPath = db.Units().Where(u => u.Id == unitId).Select(u => u.Path);
        return db.Units().Where(u => ownPath.Any(p => p.StartsWith(u.Path))).Select(u => u.Id);
    }
}

public static class UnitLookup
{
    /// <summary>The unit an input's <c>unitId</c> names, or null with a NOT_FOUND refusal at "unitId" when it names none.</summary>
    public static async Task<int?> FindUnitAsync(this AppDbContext db, Refusals refusals, string? globalId, CancellationToken cancellationToken)
    {
        if (GlobalId.TryParseKey(globalId, OrganisationUnitType.TypeName) is { } id && await db.Units().AnyAsync(u => u.Id == id, cancellationToken))
            return id;
        refusals.NotFound("unitId", globalId ?? "", OrganisationTexts.NoUnit.Format());
        return null;
    }
}
