using System.Net;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DigitalInitiativer.Tests.Competitions;

public sealed class ConcurrentVotingTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Two_hundred_concurrent_votes_and_retractions_leave_exact_counts_and_no_one_over_budget()
    {
        const int Budget = 3;
        var competition = await new CompetitionDriver(api, "LOAD-VOTES").CreateAsync();
        await competition.ConfigureAsync(rules: new { votesPerPerson = Budget, allowSelfVoting = false, proposalsPerPerson = 5 });
        await competition.AdvanceAsync("SUBMISSION");
        var proposals = new List<string>();
        for (var i = 0; i < 5; i++) proposals.Add(await competition.SubmitAcceptedAsync(competition.Employee("demo-0500"), $"Forslag {i}"));
        await competition.AdvanceAsync("VOTING");

        // 40 voters, 5 requests each: casts to every proposal (so each voter pushes past the budget of 3),
        // a repeated cast of the same proposal, and retractions racing the casts.
        var random = new Random(42);
        var requests = new List<(GraphQLClient Client, string Proposal, bool Cast)>();
        for (var v = 0; v < 40; v++)
        {
            var client = api.CreateGraphQLClient(Roles.Employee, $"demo-{600 + v:0000}");
            var mine = proposals.OrderBy(_ => random.Next()).ToList();
            requests.Add((client, mine[0], true));
            requests.Add((client, mine[0], true));
            requests.Add((client, mine[1], true));
            requests.Add((client, mine[2], v % 3 != 0));
            requests.Add((client, mine[3], true));
        }
        Assert.Equal(200, requests.Count);

        var started = DateTime.UtcNow;
        var responses = await Task.WhenAll(requests.OrderBy(_ => random.Next()).Select(r =>
            r.Client.PostAsync(r.Cast
                ? "mutation($input: CastVoteInput!) { castVote(input: $input) { proposal { voteCount } errors { ... on UserError { code } } } }"
                : "mutation($input: RetractVoteInput!) { retractVote(input: $input) { proposal { voteCount } errors { ... on UserError { code } } } }",
                new { input = new { proposalId = r.Proposal } })));
        output.WriteLine($"200 concurrent vote requests in {(DateTime.UtcNow - started).TotalMilliseconds:0} ms");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(responses, r => Assert.Null(r.Errors));
        Assert.DoesNotContain(responses, r => r.Body.ToJsonString().Contains("SQLITE", StringComparison.OrdinalIgnoreCase));
        var typedErrors = responses.SelectMany(r => (r.Data["castVote"] ?? r.Data["retractVote"])!["errors"]!.AsArray().Select(e => (string)e!["code"]!)).Distinct().ToList();
        Assert.All(typedErrors, code => Assert.Equal("VOTE_BUDGET_EXHAUSTED", code));

        await using var db = api.OpenDb();
        var competitionKey = DigitalInitiativer.Api.GraphQL.Relay.GlobalId.TryParseKey(competition.CompetitionId, "IdeaCompetition");
        var perVoter = await db.Votes().Where(v => v.CompetitionId == competitionKey).GroupBy(v => v.VoterPersonId).Select(g => g.Count()).ToListAsync();
        Assert.NotEmpty(perVoter);
        Assert.All(perVoter, count => Assert.InRange(count, 1, Budget));
        Assert.True(await db.Ballots().Where(b => b.CompetitionId == competitionKey)
            .AllAsync(b => b.VotesUsed == db.Votes().Count(v => v.CompetitionId == b.CompetitionId && v.VoterPersonId == b.VoterPersonId)), "a ballot disagrees with its vote rows");

        var counts = await competition.Manager.QueryAsync("query($id: ID!) { node(id: $id) { ... on IdeaCompetition { proposals(first: 10) { nodes { id voteCount } } } } }", new { id = competition.CompetitionId });
        foreach (var node in counts["node"]!["proposals"]!["nodes"]!.AsArray())
        {
            var key = DigitalInitiativer.Api.GraphQL.Relay.GlobalId.TryParseKey((string)node!["id"]!, "Proposal");
            Assert.Equal(await db.Votes().CountAsync(v => v.ProposalId == key), (int)node["voteCount"]!);
        }
        output.WriteLine($"{perVoter.Sum()} votes stand; {responses.Count(r => r.Body.ToJsonString().Contains("VOTE_BUDGET_EXHAUSTED"))} casts refused at the budget");
    }
}
