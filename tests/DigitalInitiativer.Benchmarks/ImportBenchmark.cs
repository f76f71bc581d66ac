using System.Diagnostics;
using System.Text;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Imports;
using DigitalInitiativer.Api.Synthetic;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Benchmarks;

/// <summary>
/// Imports 100,000 survey rows and 500,000 participation rows through the importer (files streamed from disk, rows
/// validated, pseudonymised and written) and inserts the same rows raw into an identical empty database, in one run.
/// Also samples the managed heap while importing, to show it does not grow with the file.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options, TextWriter output)
    {
        Directory.CreateDirectory(options.Folder);
        SyntheticData? source = SyntheticData.Generate(new SyntheticOptions(options.Persons, options.Participations, options.Initiatives));
        var surveyFile = Path.Combine(options.Folder, $"survey-{options.Persons}.csv");
        var participationsFile = Path.Combine(options.Folder, $"participations-{options.Participations}.csv");
        var smallParticipationsFile = Path.Combine(options.Folder, $"participations-{options.Participations / 5}.csv");
        WriteFiles(source, surveyFile, participationsFile, smallParticipationsFile);

        var imported = await FreshDatabaseAsync(options, "import", source);
        var raw = await FreshDatabaseAsync(options, "raw", source);

        await using var api = new BenchmarkApi(imported);
        await using var scope = api.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<Importer>();
        var pseudonymiser = scope.ServiceProvider.GetRequiredService<Pseudonymiser>();

        // The raw inserts first, so the generated rows can be dropped before the imports' memory is sampled.
        Dictionary<int, string>? keys = source.Persons.ToDictionary(p => p.Id, p => pseudonymiser.Pseudonymise(EmployeeNumber(p.Id)));
        var rawSurvey = Stopwatch.StartNew();
        await RawInsertSurveyAsync(raw, source, keys);
        rawSurvey.Stop();
        var rawParticipations = Stopwatch.StartNew();
        await RawInsertParticipationsAsync(raw, source, keys);
        rawParticipations.Stop();
        source = null;
        keys = null;

        var survey = await MeasureAsync(() => importer.ImportSurveyAsync(File.OpenRead(surveyFile), 2023, null, false, default));
        var participations = await MeasureAsync(() => importer.ImportParticipationsAsync(File.OpenRead(participationsFile), ParticipationFormat.Csv, false, default));
        var smallParticipations = await MeasureAsync(() => importer.ImportParticipationsAsync(File.OpenRead(smallParticipationsFile), ParticipationFormat.Csv, false, default));

        output.WriteLine($"{Environment.ProcessorCount} cores; SQLite; one run each");
        output.WriteLine($"{"",-52} {"rows",9} {"seconds",8} {"rows/s",9} {"vs raw",7} {"heap +MB",13} {"file MB",8}");
        Print(output, "import survey wave (CSV, pseudonymised)", survey, rawSurvey.Elapsed, surveyFile);
        Print(output, "  raw INSERT of the same persons and assessments", (survey.Report, rawSurvey.Elapsed, 0), null, null);
        Print(output, "import participations (CSV, pseudonymised)", participations, rawParticipations.Elapsed, participationsFile);
        Print(output, "  raw INSERT of the same participations", (participations.Report, rawParticipations.Elapsed, 0), null, null);
        Print(output, "import participations, a fifth of the file (updates)", smallParticipations, null, smallParticipationsFile);
        return survey.Report.Applied && participations.Report.Applied ? 0 : 1;
    }

    private static string EmployeeNumber(int personId) => $"{4_000_000 + personId}";

    private static void WriteFiles(SyntheticData source, string survey, string participations, string smallParticipations)
    {
        var unitCode = source.Units.ToDictionary(u => u.Id, u => u.Code);
        var initiativeCode = source.Initiatives.ToDictionary(i => i.Id, i => i.Code);
        using (var writer = new StreamWriter(survey, false, new UTF8Encoding(true)))
        {
            writer.WriteLine("employee_number;unit_code;role;profile");
            foreach (var a in source.Assessments.Where(a => a.WaveId == 2))
                writer.WriteLine($"{EmployeeNumber(a.PersonId)};{unitCode[a.UnitId]};{(a.Role == Api.Organisation.PersonRole.Leader ? "leder" : "medarbejder")};{a.Profile.ToString().ToUpperInvariant().Replace("SELFDRIVEN", "SELF_DRIVEN")}");
        }
        using var all = new StreamWriter(participations, false, new UTF8Encoding(false));
        using var fifth = new StreamWriter(smallParticipations, false, new UTF8Encoding(false));
        const string Header = "employee_number;initiative_code;status;started_on;completed_on;score";
        all.WriteLine(Header);
        fifth.WriteLine(Header);
        foreach (var p in source.Participations)
        {
            var line = $"{EmployeeNumber(p.PersonId)};{initiativeCode[p.InitiativeId]};{p.Status.ToString().ToUpperInvariant()};{p.StartedOn:yyyy-MM-dd};{p.CompletedOn:yyyy-MM-dd};{p.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            all.WriteLine(line);
            if (p.Id % 5 == 0) fifth.WriteLine(line);
        }
    }

    /// <summary>A new database with the source's units and initiatives only.</summary>
    private static async Task<string> FreshDatabaseAsync(BenchmarkOptions options, string name, SyntheticData source)
    {
        var path = Path.Combine(options.Folder, $"imports-{name}.db");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        var connectionString = $"Data Source={path}";
        await using var db = Open(connectionString);
        await db.Database.MigrateAsync();
        var skeleton = new SyntheticData();
        skeleton.Units.AddRange(source.Units);
        skeleton.Initiatives.AddRange(source.Initiatives);
        await skeleton.WriteAsync(db);
        return connectionString;
    }

    private static AppDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).AddInterceptors(new SqliteConnectionSetup()).Options);

    private static async Task RawInsertSurveyAsync(string connectionString, SyntheticData source, Dictionary<int, string> keys)
    {
        var rows = new SyntheticData();
        var surveyed = source.Assessments.Where(a => a.WaveId == 2).Select(a => a.PersonId).ToHashSet();
        rows.Persons.AddRange(source.Persons.Where(p => surveyed.Contains(p.Id)).Select(p => new Api.Organisation.Person { Id = p.Id, Key = keys[p.Id], Role = p.Role, UnitId = p.UnitId }));
        rows.Waves.Add(new Api.Surveys.SurveyWave { Id = 1, Year = 2023, Title = "Raw", HeldOn = new(2023, 4, 15) });
        rows.Assessments.AddRange(source.Assessments.Where(a => a.WaveId == 2).Select(a => new Api.Surveys.Assessment { Id = a.Id, PersonId = a.PersonId, WaveId = 1, Profile = a.Profile, UnitId = a.UnitId, Role = a.Role }));
        await using var db = Open(connectionString);
        await rows.WriteAsync(db);
    }

    private static async Task RawInsertParticipationsAsync(string connectionString, SyntheticData source, Dictionary<int, string> keys)
    {
        // People who took part without being in the survey are created, as the importer does.
        var rows = new SyntheticData();
        var surveyed = source.Assessments.Where(a => a.WaveId == 2).Select(a => a.PersonId).ToHashSet();
        rows.Persons.AddRange(source.Participations.Select(p => p.PersonId).Distinct().Where(id => !surveyed.Contains(id))
            .Select(id => new Api.Organisation.Person { Id = id, Key = keys[id], Role = Api.Organisation.PersonRole.Employee, UnitId = source.Persons[id - 1].UnitId }));
        rows.Participations.AddRange(source.Participations);
        await using var db = Open(connectionString);
        await rows.WriteAsync(db);
    }

    /// <summary>Times one import and samples the managed heap every 20 ms; the peak is reported above the heap at the start.</summary>
    private static async Task<(ImportReport Report, TimeSpan Elapsed, long PeakHeapBytes)> MeasureAsync(Func<Task<ImportReport>> import)
    {
        var start = GC.GetTotalMemory(forceFullCollection: true);
        long peak = start;
        using var sampler = new Timer(_ => peak = Math.Max(peak, GC.GetTotalMemory(false)), null, 0, 20);
        var clock = Stopwatch.StartNew();
        var report = await import();
        clock.Stop();
        if (report.Rejected) throw new InvalidOperationException(string.Join("; ", report.Problems.Take(5)));
        return (report, clock.Elapsed, peak - start);
    }

    private static void Print(TextWriter output, string name, (ImportReport Report, TimeSpan Elapsed, long Peak) run, TimeSpan? raw, string? file)
    {
        var rows = run.Report.RowsRead;
        output.WriteLine($"{name,-52} {rows,9:N0} {run.Elapsed.TotalSeconds,8:0.00} {rows / run.Elapsed.TotalSeconds,9:N0} "
            + $"{(raw is { } r ? $"{run.Elapsed / r,6:0.0}×" : ""),7} {(run.Peak > 0 ? $"{run.Peak / 1048576.0,13:0}" : ""),13} {(file is null ? "" : $"{new FileInfo(file).Length / 1048576.0,8:0.0}"),8}");
    }
}
