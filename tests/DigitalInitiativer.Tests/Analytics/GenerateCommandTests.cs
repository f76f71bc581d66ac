using DigitalInitiativer.Api.Hosting;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Tests.Analytics;

public sealed class GenerateCommandTests
{
    [Fact]
    public async Task Generate_fills_an_empty_database_and_refuses_one_with_people_in_it()
    {
        using var database = new ScratchDatabase();
        var (first, output, _) = await RunAsync(database, "generate", "--persons", "500", "--participations", "1200", "--initiatives", "8");
        Assert.Equal(0, first);
        Assert.Contains("500 persons", output);

        await using (var db = database.Open())
        {
            Assert.Equal(500, await db.Persons().CountAsync());
            Assert.Equal(1200, await db.Participations().CountAsync());
            Assert.Equal(2, await db.SurveyWaves().CountAsync());
        }

        var (second, _, errors) = await RunAsync(database, "generate", "--persons", "500");
        Assert.Equal(1, second);
        Assert.Contains("already has people", errors);

        var (usage, _, usageErrors) = await RunAsync(database, "generate", "--persons", "many");
        Assert.Equal(2, usage);
        Assert.Contains("usage", usageErrors);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(ScratchDatabase database, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            Args = [.. database.HostArgs, "--Seed:Demo=false"],
        });
        builder.AddDigitalInitiativer();
        await using var app = builder.Build();
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exitCode = await GenerateCommand.TryRunAsync(app, args, output, errors);
        return (exitCode ?? -1, output.ToString(), errors.ToString());
    }
}
