using DigitalInitiativer.Api.Data;
namespace DigitalInitiativer.Api.Organisation;

/// <summary>A unit in the municipality's organisation tree, e.g. the municipality > Arbejdsmarked > Jobcenter Esbjerg.</summary>
public sealed class OrganisationUnit : IEntity
{
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
}
