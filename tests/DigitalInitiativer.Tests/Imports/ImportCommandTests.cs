using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Imports;

/// <summary>The CLI runs the same importer on files from disk: the documented example files, a dry run, a rejection, and no key.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly ScratchDatabase _database = new();
    private static readonly string Examples = Path.Combine(Infrastructure.ApiFactory.TestProjectDirectory, "..", "..", "docs", "examples");

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(string environment, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = Path.Combine(Infrastructure.ApiFactory.TestProjectDirectory, "..", "..", "src", "DigitalInitiativer.Api"),
            Args = [.. _database.HostArgs, "--AzureAd:TenantId=t", "--AzureAd:ClientId=c"],
        });
        builder.AddDigitalInitiativer();
        await using var app = builder.Build();
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exitCode = await ImportCommand.TryRunAsync(app, args, output, errors);
        return (exitCode ?? -1, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task The_example_files_import_and_a_dry_run_or_a_bad_file_writes_nothing()
    {
        Assert.Equal(0, (await RunAsync("Development", "import", "units", "--file", Path.Combine(Examples, "units.csv"))).ExitCode);
        var dryRun = await RunAsync("Development", "import", "survey", "--year", "2019", "--file", Path.Combine(Examples, "survey-2019.csv"), "--dry-run");
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains("Dry run, nothing written: 4 row(s); 4 created", dryRun.Output);
        var survey = await RunAsync("Development", "import", "survey", "--year", "2019", "--file", Path.Combine(Examples, "survey-2019.csv"));
        Assert.Contains("Imported: 4 row(s); 4 created, 0 updated, 0 removed, 4 new person(s)", survey.Output);
        var answers = await RunAsync("Development", "import", "survey", "--year", "2021", "--file", Path.Combine(Examples, "survey-2021-answers.csv"));
        Assert.Contains("0 new person(s)", answers.Output);

        // The example participations name demo initiatives; this database has none, so the file is rejected whole.
        var rejected = await RunAsync("Development", "import", "participations", "--file", Path.Combine(Examples, "participations.csv"));
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("line 2, column 2 (initiative_code): UNKNOWN_INITIATIVE", rejected.Errors);
        Assert.Contains("nothing was written", rejected.Errors);
        var xapi = await RunAsync("Development", "import", "participations", "--file", Path.Combine(Examples, "participations-xapi.json"));
        Assert.Contains("UNKNOWN_INITIATIVE", xapi.Errors);

        Assert.Equal(2, (await RunAsync("Development", "import", "survey", "--file", Path.Combine(Examples, "survey-2019.csv"))).ExitCode);
    }

    [Fact]
    public async Task A_file_with_an_override_character_or_a_wave_dated_outside_its_year_is_refused_and_nothing_written()
    {
        var file = Path.Combine(Path.GetTempPath(), $"units-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "code;name;parent_code\nTXT-A;Fine name;ESB\nTXT-B;=HYPERLINK(\u202Eevil);ESB\n");
        try
        {
            var units = await RunAsync("Development", "import", "units", "--file", file);
            var survey = await RunAsync("Development", "import", "survey", "--year", "2019", "--held-on", "1900-01-01", "--file", Path.Combine(Examples, "survey-2019.csv"));

            Assert.Equal(1, units.ExitCode);
            Assert.Contains("line 3, column 2 (name): FORBIDDEN_CHARACTERS", units.Errors);
            Assert.Equal(2, survey.ExitCode);
            Assert.Contains("--held-on must be a date in the wave's year", survey.Errors);
            await using var db = _database.Open();
            Assert.False(db.Units().Any(u => u.Code == "TXT-A"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Without_a_key_outside_Development_the_CLI_refuses_with_a_clear_message()
    {
        var (exitCode, _, errors) = await RunAsync("Production", "import", "survey", "--year", "2019", "--file", Path.Combine(Examples, "survey-2019.csv"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Pseudonymisation:Key is not configured", errors);
    }

    public void Dispose() => _database.Dispose();
}
