using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace DigitalInitiativer.Tests.Competitions;

/// <summary>
/// Two real API processes on one PostgreSQL database, as behind a load balancer: votes cast on either reach a
/// subscription held on the other through LISTEN/NOTIFY, and concurrent voting over both stays exact.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private ScratchDatabase _database = null!;
    private readonly string _signingKeyFile = Path.Combine(Path.GetTempPath(), "digitalinitiativer-tests", $"signing-{Guid.NewGuid():N}.key");
    private DevTokens _tokens = null!;
    private ApiProcess _a = null!;
    private ApiProcess _b = null!;

    public async Task InitializeAsync()
    {
        if (!TestDatabase.IsPostgres) return;
        _database = new ScratchDatabase(withDemoData: true);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("DevTokens:SigningKeyFile", _signingKeyFile)]).Build();
        _tokens = new DevTokens(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, TimeProvider.System);
        _tokens.Create(Roles.Employee, "demo-0001"); // writes the key file before both processes read it
        _a = new ApiProcess(_database, _signingKeyFile);
        _b = new ApiProcess(_database, _signingKeyFile);
        await Task.WhenAll(_a.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), _b.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)));
    }

    [PostgresFact]
    public async Task Votes_cast_on_either_instance_reach_a_subscriber_on_the_other_and_concurrent_voting_stays_exact()
    {
        var reader = _a.CreateClient(_tokens.Create(Roles.Employee, "demo-0002"));
        await _b.CreateClient(_tokens.Create(Roles.Employee, "demo-0002")).QueryAsync("{ competenceProfiles { kind } }"); // B builds its schema before the subscription
        var competition = (await reader.QueryAsync("""{ initiative(code: "IDEA-2026") { competition { id proposals(first: 20) { nodes { id voteCount } } } } }"""))["initiative"]!["competition"]!;
        var proposals = competition["proposals"]!["nodes"]!.AsArray().Select(p => (string)p!["id"]!).ToList();
        var before = competition["proposals"]!["nodes"]!.AsArray().ToDictionary(p => (string)p!["id"]!, p => (int)p!["voteCount"]!);
        await using var db = _database.Open();
        var competitionKey = GlobalId.TryParseKey((string)competition["id"]!, "IdeaCompetition");
        var demoVoters = await db.Ballots().Where(b => b.CompetitionId == competitionKey).Select(b => b.VoterPersonId).ToListAsync();
        var voters = await db.Persons().Where(p => !demoVoters.Contains(p.Id)).OrderBy(p => p.Id).Skip(500).Take(41).Select(p => p.Key).ToListAsync();
        await using var watcher = new RunningNodeScript("watch.mjs", _b.WebSocketUrl, _tokens.Create(Roles.Employee, "demo-0003"), (string)competition["id"]!);
        Assert.Equal("ready", await watcher.ReadLineAsync(TimeSpan.FromSeconds(20)));
        var seen = new ConcurrentQueue<JsonNode>();
        _ = Task.Run(async () =>
        {
            while (await watcher.ReadLineAsync(TimeSpan.FromMinutes(2)) is { } line) seen.Enqueue(JsonNode.Parse(line)!);
        });

        // One vote on A, seen on B. The protocol does not acknowledge a subscription, so should the vote come before B
        // has registered it, the vote is taken back and cast again.
        var firstCount = 0;
        for (var attempt = 0; attempt < 5 && !SeenOnB(firstCount); attempt++)
        {
            if (attempt > 0) await Vote(_a, voters[0], proposals[0], cast: false);
            var first = await Vote(_a, voters[0], proposals[0]);
            Assert.Empty(first["errors"]!.AsArray());
            firstCount = (int)first["proposal"]!["voteCount"]!;
            Assert.Equal(before[proposals[0]] + 1, firstCount);
            for (var i = 0; i < 30 && !SeenOnB(firstCount); i++) await Task.Delay(100);
        }
        Assert.True(SeenOnB(firstCount), $"no vote cast on A reached B; B saw [{string.Join(", ", seen)}]; watcher: {await watcher.ErrorsAsync()}");
        bool SeenOnB(int count) => seen.Any(e => (string?)e["proposalId"] == proposals[0] && (int)e["voteCount"]! == count);

        // 40 voters who had not voted, 3 proposals each, every vote sent twice, spread over both instances at once.
        var random = new Random(7);
        var requests = voters.Skip(1).SelectMany(voter =>
        {
            var mine = proposals.OrderBy(_ => random.Next()).Take(3).ToList();
            return mine.Concat(mine).Select(p => (Voter: voter, Proposal: p));
        }).OrderBy(_ => random.Next()).ToList();
        // Vote fails the test on any top-level GraphQL error.
        var responses = await Task.WhenAll(requests.Select((r, i) => Vote(i % 2 == 0 ? _a : _b, r.Voter, r.Proposal)));

        var finalCounts = await db.Votes().GroupBy(v => v.ProposalId).ToDictionaryAsync(g => g.Key, g => g.Count());
        var byGlobalId = proposals.ToDictionary(p => p, p => finalCounts.GetValueOrDefault(GlobalId.TryParseKey(p, "Proposal")!.Value));
        // Every accepted vote is one row: the counts before, plus each voter's distinct accepted votes (an own proposal is refused).
        var accepted = requests.Zip(responses).Where(x => x.Second["errors"]!.AsArray().Count == 0)
            .Select(x => x.First).Distinct().Append((Voter: voters[0], Proposal: proposals[0])).GroupBy(x => x.Proposal).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(proposals, p => Assert.Equal(before[p] + accepted.GetValueOrDefault(p), byGlobalId[p]));
        Assert.True(await db.Ballots().AllAsync(b => b.VotesUsed == db.Votes().Count(v => v.CompetitionId == b.CompetitionId && v.VoterPersonId == b.VoterPersonId)),
            "a ballot disagrees with its vote rows");

        // Changes arrive in commit order, so the last one B saw for each proposal is its final count.
        await Eventually(() => proposals.All(p => LastSeen(seen, p) is not { } last || last == byGlobalId[p]), "B's last counts differ from the database");
        Assert.All(accepted.Keys, p => Assert.Equal(byGlobalId[p], LastSeen(seen, p)));
        Assert.Contains("Listening for vote changes", _b.Log);
    }

    [PostgresFact]
    public async Task A_merge_on_one_instance_reaches_count_and_notification_subscribers_on_the_other()
    {
        var manager = _a.CreateClient(_tokens.Create(Roles.InitiativeManager, "demo-0011"));
        await _b.CreateClient(_tokens.Create(Roles.Employee, "demo-0002")).QueryAsync("{ competenceProfiles { kind } }");
        var competition = (await manager.QueryAsync("""{ initiative(code: "IDEA-2026") { competition { id proposals(first: 2) { nodes { id } } } } }"""))["initiative"]!["competition"]!;
        var (source, target) = ((string)competition["proposals"]!["nodes"]![0]!["id"]!, (string)competition["proposals"]!["nodes"]![1]!["id"]!);
        await using var watcher = new RunningNodeScript("watch.mjs", _b.WebSocketUrl, _tokens.Create(Roles.Employee, "demo-0003"), (string)competition["id"]!);
        Assert.Equal("ready", await watcher.ReadLineAsync(TimeSpan.FromSeconds(20)));
        // The merged proposal's lead author follows their notifications on B.
        await using (var lookup = _database.Open())
        {
            var sourceKey = GlobalId.TryParseKey(source, "Proposal");
            _leadKey = await lookup.ProposalAuthors().Where(a => a.ProposalId == sourceKey && a.IsLead)
                .Select(a => lookup.Persons().Single(p => p.Id == a.PersonId).Key).SingleAsync();
        }
        using var inbox = await GraphQLSocket.AcknowledgedAsync(_b.WebSocketUrl, _tokens.Create(Roles.Employee, _leadKey), acceptLanguage: "en");
        await inbox.SubscribeAsync("inbox", "subscription { notificationAdded { kind message subject { id } } }");
        await Task.Delay(500); // the protocol does not acknowledge a subscription

        var merged = await manager.QueryAsync("""
            mutation($input: MergeProposalInput!) { mergeProposal(input: $input) { errors { ... on UserError { code } } } }
            """, new { input = new { proposalId = source, intoProposalId = target } });

        Assert.Empty(merged["mergeProposal"]!["errors"]!.AsArray());
        var seen = new[] { await watcher.ReadLineAsync(TimeSpan.FromSeconds(5)), await watcher.ReadLineAsync(TimeSpan.FromSeconds(5)) }
            .Select(line => JsonNode.Parse(line ?? throw new Xunit.Sdk.XunitException("B heard fewer than two counts after the merge."))!).ToList();
        await using var db = _database.Open();
        var targetKey = GlobalId.TryParseKey(target, "Proposal");
        Assert.Equal(0, LastSeen(seen, source));
        Assert.Equal(await db.Votes().CountAsync(v => v.ProposalId == targetKey), LastSeen(seen, target));
        var notice = (await inbox.ReceiveMessageAsync())["payload"]!["data"]!["notificationAdded"]!;
        Assert.Equal(("PROPOSAL_MERGED", target), ((string?)notice["kind"], (string?)notice["subject"]!["id"]));
        Assert.StartsWith("Your proposal", (string?)notice["message"]);
    }

    private string _leadKey = "";

    private Task<JsonNode> Vote(ApiProcess instance, string voter, string proposalId, bool cast = true) =>
        CompetitionDriver.VoteAsync(instance.CreateClient(_tokens.Create(Roles.Employee, voter)), proposalId, cast);

    private static int? LastSeen(IEnumerable<JsonNode> seen, string proposalId) =>
        seen.LastOrDefault(e => (string?)e["proposalId"] == proposalId) is { } last ? (int)last["voteCount"]! : null;

    private static async Task Eventually(Func<bool> condition, string failure)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), failure);
    }

    public async Task DisposeAsync()
    {
        if (_a is not null) await _a.DisposeAsync();
        if (_b is not null) await _b.DisposeAsync();
        _database.Dispose();
        File.Delete(_signingKeyFile);
    }
}
