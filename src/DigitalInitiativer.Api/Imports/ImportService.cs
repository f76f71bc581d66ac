using System.Text;
using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.Imports;

/// <summary>Imports from the API, the same importer the command line runs, and erasure on request.</summary>
public sealed class ImportService(Importer importer, AppDbContext db, TimeProvider clock, IOptions<AnalyticsSettings> analytics,
    IOptions<ImportSettings> settings, IHostEnvironment environment)
{
    public Task<Result<ImportReport>> UnitsAsync(ImportInput input, CancellationToken cancellationToken) =>
        PlacingAsync(ImportKind.Units, input, () => RunAsync(input, file => importer.ImportUnitsAsync(file, input.DryRun, cancellationToken)), cancellationToken);

    public Task<Result<ImportReport>> SurveyWaveAsync(ImportInput input, CancellationToken cancellationToken) =>
        PlacingAsync(ImportKind.Survey, input, () => RunAsync(input, file => importer.ImportSurveyAsync(file, input.Year!.Value, input.HeldOn, input.DryRun, cancellationToken)), cancellationToken);

    public Task<Result<ImportReport>> ParticipationsAsync(ImportInput input, CancellationToken cancellationToken) =>
        RunAsync(input, file => importer.ImportParticipationsAsync(file, input.Format, input.DryRun, cancellationToken));

    public async Task<Result<Person>> EraseAsync(string personId, CancellationToken cancellationToken)
    {
        var erased = GlobalId.TryParseKey(personId, PersonType.TypeName) is { } key
            ? await Erasure.ErasePersonAsync(db, key, clock.GetUtcNow().UtcDateTime, cancellationToken)
            : null;
        return erased is null ? new NotFound(ImportTexts.NoErasablePerson.Format(), personId) { Field = ["personId"] } : erased;
    }

    /// <summary>An import that places people applies at most once per refresh period (<see cref="PlacementImport"/>); checking a file never counts.</summary>
    private async Task<Result<ImportReport>> PlacingAsync(ImportKind kind, ImportInput input, Func<Task<Result<ImportReport>>> run, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hours = settings.Value.PlacementImportHours ?? analytics.Value.RefreshHours;
        if (hours <= 0 && !environment.IsDevelopment()) hours = analytics.Value.RefreshHours;
        if (input.DryRun || hours <= 0) return await run();

        var period = TimeSpan.FromHours(hours);
        if (!await ClaimAsync(kind, now, now - period, cancellationToken))
        {
            var applied = await db.PlacementImports().Where(i => i.Kind == kind).MaxAsync(i => i.AppliedAtUtc, cancellationToken);
            return new ImportTooSoon(ImportTexts.TooSoon.Format(KindName(kind).Format(), applied, applied + period),
                applied + period) { Field = ["content"] };
        }
        Result<ImportReport>? result = null;
        try
        {
            return result = await run();
        }
        finally
        {
            if (result?.Value is not { Applied: true }) await ReleaseAsync(kind, now);
        }
    }

    private static Text KindName(ImportKind kind) => kind switch
    {
        ImportKind.Units => ImportTexts.UnitsKind,
        ImportKind.Survey => ImportTexts.SurveyKind,
        _ => ImportTexts.ParticipationsKind,
    };

    /// <summary>
    /// Claims the period for this kind in one statement, before importing, so imports sent at the same moment cannot all
    /// pass a check made before any of them is written. SQLite lets one writer in at a time; PostgreSQL takes a lock.
    /// </summary>
    private async Task<bool> ClaimAsync(ImportKind kind, DateTime now, DateTime since, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PlacementImport.LockKey}, {(int)kind})", cancellationToken);
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO placement_imports ("Kind", "AppliedAtUtc")
            SELECT {(int)kind}, {now} WHERE NOT EXISTS (SELECT 1 FROM placement_imports WHERE "Kind" = {(int)kind} AND "AppliedAtUtc" > {since})
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed == 1;
    }

    /// <summary>Gives the period back when the import did not apply (rejected, or it failed).</summary>
    private Task ReleaseAsync(ImportKind kind, DateTime claimedAt) =>
        db.PlacementImports().Where(i => i.Kind == kind && i.AppliedAtUtc == claimedAt).ExecuteDeleteAsync(CancellationToken.None);

    private static async Task<Result<ImportReport>> RunAsync(ImportInput input, Func<Stream, Task<ImportReport>> import)
    {
        if (string.IsNullOrWhiteSpace(input.Content))
            return new InvalidInput(ImportTexts.ContentRequired.Format(), RefusalCodes.Required) { Field = ["content"] };
        if (input.Year is < 1990 or > 2100)
            return new InvalidInput(ImportTexts.YearOutOfRange.Format(input.Year), RefusalCodes.OutOfRange) { Field = ["year"] };
        if (input.HeldOn is { } heldOn && heldOn.Year != input.Year)
            return new InvalidInput(ImportTexts.HeldOnOutsideYear.Format(input.Year), RefusalCodes.OutOfRange) { Field = ["heldOn"] };
        try
        {
            using var file = new MemoryStream(Encoding.UTF8.GetBytes(input.Content));
            var report = await import(file);
            return report.Rejected ? new ImportRejected(report.Summary(), report.ProblemCount, report.Problems) { Field = ["content"] } : report;
        }
        catch (ImportRefusedException refused)
        {
            return new PseudonymisationNotConfigured(refused.Message);
        }
    }
}
