using System.Diagnostics;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Hosting;

/// <summary>
/// <c>generate --persons N [--participations M] [--initiatives I] [--seed S]</c>: fills an empty database with a
/// synthetic organisation, for benchmarks and load tests at national scale.
/// </summary>
public static class GenerateCommand
{
    public const string Name = "generate";
    public const string Usage = $"usage: {Name} --persons <N> [--participations <M>, default 5×N] [--initiatives <I>, default 100] [--seed <S>]";

    public static async Task<int?> TryRunAsync(WebApplication app, string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length == 0 || args[0] != Name) return null;
        if (Number(args, "--persons", null) is not ({ } persons and > 0)
            || Number(args, "--participations", persons * 5) is not ({ } participations and >= 0)
            || Number(args, "--initiatives", 100) is not ({ } initiatives and > 0)
            || Number(args, "--seed", 1) is not { } seed)
        {
            errors.WriteLine(Usage);
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        if (await db.Persons().AnyAsync())
        {
            errors.WriteLine("The database already has people in it. Generate into an empty database, e.g. with ConnectionStrings__DigitalInitiativer=\"Data Source=data/synthetic.db\".");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var data = SyntheticData.Generate(new SyntheticOptions(persons, participations, initiatives, seed));
        await data.WriteAsync(db);
        output.WriteLine($"Generated {data.Units.Count} units, {data.Persons.Count} persons, {data.Assessments.Count} assessments in {data.Waves.Count} waves, "
            + $"{data.Initiatives.Count} initiatives and {data.Participations.Count} participations in {clock.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static int? Number(string[] args, string option, int? fallback) =>
        CommandLine.ValueOf(args, option) is { } text ? int.TryParse(text, out var value) ? value : null : args.Contains(option) ? null : fallback;
}
