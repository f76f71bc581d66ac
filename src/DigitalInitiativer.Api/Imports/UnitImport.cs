using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Imports;

public sealed partial class Importer
{
    private static readonly string[] UnitColumns = ["code", "name", "parent_code"];
    private const int MaxCodeLength = 50, MaxNameLength = OrganisationUnit.MaxNameLength;

    /// <summary>
    /// Imports the organisation tree, <c>code;name;parent_code</c>: new units are added, known codes get their name and
    /// parent updated, and units missing from the file are kept. A parent may come later in the file or already exist.
    /// </summary>
    public async Task<ImportReport> ImportUnitsAsync(Stream file, bool dryRun, CancellationToken cancellationToken)
    {
        var report = new ImportReport(ImportKind.Units, dryRun);
        using var csv = CsvFile.Open(file, report);
        if (!csv.HasUsableHeader(UnitColumns)) return report;
        var (codeColumn, nameColumn, parentColumn) = (csv.IndexOf("code"), csv.IndexOf("name"), csv.IndexOf("parent_code"));

        var rows = new Dictionary<string, (int Line, string Name, string Parent)>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in csv.Rows())
        {
            var (code, name, parent) = (row[codeColumn], row[nameColumn], row[parentColumn]);
            if (code.Length == 0) report.Problem(row.Line, codeColumn + 1, "code", ImportCodes.Required, ImportTexts.UnitCodeEmpty.Format());
            else if (code.Length > MaxCodeLength) report.Problem(row.Line, codeColumn + 1, "code", ImportCodes.TooLong, ImportTexts.CodeTooLong.Format(MaxCodeLength));
            if (name.Length == 0) report.Problem(row.Line, nameColumn + 1, "name", ImportCodes.Required, ImportTexts.UnitNameEmpty.Format());
            else if (!PlainText.Fits(name, MaxNameLength)) report.Problem(row.Line, nameColumn + 1, "name", ImportCodes.TooLong, ImportTexts.NameTooLong.Format(MaxNameLength));
            if (code.Length > 0 && rows.TryGetValue(code, out var earlier))
                report.Problem(row.Line, codeColumn + 1, "code", ImportCodes.DuplicateCode, ImportTexts.DuplicateCode.Format(earlier.Line));
            else if (code.Length > 0) rows[code] = (row.Line, name, parent);
        }

        var units = await db.Units().AsTracking().ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        string? ParentOf(string code) => rows.TryGetValue(code, out var row) ? row.Parent : units.TryGetValue(code, out var unit) && unit.ParentId is { } p ? units.Values.First(u => u.Id == p).Code : null;
        foreach (var (code, row) in rows)
        {
            if (row.Parent.Length == 0) continue;
            if (!rows.ContainsKey(row.Parent) && !units.ContainsKey(row.Parent))
            {
                report.Problem(row.Line, parentColumn + 1, "parent_code", ImportCodes.UnknownUnit, ImportTexts.UnknownParent.Format());
                continue;
            }
            // Walk up from the unit; meeting it again means the file makes it its own ancestor.
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { code };
            for (var ancestor = row.Parent; !string.IsNullOrEmpty(ancestor); ancestor = ParentOf(ancestor))
                if (!seen.Add(ancestor))
                {
                    report.Problem(row.Line, parentColumn + 1, "parent_code", ImportCodes.ParentCycle, ImportTexts.ParentCycle.Format());
                    break;
                }
        }
        if (report.Rejected) return report;

        return await InTransactionAsync(report, async (_, _) =>
        {
            var (created, changed) = (new HashSet<string>(StringComparer.OrdinalIgnoreCase), new HashSet<string>(StringComparer.OrdinalIgnoreCase));
            foreach (var (code, row) in rows)
            {
                if (!units.TryGetValue(code, out var unit))
                {
                    db.Units().Add(units[code] = new OrganisationUnit { Code = code, Name = row.Name });
                    created.Add(code);
                }
                else if (unit.Name != row.Name)
                {
                    unit.Name = row.Name;
                    changed.Add(code);
                }
            }
            await db.SaveChangesAsync(cancellationToken); // new units get their ids

            foreach (var (code, row) in rows)
            {
                var parentId = row.Parent.Length == 0 ? (int?)null : units[row.Parent].Id;
                if (units[code].ParentId == parentId) continue;
                if (!created.Contains(code)) changed.Add(code);
                units[code].ParentId = parentId;
            }
            var children = units.Values.ToLookup(u => u.ParentId);
            foreach (var root in children[null]) SetPaths(root, null, children);
            await db.SaveChangesAsync(cancellationToken);
            (report.Created, report.Updated) = (created.Count, changed.Count);
        }, cancellationToken);
    }

    private static void SetPaths(OrganisationUnit unit, string? parentPath, ILookup<int?, OrganisationUnit> children)
    {
        unit.Path = OrganisationUnit.PathUnder(parentPath, unit.Id);
        foreach (var child in children[unit.Id]) SetPaths(child, unit.Path, children);
    }
}
