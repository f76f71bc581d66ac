using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Infrastructure;

/// <summary>Runs one of the npm-based client scripts in tests/DigitalInitiativer.Tests/js.</summary>
public static class NodeScript
{
    public static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var (exitCode, output, errors) = await RunWithExitCodeAsync(script, arguments);
        Assert.True(exitCode == 0, $"node {script} exited with {exitCode}: {errors}");
        return output;
    }

    /// <summary>Runs a script that signals its verdict by exit code, e.g. a check that must be able to fail.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunWithExitCodeAsync(string script, params string[] arguments) =>
        ChildProcess.RunAsync("node", Path.Combine(ApiFactory.TestProjectDirectory, "js"), [script, .. arguments]);
}

/// <summary>A node client script that keeps running, read line by line as it prints.</summary>
public sealed class RunningNodeScript : IAsyncDisposable
{
    private readonly Process _process;

    public RunningNodeScript(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Path.Combine(ApiFactory.TestProjectDirectory, "js"), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
    }

    /// <summary>The next line the script prints, or null when it exits first or the time runs out.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try { return await _process.StandardOutput.ReadLineAsync(cancel.Token); }
        catch (OperationCanceledException) { return null; }
    }

    public Task<string> ErrorsAsync() => _process.HasExited ? _process.StandardError.ReadToEndAsync() : Task.FromResult("");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

/// <summary>The app on a real Kestrel port, for clients that run out of process.</summary>
public class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory() => UseKestrel(0);

    public string GraphQLUrl
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/') + "/graphql";
        }
    }

    public string WebSocketUrl => "ws" + GraphQLUrl[4..];
}
