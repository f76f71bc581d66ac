using System.Net;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Tests.Competitions;
using DigitalInitiativer.Tests.Infrastructure;
using static DigitalInitiativer.Tests.Competitions.CompetitionDriver;

namespace DigitalInitiativer.Tests.Relay;

/// <summary>Cursors mark positions, not offsets: rows added and votes changed while a client pages shift no page.</summary>
public sealed class KeysetPagingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _administrator = api.CreateGraphQLClient(Roles.Administrator);

    private const string ProposalsPage = """
        query($id: ID!, $after: String, $order: ProposalOrder) {
          node(id: $id) { ... on IdeaCompetition { proposals(first: 3, after: $after, order: $order) {
            pageInfo { hasNextPage endCursor } nodes { id voteCount } } } }
        }
        """;

    [Fact]
    public async Task Paging_by_votes_while_votes_are_cast_and_taken_back_shows_every_proposal_once()
    {
        var competition = await new CompetitionDriver(api, "KEYSET-VOTES").CreateAsync();
        await competition.ConfigureAsync(rules: new { votesPerPerson = 10, allowSelfVoting = false, proposalsPerPerson = 3 });
        await competition.AdvanceAsync("SUBMISSION");
        var proposals = new List<string>();
        for (var i = 0; i < 10; i++)
            proposals.Add(await competition.SubmitAcceptedAsync(competition.Employee($"demo-{401 + i:0000}"), $"Forslag {i}"));
        await competition.AdvanceAsync("VOTING");
        var nextVoter = 600;
        async Task VotesAsync(string proposal, int count)
        {
            for (var i = 0; i < count; i++) await VoteAsync(competition.Employee($"demo-{nextVoter++:0000}"), proposal);
        }
        for (var i = 0; i < proposals.Count; i++) await VotesAsync(proposals[i], i % 5);

        var order = new { field = "VOTES" };
        var seen = new List<string>();
        string? after = null;
        var voted = new List<(GraphQLClient Voter, string Proposal)>();
        while (true)
        {
            var page = (await _administrator.QueryAsync(ProposalsPage, new { id = competition.CompetitionId, after, order }))["node"]!["proposals"]!;
            var ids = page["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();
            seen.AddRange(ids);
            if (!(bool)page["pageInfo"]!["hasNextPage"]!) break;
            after = (string)page["pageInfo"]!["endCursor"]!;

            // Meanwhile: a proposal not yet shown climbs above the page, and one already shown falls below it.
            var live = await LiveRankingAsync(competition.CompetitionId);
            var unseen = live.Where(id => !seen.Contains(id)).ToList();
            var voter = competition.Employee($"demo-{nextVoter++:0000}");
            await VoteAsync(voter, unseen[^1]);
            await VotesAsync(unseen[^1], 6);
            foreach (var (earlier, proposal) in voted.Where(v => seen.Contains(v.Proposal)).ToList()) await VoteAsync(earlier, proposal, cast: false);
            voted.Add((voter, unseen[^1]));
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(proposals.Order(), seen.Order());
        // The live ranking has moved since the first page: offsets (or positions by live votes) would have skipped and repeated.
        Assert.NotEqual(seen, await LiveRankingAsync(competition.CompetitionId));
    }

    private async Task<List<string>> LiveRankingAsync(string competitionId) =>
        (await _administrator.QueryAsync("query($id: ID!) { node(id: $id) { ... on IdeaCompetition { proposals(first: 100, order: { field: VOTES }) { nodes { id } } } } }",
            new { id = competitionId }))["node"]!["proposals"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();

    private const string InitiativesPage = """
        query($first: Int, $after: String, $last: Int, $before: String, $order: InitiativeOrder) {
          initiatives(first: $first, after: $after, last: $last, before: $before, order: $order) {
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { code } }
        }
        """;

    [Fact]
    public async Task Paging_the_catalogue_while_initiatives_are_added_before_and_after_the_page_shows_every_one_once()
    {
        var esb = (string)(await _administrator.QueryAsync("""{ organisationUnit(code: "ESB") { id } }"""))["organisationUnit"]!["id"]!;
        var before = (await _administrator.QueryAsync("{ initiatives(first: 100) { nodes { code } } }"))["initiatives"]!["nodes"]!.AsArray().Select(n => (string)n!["code"]!).ToList();
        var seen = new List<string>();
        string? after = null;
        for (var added = 0; ; added++)
        {
            var page = (await _administrator.QueryAsync(InitiativesPage, new { first = 4, after }))["initiatives"]!;
            seen.AddRange(page["nodes"]!.AsArray().Select(n => (string)n!["code"]!));
            if (!(bool)page["pageInfo"]!["hasNextPage"]!) break;
            after = (string)page["pageInfo"]!["endCursor"]!;
            foreach (var title in new[] { $"Aaa tidligt {added}", $"Zzz sent {added}" })
                await _administrator.QueryAsync("mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { errors { __typename } } }",
                    new { input = new { code = $"KS-{title[..3]}-{added}", kind = "COURSE", title, unitId = esb, startsOn = "2026-12-01" } });
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(before, code => Assert.Contains(code, seen));
        Assert.DoesNotContain(seen, code => code.StartsWith("KS-Aaa", StringComparison.Ordinal)); // added before the pages already read
    }

    [Fact]
    public async Task Paging_back_from_the_end_gives_the_same_items_in_the_same_order()
    {
        var order = new { field = "STARTS_ON", direction = "DESC" };
        var forward = new List<string>();
        string? after = null;
        do
        {
            var page = (await _administrator.QueryAsync(InitiativesPage, new { first = 5, after, order }))["initiatives"]!;
            forward.AddRange(page["nodes"]!.AsArray().Select(n => (string)n!["code"]!));
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string)page["pageInfo"]!["endCursor"]! : null;
        } while (after is not null);

        var backward = new List<string>();
        string? before = null;
        do
        {
            var page = (await _administrator.QueryAsync(InitiativesPage, new { last = 5, before, order }))["initiatives"]!;
            backward.InsertRange(0, page["nodes"]!.AsArray().Select(n => (string)n!["code"]!));
            before = (bool)page["pageInfo"]!["hasPreviousPage"]! ? (string)page["pageInfo"]!["startCursor"]! : null;
        } while (before is not null);

        Assert.True(forward.Count > 10);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public async Task A_forged_cursor_or_one_from_another_list_is_refused_and_never_read_as_a_position()
    {
        var page = (await _administrator.QueryAsync(InitiativesPage, new { first = 2 }))["initiatives"]!;
        var cursor = (string)page["pageInfo"]!["endCursor"]!;
        var forged = cursor[..10] + (cursor[10] == 'A' ? 'B' : 'A') + cursor[11..];

        var altered = await _administrator.PostAsync(InitiativesPage, new { first = 2, after = forged });
        var otherField = await _administrator.PostAsync("query($after: String) { auditLog(subjectId: \"UGVyc29uOjE\", first: 2, after: $after) { nodes { id } } }", new { after = cursor });
        var otherOrder = await _administrator.PostAsync(InitiativesPage, new { first = 2, after = cursor, order = new { field = "STARTS_ON" } });

        Assert.Equal(HttpStatusCode.BadRequest, altered.Status);
        Assert.Equal(["INVALID_CURSOR"], altered.ErrorCodes);
        Assert.Equal(HttpStatusCode.BadRequest, otherField.Status);
        Assert.Equal(["INVALID_CURSOR"], otherField.ErrorCodes);
        Assert.Equal(["INVALID_CURSOR"], otherOrder.ErrorCodes);
    }

    [Fact]
    public async Task A_cursor_from_another_initiatives_participants_is_refused()
    {
        const string Participants = """
            query($code: String!, $after: String) { initiative(code: $code) { participations(first: 2, after: $after) { pageInfo { endCursor } nodes { id } } } }
            """;
        var cursor = (string)(await _administrator.QueryAsync(Participants, new { code = "JC-CAFE" }))["initiative"]!["participations"]!["pageInfo"]!["endCursor"]!;
        var own = await _administrator.QueryAsync(Participants, new { code = "JC-CAFE", after = cursor });

        var other = await _administrator.PostAsync(Participants, new { code = "IDEA-2016", after = cursor });

        Assert.Equal(2, own["initiative"]!["participations"]!["nodes"]!.AsArray().Count);
        Assert.Equal(["INVALID_CURSOR"], other.ErrorCodes);
        Assert.Null(other.Body["data"]?["initiative"]);
    }
}
