using DigitalInitiativer.Api.Hosting;

if (HelpCommand.TryRun(args, Console.Out, Console.Error) is { } helpExitCode)
    return helpExitCode;

var builder = WebApplication.CreateBuilder(args);
builder.AddDigitalInitiativer();
var app = builder.Build();
if (await DevTokenCommand.TryRunAsync(app.Services, args, Console.Out, Console.Error) is { } tokenExitCode)
    return tokenExitCode;
if (await GenerateCommand.TryRunAsync(app, args, Console.Out, Console.Error) is { } generateExitCode)
    return generateExitCode;
if (await ImportCommand.TryRunAsync(app, args, Console.Out, Console.Error) is { } importExitCode)
    return importExitCode;
await app.PrepareDatabaseAsync();
app.MapDigitalInitiativer();
app.AnnounceGraphQLUrl();
await app.RunAsync();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
