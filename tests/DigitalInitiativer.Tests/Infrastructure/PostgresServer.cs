namespace DigitalInitiativer.Tests.Infrastructure;

/// <summary>Starts and stops a PostgreSQL server of a test's own with tests/postgres/start.sh and stop.sh.</summary>
public static class PostgresServer
{
    private static readonly string Scripts = Path.GetFullPath(Path.Combine(ApiFactory.TestProjectDirectory, "..", "postgres"));

    public static Task StartAsync(int port) => RunAsync("start.sh", port);

    public static Task StopAsync(int port) => RunAsync("stop.sh", port);

    private static async Task RunAsync(string script, int port)
    {
        var (exitCode, output, errors) = await ChildProcess.RunAsync("bash", Scripts, [script, port.ToString()]);
        if (exitCode != 0) throw new InvalidOperationException($"{script} {port} exited with {exitCode}: {output}{errors}");
    }
}
