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
        return erased is null ? new NotFound("No person (not already erased) has this id.", personId) { Field = ["personId"] } : erased;
    }

    /// <summary>An import that places people applies at most once per refresh period (<see cref="PlacementImport"/>); checking a file never counts.</summary>
    private async Task<Result<ImportReport>> PlacingAsync(ImportKind kind, ImportInput input, Func<Task<Result<ImportReport>>> run, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hours = settings.Value.PlacementImportHours ?? analytics.Value.RefreshHours;
        if (hours <= 0 && !environment.IsDevelopment()) hours = analytics.Value.RefreshHours;
        if (!input.DryRun && hours > 0)
        {
            var period = TimeSpan.FromHours(hours);
            var last = await db.PlacementImports().Where(i => i.Kind == kind).MaxAsync(i => (DateTime?)i.AppliedAtUtc, cancellationToken);
            if (last is { } applied && applied + period > now)
                return new ImportTooSoon($"A {kind.ToString().ToLowerInvariant()} import was applied at {applied:yyyy-MM-dd HH:mm} UTC; the next can be applied after {applied + period:yyyy-MM-dd HH:mm} UTC. A dry run can check a file now.",
                    applied + period) { Field = ["content"] };
        }
        var result = await run();
        if (result.Value is { Applied: true })
        {
            db.PlacementImports().Add(new PlacementImport { Kind = kind, AppliedAtUtc = now });
            await db.SaveChangesAsync(cancellationToken);
        }
        return result;
    }

    private static async Task<Result<ImportReport>> RunAsync(ImportInput input, Func<Stream, Task<ImportReport>> import)
    {
        if (string.IsNullOrWhiteSpace(input.Content))
            return new InvalidInput("'content' must hold the file.", RefusalCodes.Required) { Field = ["content"] };
        if (input.Year is < 1990 or > 2100)
            return new InvalidInput($"'year' must be from 1990 to 2100; it was {input.Year}.", RefusalCodes.OutOfRange) { Field = ["year"] };
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
