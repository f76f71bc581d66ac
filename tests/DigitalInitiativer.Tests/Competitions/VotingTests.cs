using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalInitiativer.Tests.Competitions.CompetitionDriver;

namespace DigitalInitiativer.Tests.Competitions;

public sealed class VotingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>A competition in VOTING with three accepted proposals, one rejected and one withdrawn.</summary>
    private async Task<(CompetitionDriver Competition, string[] Open, string Rejected, string Withdrawn, string OwnOf0401)> VotingCompetitionAsync(int votesPerPerson = 2)
    {
        var competition = await new CompetitionDriver(api, $"VOTE-{Guid.NewGuid():N}"[..20]).CreateAsync();
        await competition.ConfigureAsync(rules: new { votesPerPerson, allowSelfVoting = false, proposalsPerPerson = 3 });
        await competition.AdvanceAsync("SUBMISSION");
        var open = new[]
        {
            await competition.SubmitAcceptedAsync(competition.Employee("demo-0401"), "A"),
            await competition.SubmitAcceptedAsync(competition.Employee("demo-0402"), "B"),
            await competition.SubmitAcceptedAsync(competition.Employee("demo-0403"), "C"),
        };
        var rejected = (string)(await competition.SubmitAsync(competition.Employee("demo-0404"), Idea("R")))["proposal"]!["id"]!;
        await competition.ManagerMoveAsync("rejectProposal", new { proposalId = rejected, reason = "Nej" }, "RejectProposalInput");
        var withdrawn = (string)(await competition.SubmitAsync(competition.Employee("demo-0405"), Idea("W")))["proposal"]!["id"]!;
        await competition.Employee("demo-0405").QueryAsync("mutation($input: ProposalIdInput!) { withdrawProposal(input: $input) { errors { __typename } } }", new { input = new { proposalId = withdrawn } });
        await competition.AdvanceAsync("VOTING");
        return (competition, open, rejected, withdrawn, open[0]);
    }

    [Fact]
    public async Task Casting_the_same_vote_twice_changes_nothing_and_is_not_an_error()
    {
        var (competition, open, _, _, _) = await VotingCompetitionAsync();
        var voter = competition.Employee("demo-0410");

        var first = await VoteAsync(voter, open[1]);
        var again = await VoteAsync(voter, open[1]);

        Assert.Empty(Codes(first));
        Assert.Empty(Codes(again));
        Assert.Equal(1, (int)again["proposal"]!["voteCount"]!);
        Assert.True((bool)again["proposal"]!["viewerHasVoted"]!);
        var remaining = await voter.QueryAsync("query($id: ID!) { node(id: $id) { ... on IdeaCompetition { viewerVotesRemaining } } }", new { id = competition.CompetitionId });
        Assert.Equal(1, (int)remaining["node"]!["viewerVotesRemaining"]!);
    }

    [Fact]
    public async Task The_vote_budget_is_enforced_and_retracting_gives_a_vote_back()
    {
        var (competition, open, _, _, _) = await VotingCompetitionAsync(votesPerPerson: 2);
        var voter = competition.Employee("demo-0411");
        await VoteAsync(voter, open[1]);
        await VoteAsync(voter, open[2]);

        var third = await VoteAsync(voter, open[0]);
        Assert.Equal(["VOTE_BUDGET_EXHAUSTED"], Codes(third));
        Assert.Equal("VoteBudgetExhaustedError", (string?)third["errors"]![0]!["__typename"]);

        Assert.Empty(Codes(await VoteAsync(voter, open[2], cast: false)));
        Assert.Empty(Codes(await VoteAsync(voter, open[0])));
        Assert.Empty(Codes(await VoteAsync(voter, open[0], cast: false)));
        Assert.Empty(Codes(await VoteAsync(voter, open[0], cast: false))); // retracting again is a no-op too
    }

    [Fact]
    public async Task Each_refused_vote_has_its_typed_error()
    {
        var (competition, open, rejected, withdrawn, own) = await VotingCompetitionAsync();
        var author = competition.Employee("demo-0401");
        var voter = competition.Employee("demo-0412");

        Assert.Equal("OwnProposalError", (string?)(await VoteAsync(author, own))["errors"]![0]!["__typename"]);
        Assert.Equal("ProposalNotOpenForVotingError", (string?)(await VoteAsync(voter, rejected))["errors"]![0]!["__typename"]);
        Assert.Equal("ProposalNotOpenForVotingError", (string?)(await VoteAsync(voter, withdrawn))["errors"]![0]!["__typename"]);
        Assert.Equal("NotFoundError", (string?)(await VoteAsync(voter, "Zm9yZ2VkOjE"))["errors"]![0]!["__typename"]);
        Assert.Equal("NotFoundError", (string?)(await VoteAsync(voter, GlobalIds.Of("Proposal", 99999)))["errors"]![0]!["__typename"]);

        await competition.AdvanceAsync("CLOSED");
        var closed = await VoteAsync(voter, open[1]);
        Assert.Equal(("VotingClosedError", "VOTING_CLOSED"), ((string?)closed["errors"]![0]!["__typename"], (string?)closed["errors"]![0]!["code"]));
        await competition.AdvanceAsync("RESULTS_PUBLISHED");
        var published = await voter.QueryAsync("mutation($input: CastVoteInput!) { castVote(input: $input) { errors { ... on UserError { message } ... on VotingClosedError { phase } } } }", new { input = new { proposalId = open[1] } });
        Assert.Equal("RESULTS_PUBLISHED", (string?)published["castVote"]!["errors"]![0]!["phase"]);
        Assert.Contains("RESULTS_PUBLISHED", (string?)published["castVote"]!["errors"]![0]!["message"]);
        Assert.Equal("VotingClosedError", (string?)(await VoteAsync(voter, open[1], cast: false))["errors"]![0]!["__typename"]);

        await using var db = api.OpenDb();
        var voterId = await db.Persons().Where(p => p.Key == "demo-0412").Select(p => p.Id).SingleAsync();
        Assert.False(await db.Votes().AnyAsync(v => v.VoterPersonId == voterId));
    }

    [Fact]
    public async Task Self_voting_works_when_the_rules_allow_it()
    {
        var competition = await new CompetitionDriver(api, $"SELF-{Guid.NewGuid():N}"[..20]).CreateAsync();
        await competition.ConfigureAsync(rules: new { votesPerPerson = 1, allowSelfVoting = true, proposalsPerPerson = 1 });
        await competition.AdvanceAsync("SUBMISSION");
        var author = competition.Employee("demo-0420");
        var own = await competition.SubmitAcceptedAsync(author, "Mit eget");
        await competition.AdvanceAsync("VOTING");

        Assert.Empty(Codes(await VoteAsync(author, own)));
    }

    [Fact]
    public async Task Merging_moves_votes_and_authors_across_and_gives_a_double_voter_their_vote_back()
    {
        var (competition, open, _, _, _) = await VotingCompetitionAsync(votesPerPerson: 3);
        var both = competition.Employee("demo-0430");
        var sourceOnly = competition.Employee("demo-0431");
        await VoteAsync(both, open[1]);
        await VoteAsync(both, open[2]);
        await VoteAsync(sourceOnly, open[2]);

        var merged = await competition.ManagerMoveAsync("mergeProposal", new { proposalId = open[2], intoProposalId = open[1] }, "MergeProposalInput");

        Assert.Equal("MERGED", (string?)merged["proposal"]!["state"]);
        Assert.Equal(open[1], (string?)merged["proposal"]!["mergedInto"]!["id"]);
        var target = await competition.Manager.QueryAsync("query($id: ID!) { node(id: $id) { ... on Proposal { voteCount authors { isLead } } } }", new { id = open[1] });
        Assert.Equal(2, (int)target["node"]!["voteCount"]!);
        Assert.Equal(2, target["node"]!["authors"]!.AsArray().Count);
        var remaining = await both.QueryAsync("query($id: ID!) { node(id: $id) { ... on IdeaCompetition { viewerVotesRemaining } } }", new { id = competition.CompetitionId });
        Assert.Equal(2, (int)remaining["node"]!["viewerVotesRemaining"]!);
        await using var db = api.OpenDb();
        Assert.True(await db.Ballots().AllAsync(b => b.VotesUsed == db.Votes().Count(v => v.CompetitionId == b.CompetitionId && v.VoterPersonId == b.VoterPersonId)));
    }

    [Fact]
    public async Task No_field_anywhere_reveals_who_voted_and_each_caller_sees_only_their_own_vote()
    {
        var schema = api.Services.GetRequiredService<DigitalInitiativer.Api.Schema.AppSchema>();
        schema.Initialize();
        var leaks = schema.AllTypes.OfType<IComplexGraphType>().SelectMany(t => t.Fields.Select(f => (Type: t.Name, Field: f.Name)))
            .Where(x => x.Type is "Vote" or "Ballot" || x.Field.Contains("voter", StringComparison.OrdinalIgnoreCase) && x.Field != "viewerHasVoted" || x.Field.Contains("votedAt", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Empty(leaks);

        var (competition, open, _, _, _) = await VotingCompetitionAsync();
        await VoteAsync(competition.Employee("demo-0440"), open[1]);
        var other = await competition.Employee("demo-0441").QueryAsync("query($id: ID!) { node(id: $id) { ... on Proposal { voteCount viewerHasVoted } } }", new { id = open[1] });
        Assert.Equal(1, (int)other["node"]!["voteCount"]!);
        Assert.False((bool)other["node"]!["viewerHasVoted"]!);
    }

    [Fact]
    public async Task The_proposals_list_filters_by_state_and_text_and_sorts_by_votes_and_the_leaderboard_ranks()
    {
        var (competition, open, _, _, _) = await VotingCompetitionAsync(votesPerPerson: 3);
        foreach (var key in new[] { "demo-0450", "demo-0451" }) await VoteAsync(competition.Employee(key), open[2]);
        await VoteAsync(competition.Employee("demo-0452"), open[1]);

        var units = await competition.Manager.QueryAsync("""{ arb: organisationUnit(code: "ARB") { id } bk: organisationUnit(code: "BK") { id } }""");
        var data = await competition.Manager.QueryAsync("""
            query($id: ID!, $arb: ID!, $bk: ID!) { node(id: $id) { ... on IdeaCompetition {
              inArbejdsmarked: proposals(where: { unitId: $arb }) { totalCount }
              inBoernOgKultur: proposals(where: { unitId: $bk }) { totalCount }
              byVotes: proposals(where: { states: [ACCEPTED] }, order: { field: VOTES }) { totalCount nodes { id voteCount } }
              rejected: proposals(where: { states: [REJECTED] }) { totalCount }
              text: proposals(where: { text: "c" }) { nodes { title } }
              leaderboard(top: 3) { rank voteCount proposal { id } }
            } } }
            """, new { id = competition.CompetitionId, arb = (string)units["arb"]!["id"]!, bk = (string)units["bk"]!["id"]! });

        var node = data["node"]!;
        Assert.Equal([open[2], open[1], open[0]], node["byVotes"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Equal(1, (int)node["rejected"]!["totalCount"]!);
        Assert.Equal(5, (int)node["inArbejdsmarked"]!["totalCount"]!); // submitted from Jobcenter Esbjerg, a unit under Arbejdsmarked
        Assert.Equal(0, (int)node["inBoernOgKultur"]!["totalCount"]!);
        Assert.Equal(["C"], node["text"]!["nodes"]!.AsArray().Select(n => (string)n!["title"]!));
        Assert.Equal([(1, 2), (2, 1), (3, 0)], node["leaderboard"]!.AsArray().Select(e => ((int)e!["rank"]!, (int)e["voteCount"]!)));
    }

    [Fact]
    public async Task Straight_after_seeding_the_2026_competition_is_in_VOTING_and_demo_0001_can_vote()
    {
        var employee = api.CreateGraphQLClient(Roles.Employee, "demo-0001");
        var competition = (await employee.QueryAsync("""
            { initiative(code: "IDEA-2026") { competition { id phase viewerVotesRemaining proposals(first: 1, order: { field: VOTES }) { nodes { id voteCount viewerHasVoted } } } } }
            """))["initiative"]!["competition"]!;
        Assert.Equal("VOTING", (string?)competition["phase"]);
        Assert.Equal(5, (int)competition["viewerVotesRemaining"]!);
        var top = competition["proposals"]!["nodes"]![0]!;

        var voted = await VoteAsync(employee, (string)top["id"]!);

        Assert.Empty(Codes(voted));
        Assert.Equal((int)top["voteCount"]! + 1, (int)voted["proposal"]!["voteCount"]!);
    }
}
