using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DigitalInitiativer.Tests.Infrastructure;

/// <summary>
/// The API as a separate operating-system process (the build output the tests run beside), on a free loopback port,
/// in Development so that dev tokens signed with the signing key file it is started with are accepted.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _log = new();

    public ApiProcess(ScratchDatabase database, string signingKeyFile)
    {
        Port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetFullPath(Path.Combine(ApiFactory.TestProjectDirectory, "..", "..", "src", "DigitalInitiativer.Api")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments = [Path.Combine(AppContext.BaseDirectory, "DigitalInitiativer.Api.dll"), "--urls", BaseUrl, .. database.HostArgs,
            "--Seed:Demo=false", $"--DevTokens:SigningKeyFile={signingKeyFile}", "--Logging:Console:FormatterName=simple"];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_log) _log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string WebSocketUrl => $"ws://127.0.0.1:{Port}/graphql";

    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Waits until /health/ready answers 200, i.e. the process migrated and serves.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The API process exited with {_process.ExitCode}:\n{Log}");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The API process on port {Port} was not ready within {timeout}:\n{Log}");
    }

    public GraphQLClient CreateClient(string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new GraphQLClient(http);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
