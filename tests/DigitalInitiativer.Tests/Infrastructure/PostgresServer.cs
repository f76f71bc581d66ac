using System.Diagnostics;

namespace DigitalInitiativer.Tests.Infrastructure;

/// <summary>Starts and stops a PostgreSQL server of a test's own with tests/postgres/start.sh and stop.sh.</summary>
public static class PostgresServer
{
    private static readonly string Scripts = Path.GetFullPath(Path.Combine(ApiFactory.TestProjectDirectory, "..", "postgres"));

    public static Task StartAsync(int port) => RunAsync("start.sh", port);

    public static Task StopAsync(int port) => RunAsync("stop.sh", port);

    private static async Task RunAsync(string script, int port)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Scripts, script), port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {port} exited with {process.ExitCode}: {await output}{await error}");
    }
}
