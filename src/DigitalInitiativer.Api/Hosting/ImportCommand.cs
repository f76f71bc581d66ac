using System.Globalization;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Imports;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Hosting;

/// <summary>
/// <c>import units|survey|participations --file F [--year Y] [--held-on yyyy-MM-dd] [--format csv|xapi] [--dry-run]</c>:
/// the same importer as the GraphQL mutations, streaming files of any size from disk.
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";
    public const string Usage = "usage: import units|survey|participations --file <path> [--year <yyyy> (survey)] [--held-on <yyyy-MM-dd>] [--format csv|xapi] [--dry-run]";

    public static async Task<int?> TryRunAsync(WebApplication app, string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length == 0 || args[0] != Name) return null;
        // The report's texts follow the terminal's language when it is Danish; otherwise English, like the other commands' output.
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "da") CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var what = args.Length > 1 ? args[1] : "";
        var path = CommandLine.ResolvePath(CommandLine.ValueOf(args, "--file"));
        var year = int.TryParse(CommandLine.ValueOf(args, "--year"), out var y) ? y : (int?)null;
        DateOnly? heldOn = CommandLine.ValueOf(args, "--held-on") is { } held && ImportValues.TryDate(held, out var date) ? date : null;
        var format = string.Equals(CommandLine.ValueOf(args, "--format"), "xapi", StringComparison.OrdinalIgnoreCase) || path?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true
            ? ParticipationFormat.Xapi : ParticipationFormat.Csv;
        var dryRun = args.Contains("--dry-run");
        if (path is null || what is not ("units" or "survey" or "participations") || (what == "survey" && year is null))
        {
            errors.WriteLine(Usage);
            return 2;
        }
        if (heldOn is { } heldOnDate && heldOnDate.Year != year)
        {
            errors.WriteLine($"--held-on must be a date in the wave's year, {year}.");
            return 2;
        }
        if (!File.Exists(path))
        {
            errors.WriteLine($"No file at {Path.GetFullPath(path)}.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        var importer = scope.ServiceProvider.GetRequiredService<Importer>();
        await using var file = File.OpenRead(path);
        try
        {
            var report = what switch
            {
                "units" => await importer.ImportUnitsAsync(file, dryRun, CancellationToken.None),
                "survey" => await importer.ImportSurveyAsync(file, year!.Value, heldOn, dryRun, CancellationToken.None),
                _ => await importer.ImportParticipationsAsync(file, format, dryRun, CancellationToken.None),
            };
            foreach (var problem in report.Problems)
                errors.WriteLine($"line {problem.Line}, column {problem.Column}{(problem.ColumnName.Length > 0 ? $" ({problem.ColumnName})" : "")}: {problem.Code}: {problem.Message}");
            if (report.ProblemCount > report.Problems.Count) errors.WriteLine($"... and {report.ProblemCount - report.Problems.Count} more.");
            (report.Rejected ? errors : output).WriteLine(report.Summary());
            return report.Rejected ? 1 : 0;
        }
        catch (ImportRefusedException refused)
        {
            errors.WriteLine(refused.Message);
            return 1;
        }
    }
}
