using System.Diagnostics;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Docs;

/// <summary>
/// The README's snippets marked <c>&lt;!-- tested: ReadmeSnippetTests --&gt;</c> run as written against the API as a
/// separate process on the demo data, with this documented extract only: the URL is the test server's, and
/// <c>dotnet run --project src/DigitalInitiativer.Api --</c> runs the already built app.
/// </summary>
public sealed class ReadmeSnippetTests : IAsyncLifetime
{
    private static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(ApiFactory.TestProjectDirectory, "..", ".."));
    private readonly ScratchDatabase _database = new(withDemoData: true);
    private readonly string _signingKeyFile = Path.Combine(Path.GetTempPath(), $"readme-{Guid.NewGuid():N}.key");
    private ApiProcess _api = null!;

    public async Task InitializeAsync()
    {
        _api = new ApiProcess(_database, _signingKeyFile);
        await _api.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _database.Dispose();
        File.Delete(_signingKeyFile);
    }

    /// <summary>The marked fenced blocks, in README order, with their language.</summary>
    private static List<(string Language, string Code)> TestedSnippets()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, "README.md"));
        var snippets = new List<(string, string)>();
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (!lines[i].StartsWith("<!-- tested: ReadmeSnippetTests", StringComparison.Ordinal)) continue;
            var end = Array.FindIndex(lines, i + 2, line => line.StartsWith("```", StringComparison.Ordinal));
            snippets.Add((lines[i + 1][3..], string.Join('\n', lines[(i + 2)..end])));
        }
        return snippets;
    }

    private string Localise(string code) => code
        .Replace("dotnet run --project src/DigitalInitiativer.Api --", $"dotnet \"{Path.Combine(AppContext.BaseDirectory, "DigitalInitiativer.Api.dll")}\"")
        .Replace("http://localhost:5080", _api.BaseUrl)
        .Replace("ws://localhost:5080", "ws" + _api.BaseUrl["http".Length..]);

    private ProcessStartInfo Start(string program, string workingDirectory, Dictionary<string, string> variables)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DevTokens__SigningKeyFile"] = _signingKeyFile;
        foreach (var setting in TestDatabase.AppSettings(_database.ConnectionString)) start.Environment[setting.Key.Replace(":", "__")] = setting.Value;
        foreach (var (key, value) in variables) start.Environment[key] = value;
        return start;
    }

    private async Task<string> RunShellAsync(string code, Dictionary<string, string> variables)
    {
        var start = Start("bash", Path.Combine(RepositoryRoot, "src", "DigitalInitiativer.Api"), variables);
        start.ArgumentList.Add("-euo");
        start.ArgumentList.Add("pipefail");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Localise(code));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await errors}");
        return await output;
    }

    private async Task<(string CompetitionId, string ProposalId)> OpenProposalAsync()
    {
        var token = await TokenAsync("demo-0002");
        var competition = (await _api.CreateClient(token).QueryAsync("""
            { initiative(code: "IDEA-2026") { competition { id proposals(first: 1, where: { states: [ACCEPTED] }) { nodes { id } } } } }
            """))["initiative"]!["competition"]!;
        return ((string)competition["id"]!, (string)competition["proposals"]!["nodes"]![0]!["id"]!);
    }

    private async Task<string> TokenAsync(string person) =>
        (await RunShellAsync($"dotnet run --project src/DigitalInitiativer.Api -- dev-token --role Employee --person {person} | tail -n 1", [])).Trim();

    [Fact]
    public async Task The_first_query_and_the_vote_run_as_written()
    {
        var shell = TestedSnippets().Where(s => s.Language == "sh").ToList();
        var (_, proposal) = await OpenProposalAsync();

        var firstQuery = await RunShellAsync(shell[0].Code, []);
        var vote = await RunShellAsync(shell[1].Code, new() { ["PROPOSAL"] = proposal });

        Assert.Equal(2, shell.Count);
        Assert.Contains("\"profileDistribution\"", firstQuery);
        Assert.Contains("\"share\":", firstQuery);
        Assert.DoesNotContain("\"errors\"", firstQuery);
        Assert.Contains("IDEA-2026", shell[1].Code);
        Assert.Contains("\"viewerHasVoted\":true", vote);
        Assert.Contains("\"errors\":[]", vote);
    }

    [Fact]
    public async Task The_graphql_ws_snippet_runs_on_this_node_and_prints_a_vote()
    {
        var (language, code) = TestedSnippets().Single(s => s.Language == "js");
        var (competition, proposal) = await OpenProposalAsync();
        var token = await TokenAsync("demo-0003");
        var script = Path.Combine(ApiFactory.TestProjectDirectory, "js", $"readme-{Guid.NewGuid():N}.mjs");
        await File.WriteAllTextAsync(script, Localise(code));
        try
        {
            var start = Start("node", Path.GetDirectoryName(script)!, new() { ["TOKEN"] = token, ["COMPETITION_ID"] = competition });
            start.ArgumentList.Add(script);
            using var node = Process.Start(start)!;
            var errors = node.StandardError.ReadToEndAsync();
            await Task.Delay(3000); // node starts, connection_init, subscribe
            await RunShellAsync(TestedSnippets().Where(s => s.Language == "sh").ElementAt(1).Code, new() { ["PROPOSAL"] = proposal });
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            var line = await node.StandardOutput.ReadLineAsync(timeout.Token);
            node.Kill(entireProcessTree: true);

            Assert.Equal("js", language);
            Assert.True(line is not null, await errors);
            Assert.Contains("\"proposalVotesChanged\"", line);
            Assert.Contains(proposal, line);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
