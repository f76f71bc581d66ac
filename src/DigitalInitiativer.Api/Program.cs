using DigitalInitiativer.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (DevTokenCommand.TryRun(builder, args, Console.Out, Console.Error) is { } exitCode)
    return exitCode;

builder.AddDigitalInitiativer();
var app = builder.Build();
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
