using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Imports;

public enum ParticipationFormat
{
    [System.ComponentModel.Description("employee_number;initiative_code;status;started_on;completed_on;score, optionally with enrolled_on.")]
    Csv = 1,

    [System.ComponentModel.Description("A JSON array of xAPI statements.")]
    Xapi = 2,
}

/// <summary>One participation as a file states it, CSV row or merged xAPI statements alike; <see cref="Line"/> is where it came from.</summary>
public sealed record ImportedParticipation(int Line, string EmployeeNumber, string InitiativeCode, ParticipationStatus Status,
    DateOnly? EnrolledOn, DateOnly? StartedOn, DateOnly? CompletedOn, double? Score, int InitiativeColumn, string InitiativeField);

public sealed partial class Importer
{
    private static readonly string[] ParticipationColumns = ["employee_number", "initiative_code", "status", "started_on", "completed_on", "score"];

    /// <summary>
    /// Imports participation records (CSV, or a JSON array of xAPI statements). One record per person and initiative:
    /// a later record for the same pair updates it, so re-importing a file changes nothing. Someone not yet known is
    /// added as an employee of the initiative's unit.
    /// </summary>
    public async Task<ImportReport> ImportParticipationsAsync(Stream file, ParticipationFormat format, bool dryRun, CancellationToken cancellationToken)
    {
        RequirePseudonymisation();
        var report = new ImportReport(ImportKind.Participations, dryRun);
        var initiatives = await db.Initiatives().ToDictionaryAsync(i => i.Code, i => (i.Id, i.UnitId), StringComparer.OrdinalIgnoreCase, cancellationToken);
        var existing = (await db.Participations().Select(p => new { p.InitiativeId, p.PersonId }).ToListAsync(cancellationToken))
            .Select(p => Pair(p.InitiativeId, p.PersonId)).ToHashSet();

        if (format == ParticipationFormat.Xapi)
        {
            var records = await XapiStatements.ReadAsync(file, report, Today, cancellationToken);
            return await WriteParticipationsAsync(records.ToAsyncEnumerable(), report, initiatives, existing, cancellationToken);
        }
        using var csv = CsvFile.Open(file, report);
        if (!csv.HasUsableHeader(ParticipationColumns)) return report;
        return await WriteParticipationsAsync(ReadCsv(csv, report, Today).ToAsyncEnumerable(), report, initiatives, existing, cancellationToken);
    }

    private static long Pair(int initiativeId, int personId) => ((long)initiativeId << 32) | (uint)personId;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static IEnumerable<ImportedParticipation> ReadCsv(CsvFile csv, ImportReport report, DateOnly today)
    {
        var column = ParticipationColumns.ToDictionary(c => c, csv.IndexOf);
        var enrolledColumn = csv.IndexOf("enrolled_on");
        foreach (var row in csv.Rows())
        {
            var problemsBefore = report.ProblemCount;
            void Problem(string name, string code, string message) => report.Problem(row.Line, column.TryGetValue(name, out var i) ? i + 1 : enrolledColumn + 1, name, code, message);

            if (row[column["employee_number"]].Length == 0) Problem("employee_number", ImportCodes.Required, ImportTexts.EmployeeNumberEmpty.Format());
            if (row[column["initiative_code"]].Length == 0) Problem("initiative_code", ImportCodes.Required, ImportTexts.InitiativeCodeEmpty.Format());
            if (!ImportValues.TryStatus(row[column["status"]], out var status))
                Problem("status", ImportCodes.BadStatus, ImportTexts.BadStatus.Format());
            DateOnly? Date(string name, int index)
            {
                var text = index < 0 ? "" : row[index];
                if (text.Length == 0) return null;
                if (!ImportValues.TryDate(text, out var date)) Problem(name, ImportCodes.BadDate, ImportTexts.BadDate.Format());
                else if (date < InitiativeRules.EarliestDate || date > today) Problem(name, ImportCodes.BadDate, ImportTexts.DateOutOfRange.Format());
                else return date;
                return null;
            }
            var enrolled = Date("enrolled_on", enrolledColumn);
            var started = Date("started_on", column["started_on"]);
            var completed = Date("completed_on", column["completed_on"]);
            if (started is { } s && completed is { } c && c < s)
                Problem("completed_on", ImportCodes.BadDate, ImportTexts.CompletedBeforeStarted.Format());
            double? score = null;
            var scoreText = row[column["score"]];
            if (scoreText.Length > 0)
            {
                if (!ImportValues.TryNumber(scoreText, out var number) || number is < 0 or > 100)
                    Problem("score", ImportCodes.ScoreOutOfRange, ImportTexts.BadScore.Format());
                else score = number;
            }
            if (report.ProblemCount > problemsBefore) continue;
            yield return new ImportedParticipation(row.Line, row[column["employee_number"]], row[column["initiative_code"]], status, enrolled, started, completed, score,
                column["initiative_code"] + 1, "initiative_code");
        }
    }

    private async Task<ImportReport> WriteParticipationsAsync(IAsyncEnumerable<ImportedParticipation> records, ImportReport report,
        Dictionary<string, (int Id, int UnitId)> initiatives, HashSet<long> existing, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await InTransactionAsync(report, async (connection, transaction) =>
        {
            await using var persons = await PersonDirectory.LoadAsync(db, connection, transaction, report, cancellationToken);
            await using var upsert = new SqlBatch(connection, transaction, """
                INSERT INTO "participations" ("PersonId", "InitiativeId", "Status", "EnrolledOn", "StartedOn", "CompletedOn", "Score")
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
                ON CONFLICT ("InitiativeId", "PersonId") DO UPDATE SET "Status" = excluded."Status", "EnrolledOn" = excluded."EnrolledOn",
                  "StartedOn" = excluded."StartedOn", "CompletedOn" = excluded."CompletedOn", "Score" = excluded."Score"
                """, 7);
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                if (!initiatives.TryGetValue(record.InitiativeCode, out var initiative))
                {
                    report.Problem(record.Line, record.InitiativeColumn, record.InitiativeField, ImportCodes.UnknownInitiative, ImportTexts.UnknownInitiative.Format());
                    continue;
                }
                if (report.Rejected) continue;

                var key = pseudonymiser.Pseudonymise(record.EmployeeNumber);
                var personId = await persons.GetOrCreateAsync(key, initiative.UnitId, PersonRole.Employee, cancellationToken);
                var enrolled = record.EnrolledOn ?? record.StartedOn ?? record.CompletedOn ?? today;
                await upsert.ExecuteAsync(cancellationToken, personId, initiative.Id, (int)record.Status, enrolled, record.StartedOn, record.CompletedOn, record.Score);
                if (existing.Add(Pair(initiative.Id, personId))) report.Created++;
                else report.Updated++;
            }
        }, cancellationToken);
    }
}
