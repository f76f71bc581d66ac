using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Tests.Competitions;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Transport;

/// <summary>A test that needs Debian's Chromium; without it (a plain machine) it reports itself as skipped. CI installs it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Environment.GetEnvironmentVariable("CHROMIUM") ?? ChromiumPath))
            Skip = $"Needs Chromium at {ChromiumPath} (Debian package 'chromium'; .ci/run installs it).";
    }
}

/// <summary>The GraphiQL IDE, driven in headless Chromium: served by the API itself, signed in with a dev token pasted into Headers.</summary>
public sealed class GraphiQLTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    private string Token(string role, string person) => api.Services.GetRequiredService<DevTokens>().Create(role, person);

    [ChromiumFact]
    public async Task The_IDE_runs_a_query_with_a_pasted_dev_token()
    {
        await using var ide = new RunningNodeScript("ide.mjs", api.GraphQLUrl, Token(Roles.Employee, "demo-0031"), "{ competenceProfiles { name persona } }", "Signe Selvkørende");

        Assert.Equal("ready", await ide.ReadLineAsync(TimeSpan.FromSeconds(90)));
        var seen = await ide.ReadLineAsync(TimeSpan.FromSeconds(60));
        Assert.True(seen == "saw Signe Selvkørende", await ide.ErrorsAsync());
    }

    [ChromiumFact]
    public async Task The_IDE_knows_the_schema_docs_autocomplete_and_validation()
    {
        // What the Docs panel must show, read from the served schema rather than written here.
        var schema = api.Services.GetRequiredService<DigitalInitiativer.Api.Schema.AppSchema>();
        schema.Initialize();
        var field = schema.Query.GetField("competenceProfiles")!.Description!;
        var type = schema.AllTypes["CompetenceProfile"]!.Description!;

        var (exitCode, output, errors) = await NodeScript.RunWithExitCodeAsync("ide-schema.mjs", api.GraphQLUrl, Token(Roles.Evaluator, "demo-0034"), field, "CompetenceProfile", type);

        Assert.True(exitCode == 0, $"{output}\n{errors}");
        Assert.Contains("docs: Query's fields and CompetenceProfile's description", output);
        Assert.Contains("autocomplete: competenceProfiles offered", output);
        Assert.Contains("validation: noSuchField marked", output);
    }

    [ChromiumFact]
    public async Task A_subscription_in_the_IDE_shows_a_vote_cast_elsewhere()
    {
        var voter = api.CreateGraphQLClient(Roles.Employee, "demo-0032");
        var competition = (await voter.QueryAsync("""{ initiative(code: "IDEA-2026") { competition { id proposals(first: 1) { nodes { id } } } } }"""))["initiative"]!["competition"]!;
        var subscription = $$"""subscription { proposalVotesChanged(competitionId: "{{competition["id"]}}") { proposalId voteCount } }""";
        // The result pane's JSON, not the query editor, which also says voteCount.
        await using var ide = new RunningNodeScript("ide.mjs", api.GraphQLUrl, Token(Roles.Employee, "demo-0033"), subscription, "\"voteCount\":");
        Assert.Equal("ready", await ide.ReadLineAsync(TimeSpan.FromSeconds(90)));
        // Vote only once the IDE's subscription has reached the server, however long the browser took.
        var events = api.Services.GetRequiredService<VoteEvents>();
        var competitionKey = GlobalIds.KeyOf((string)competition["id"]!);
        for (var waited = 0; events.SubscriberCount(competitionKey) == 0; waited += 50)
        {
            Assert.True(waited < 30_000, "the IDE's subscription never reached the server");
            await Task.Delay(50);
        }

        await CompetitionDriver.VoteAsync(voter, (string)competition["proposals"]!["nodes"]![0]!["id"]!);

        var seen = await ide.ReadLineAsync(TimeSpan.FromSeconds(30));
        Assert.True(seen == "saw \"voteCount\":", await ide.ErrorsAsync());
    }

    [Fact]
    public async Task A_browser_gets_the_IDE_page_and_API_clients_get_GraphQL()
    {
        var http = api.CreateClient();
        var page = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql") { Headers = { { "Accept", "text/html,application/xhtml+xml,*/*;q=0.8" } } });
        var json = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query={__typename}") { Headers = { { "Accept", "application/json" } } });
        var bundle = await http.GetAsync("/graphiql/ide.js");

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/graphiql/ide.js", await page.Content.ReadAsStringAsync());
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.True(bundle.IsSuccessStatusCode);
        Assert.DoesNotContain("cdn", (await page.Content.ReadAsStringAsync()).ToLowerInvariant());
    }
}
