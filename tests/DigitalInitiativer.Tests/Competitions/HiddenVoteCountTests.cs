using System.Text.Json.Nodes;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalInitiativer.Tests.Competitions.CompetitionDriver;

namespace DigitalInitiativer.Tests.Competitions;

/// <summary>Counts hidden until voting closes, for every role and every way of reading them; and merges reach live subscribers.</summary>
public sealed class HiddenVoteCountTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    private const string Subscription = "subscription($id: ID!) { proposalVotesChanged(competitionId: $id) { proposalId voteCount } }";

    private const string Counts = """
        query($id: ID!) { node(id: $id) { ... on IdeaCompetition {
          voteCountsHidden rules { hideVoteCountsUntilClosed } leaderboard { voteCount }
          proposals(first: 20) { nodes { id voteCount } } } } }
        """;

    private Task<GraphQLSocket> SubscriberAsync() =>
        GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, api.Services.GetRequiredService<DevTokens>().Create(Roles.Employee, "demo-0900"));

    private async Task<(CompetitionDriver Competition, List<string> Proposals)> VotingAsync(string code, bool hide, int proposals = 2)
    {
        var competition = await new CompetitionDriver(api, code).CreateAsync();
        Assert.Empty(Codes(await competition.ConfigureAsync(rules: new { votesPerPerson = 2, allowSelfVoting = false, proposalsPerPerson = 1, hideVoteCountsUntilClosed = hide })));
        await competition.AdvanceAsync("SUBMISSION");
        var ids = new List<string>();
        for (var i = 0; i < proposals; i++) ids.Add(await competition.SubmitAcceptedAsync(competition.Employee($"demo-08{i + 10}"), $"Forslag {i}"));
        await competition.AdvanceAsync("VOTING");
        return (competition, ids);
    }

    private async Task<int> StoredVotesAsync(string proposalId)
    {
        await using var db = api.OpenDb();
        var key = GlobalIds.KeyOf(proposalId);
        return await db.Votes().CountAsync(v => v.ProposalId == key);
    }

    [Fact]
    public async Task While_voting_no_role_reads_or_hears_a_count_votes_still_count_exactly_and_counts_appear_at_the_close()
    {
        var (hidden, proposals) = await VotingAsync("HIDE-1", hide: true, proposals: 3);
        var (visible, visibleProposals) = await VotingAsync("HIDE-1-OPEN", hide: false, proposals: 1);
        using var subscriber = await SubscriberAsync();
        await subscriber.SubscribeAsync("hidden", Subscription, new { id = hidden.CompetitionId });
        await subscriber.SubscribeAsync("visible", Subscription, new { id = visible.CompetitionId });
        await Task.Delay(300); // the protocol does not acknowledge a subscription

        var votes = new List<JsonNode>();
        foreach (var voter in new[] { "demo-0821", "demo-0822", "demo-0823" }) votes.Add(await VoteAsync(hidden.Employee(voter), proposals[0]));
        votes.Add(await VoteAsync(hidden.Employee("demo-0821"), proposals[1]));
        var overBudget = await VoteAsync(hidden.Employee("demo-0821"), proposals[2]);
        Assert.Empty(Codes(await hidden.ManagerMoveAsync("mergeProposal", new { proposalId = proposals[2], intoProposalId = proposals[1] }, "MergeProposalInput")));
        await VoteAsync(visible.Employee("demo-0821"), visibleProposals[0]);

        Assert.All(votes, v => Assert.Null(v["proposal"]!["voteCount"]));
        Assert.Equal(["VOTE_BUDGET_EXHAUSTED"], Codes(overBudget));
        Assert.Equal(3, await StoredVotesAsync(proposals[0]));
        Assert.Equal(1, await StoredVotesAsync(proposals[1]));
        // The first event the subscriber hears is the visible competition's: nothing was sent for the hidden one's votes or merge.
        var first = await subscriber.ReceiveMessageAsync();
        Assert.Equal(("visible", visibleProposals[0]), ((string?)first["id"], (string?)first["payload"]!["data"]!["proposalVotesChanged"]!["proposalId"]));

        foreach (var reader in new[] { hidden.Employee("demo-0830"), hidden.Manager, api.CreateGraphQLClient(Roles.Administrator), api.CreateGraphQLClient(Roles.Evaluator) })
        {
            var read = (await reader.QueryAsync(Counts, new { id = hidden.CompetitionId }))["node"]!;
            Assert.True((bool)read["voteCountsHidden"]!);
            Assert.Empty(read["leaderboard"]!.AsArray());
            Assert.All(read["proposals"]!["nodes"]!.AsArray(), p => Assert.Null(p!["voteCount"]));
            var sorted = await reader.PostAsync("query($id: ID!) { node(id: $id) { ... on IdeaCompetition { proposals(order: { field: VOTES }) { nodes { id } } } } }",
                new { id = hidden.CompetitionId });
            Assert.Equal(["VOTE_COUNTS_HIDDEN"], sorted.ErrorCodes);
        }
        var ownVotes = await hidden.Employee("demo-0821").QueryAsync("query($id: ID!) { node(id: $id) { ... on IdeaCompetition { viewerVotesRemaining } } }", new { id = hidden.CompetitionId });
        Assert.Equal(0, (int)ownVotes["node"]!["viewerVotesRemaining"]!);

        Assert.Equal(["RULES_LOCKED"], Codes(await hidden.ConfigureAsync(rules: new { votesPerPerson = 2, allowSelfVoting = false, proposalsPerPerson = 1, hideVoteCountsUntilClosed = false })));
        await hidden.AdvanceAsync("CLOSED");
        var closed = (await hidden.Employee("demo-0830").QueryAsync(Counts, new { id = hidden.CompetitionId }))["node"]!;
        Assert.False((bool)closed["voteCountsHidden"]!);
        Assert.True((bool)closed["rules"]!["hideVoteCountsUntilClosed"]!);
        Assert.Equal([3, 1], closed["leaderboard"]!.AsArray().Select(e => (int)e!["voteCount"]!).Take(2));
        Assert.Equal(3, closed["proposals"]!["nodes"]!.AsArray().Single(p => (string?)p!["id"] == proposals[0])!["voteCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_merge_sends_both_new_counts_to_subscribers()
    {
        var (competition, proposals) = await VotingAsync("MERGE-LIVE", hide: false, proposals: 3);
        await VoteAsync(competition.Employee("demo-0841"), proposals[0]);
        await VoteAsync(competition.Employee("demo-0842"), proposals[0]);
        await VoteAsync(competition.Employee("demo-0842"), proposals[1]); // backed both: keeps one vote
        await VoteAsync(competition.Employee("demo-0843"), proposals[1]);
        using var subscriber = await SubscriberAsync();
        await subscriber.SubscribeAsync("live", Subscription, new { id = competition.CompetitionId });
        await Task.Delay(300);

        var merged = await competition.ManagerMoveAsync("mergeProposal", new { proposalId = proposals[0], intoProposalId = proposals[1] }, "MergeProposalInput");
        Assert.Empty(Codes(merged));
        var events = new[] { await subscriber.ReceiveMessageAsync(), await subscriber.ReceiveMessageAsync() }
            .Select(m => m["payload"]!["data"]!["proposalVotesChanged"]!).ToDictionary(e => (string)e["proposalId"]!, e => (int)e["voteCount"]!);

        Assert.Equal(0, events[proposals[0]]);
        Assert.Equal(3, events[proposals[1]]);
        Assert.Equal(3, await StoredVotesAsync(proposals[1]));
    }

    [Fact]
    public async Task A_schedule_cannot_move_a_competition_back_so_hidden_counts_cannot_be_peeked_at_and_hidden_again()
    {
        // A competition run by its schedule alone, in VOTING since yesterday.
        var competition = await new CompetitionDriver(api, "HIDE-BACK").CreateAsync();
        var (past, future) = (DateTime.UtcNow.AddDays(-1).ToString("O"), DateTime.UtcNow.AddDays(30).ToString("O"));
        await competition.ConfigureAsync(rules: new { votesPerPerson = 2, allowSelfVoting = false, proposalsPerPerson = 1, hideVoteCountsUntilClosed = true },
            schedule: new { submissionOpensAt = past, reviewStartsAt = past, votingOpensAt = past });
        Assert.Equal("VOTING", await competition.PhaseAsync());

        // Back to REVIEW, which would unlock the rules, is refused; and so is reopening voting once it closed.
        Assert.Equal(["PHASE_BACKWARDS"], Codes(await competition.ConfigureAsync(schedule: new { submissionOpensAt = past, reviewStartsAt = past, votingOpensAt = future })));
        Assert.Equal("VOTING", await competition.PhaseAsync());
        Assert.Empty(Codes(await competition.ConfigureAsync(schedule: new { submissionOpensAt = past, votingOpensAt = past, votingClosesAt = future })));
        Assert.Empty(Codes(await competition.ConfigureAsync(schedule: new { submissionOpensAt = past, votingOpensAt = past, votingClosesAt = past })));
        Assert.Equal("CLOSED", await competition.PhaseAsync());
        Assert.Equal(["PHASE_BACKWARDS"], Codes(await competition.ConfigureAsync(schedule: new { submissionOpensAt = past, votingOpensAt = past, votingClosesAt = future })));
        Assert.Equal("CLOSED", await competition.PhaseAsync());
    }

    [Fact]
    public async Task Rules_sent_without_the_hidden_counts_flag_keep_it()
    {
        var competition = await new CompetitionDriver(api, "HIDE-KEEP").CreateAsync();
        await competition.ConfigureAsync(rules: new { votesPerPerson = 2, allowSelfVoting = false, proposalsPerPerson = 1, hideVoteCountsUntilClosed = true });

        var resent = await competition.Manager.QueryAsync("""
            mutation($input: ConfigureCompetitionInput!) { configureCompetition(input: $input) { ideaCompetition { rules { votesPerPerson hideVoteCountsUntilClosed } } } }
            """, new { input = new { competitionId = competition.CompetitionId, rules = new { votesPerPerson = 4, allowSelfVoting = false, proposalsPerPerson = 1 } } });

        Assert.Equal(4, (int)resent["configureCompetition"]!["ideaCompetition"]!["rules"]!["votesPerPerson"]!);
        Assert.True((bool)resent["configureCompetition"]!["ideaCompetition"]!["rules"]!["hideVoteCountsUntilClosed"]!);
    }
}
