using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Imports;

public sealed partial class Importer
{
    private static readonly string[] SurveyColumns = ["employee_number", "unit_code", "role"];

    /// <summary>
    /// Imports one wave's results: <c>employee_number;unit_code;role;profile</c>, or answer columns q1..qN instead of
    /// profile. The wave's earlier assessments are replaced in the same transaction, so re-importing a file, or a
    /// corrected one, leaves exactly that file's assessments.
    /// </summary>
    public async Task<ImportReport> ImportSurveyAsync(Stream file, int year, DateOnly? heldOn, bool dryRun, CancellationToken cancellationToken)
    {
        RequirePseudonymisation();
        var report = new ImportReport(ImportKind.Survey, dryRun);
        using var csv = CsvFile.Open(file, report);
        var answerColumns = csv.Columns.Select((name, index) => (name, index))
            .Where(c => c.name.Length > 1 && c.name[0] == 'q' && c.name[1..].All(char.IsAsciiDigit)).ToList();
        var profileColumn = csv.IndexOf("profile");
        var required = answerColumns.Count > 0 ? SurveyColumns : [.. SurveyColumns, "profile"];
        if (!csv.HasUsableHeader(required)) return report;

        var units = await db.Units().ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var latestYear = await db.SurveyWaves().MaxAsync(w => (int?)w.Year, cancellationToken) ?? year;
        var (employee, unitColumn, roleColumn) = (csv.IndexOf("employee_number"), csv.IndexOf("unit_code"), csv.IndexOf("role"));
        var scoring = settings.Value.Scoring;

        return await InTransactionAsync(report, async (connection, transaction) =>
        {
            var wave = await db.SurveyWaves().AsTracking().SingleOrDefaultAsync(w => w.Year == year, cancellationToken);
            if (wave is null)
            {
                wave = new SurveyWave { Year = year, Title = $"Digital modenhed {year}", HeldOn = heldOn ?? new DateOnly(year, 4, 15) };
                db.SurveyWaves().Add(wave);
            }
            else if (heldOn is { } date) wave.HeldOn = date;
            await db.SaveChangesAsync(cancellationToken);
            report.Removed = await db.Assessments().Where(a => a.WaveId == wave.Id).ExecuteDeleteAsync(cancellationToken);

            await using var persons = await PersonDirectory.LoadAsync(db, connection, transaction, report, cancellationToken);
            await using var insert = new SqlBatch(connection, transaction,
                """INSERT INTO "assessments" ("PersonId", "WaveId", "Profile", "UnitId", "Role") VALUES (@p0, @p1, @p2, @p3, @p4)""", 5);
            var firstLineOf = new Dictionary<string, int>();

            foreach (var row in csv.Rows())
            {
                var problemsBefore = report.ProblemCount;
                var employeeNumber = row[employee];
                if (employeeNumber.Length == 0) report.Problem(row.Line, employee + 1, "employee_number", ImportCodes.Required, ImportTexts.EmployeeNumberEmpty.Format());
                if (!units.TryGetValue(row[unitColumn], out var unitId))
                    report.Problem(row.Line, unitColumn + 1, "unit_code", ImportCodes.UnknownUnit, ImportTexts.UnknownUnit.Format());
                if (!ImportValues.TryRole(row[roleColumn], out var role))
                    report.Problem(row.Line, roleColumn + 1, "role", ImportCodes.BadRole, ImportTexts.BadRole.Format());
                var profile = answerColumns.Count > 0 ? Score(row, answerColumns, scoring, report) : ParseProfile(row, profileColumn, report);

                var key = employeeNumber.Length == 0 ? "" : pseudonymiser.Pseudonymise(employeeNumber);
                if (key.Length > 0 && !firstLineOf.TryAdd(key, row.Line))
                    report.Problem(row.Line, employee + 1, "employee_number", ImportCodes.DuplicateEmployee, ImportTexts.DuplicateEmployee.Format(firstLineOf[key]));
                if (report.ProblemCount > problemsBefore || report.Rejected) continue;

                var personId = await persons.GetOrCreateAsync(key, unitId, role, cancellationToken);
                if (year >= latestYear) await persons.PlaceAsync(personId, key, unitId, role, cancellationToken);
                await insert.ExecuteAsync(cancellationToken, personId, wave.Id, (int)profile!.Value, unitId, (int)role);
                report.Created++;
            }
        }, cancellationToken);
    }

    private static CompetenceProfileKind? ParseProfile(CsvRecord row, int column, ImportReport report)
    {
        if (ImportValues.TryProfile(row[column], out var profile)) return profile;
        report.Problem(row.Line, column + 1, "profile", ImportCodes.BadProfile,
            ImportTexts.BadProfile.Format());
        return null;
    }

    private static CompetenceProfileKind? Score(CsvRecord row, List<(string Name, int Index)> answers, ScoringRule rule, ImportReport report)
    {
        double sum = 0;
        var given = 0;
        var valid = true;
        foreach (var (name, index) in answers)
        {
            if (row[index].Length == 0) continue;
            if (!int.TryParse(row[index], out var answer) || answer < rule.MinAnswer || answer > rule.MaxAnswer)
            {
                report.Problem(row.Line, index + 1, name, ImportCodes.BadAnswer, ImportTexts.BadAnswer.Format(rule.MinAnswer, rule.MaxAnswer));
                valid = false;
                continue;
            }
            sum += answer;
            given++;
        }
        if (valid && given == 0)
            report.Problem(row.Line, answers[0].Index + 1, answers[0].Name, ImportCodes.Required, ImportTexts.NoAnswers.Format());
        return valid && given > 0 ? rule.Classify(sum / given) : null;
    }
}
