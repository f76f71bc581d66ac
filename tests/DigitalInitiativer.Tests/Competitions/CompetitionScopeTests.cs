using System.Text.Json.Nodes;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DigitalInitiativer.Tests.Competitions.CompetitionDriver;

namespace DigitalInitiativer.Tests.Competitions;

/// <summary>A competition is for its unit's staff; staff find what is open to them, and their own proposals and votes.</summary>
public sealed class CompetitionScopeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>The keys of people who work in the unit or below it, skipping those other tests here use.</summary>
    private async Task<List<string>> StaffOfAsync(string unitCode, int count, int skip = 0)
    {
        await using var db = api.OpenDb();
        var path = await db.Units().Where(u => u.Code == unitCode).Select(u => u.Path).SingleAsync();
        return await db.Persons().Where(p => db.Units().Any(u => u.Id == p.UnitId && u.Path.StartsWith(path)))
            .OrderBy(p => p.Id).Skip(skip).Take(count).Select(p => p.Key).ToListAsync();
    }

    private static async Task<JsonNode> CommentAsync(GraphQLClient client, string proposalId) => (await client.QueryAsync("""
        mutation($input: AddCommentInput!) { addComment(input: $input) { proposalComment { id } errors { __typename ... on UserError { code path } } } }
        """, new { input = new { proposalId, text = "En kommentar" } }))["addComment"]!;

    private async Task<int> CountAsync(Func<Api.Data.AppDbContext, Task<int>> count)
    {
        await using var db = api.OpenDb();
        return await count(db);
    }

    [Fact]
    public async Task Only_staff_of_the_competitions_unit_and_below_submit_co_author_vote_and_comment()
    {
        var competition = await new CompetitionDriver(api, "SCOPE-JC", unitCode: "ARB-JC").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var insiders = await StaffOfAsync("ARB-JC-UNG", 3);
        var outsiders = await StaffOfAsync("BK-SKO", 2);
        var (insider, outsider) = (competition.Employee(insiders[0]), competition.Employee(outsiders[0]));
        var proposalsBefore = await CountAsync(db => db.Proposals().CountAsync());

        var refused = await competition.SubmitAsync(outsider);
        var fromOutsideUnit = await competition.SubmitAsync(insider, fromUnit: "BK-SKO");
        var outsideCoAuthor = await competition.SubmitAsync(insider, coAuthorIds: [await api.PersonIdAsync(outsiders[1])]);

        Assert.Equal(["OUTSIDE_COMPETITION_UNIT"], Codes(refused));
        Assert.Equal("OutsideCompetitionUnitError", (string?)refused["errors"]![0]!["__typename"]);
        Assert.Equal(["OUTSIDE_COMPETITION_UNIT"], Codes(fromOutsideUnit));
        Assert.Equal("""["input","unitId"]""", fromOutsideUnit["errors"]![0]!["path"]!.ToJsonString());
        Assert.Equal("""["input","coAuthorIds","0"]""", outsideCoAuthor["errors"]![0]!["path"]!.ToJsonString());
        Assert.Equal(proposalsBefore, await CountAsync(db => db.Proposals().CountAsync()));

        var proposalId = (string)(await competition.SubmitAsync(insider, fromUnit: "ARB-JC-UNG"))["proposal"]!["id"]!;
        Assert.Empty(Codes(await CommentAsync(competition.Employee(insiders[1]), proposalId)));
        Assert.Equal(["OUTSIDE_COMPETITION_UNIT"], Codes(await CommentAsync(outsider, proposalId)));
        await competition.ManagerMoveAsync("acceptProposal", new { proposalId });
        await competition.AdvanceAsync("VOTING");
        var outsiderVote = await VoteAsync(outsider, proposalId);
        var insiderVote = await VoteAsync(competition.Employee(insiders[2]), proposalId);

        Assert.Equal(["OUTSIDE_COMPETITION_UNIT"], Codes(outsiderVote));
        Assert.Empty(Codes(insiderVote));
        Assert.Equal(1, (int)insiderVote["proposal"]!["voteCount"]!);
        // The competition's unit, so the front-end can say whose competition it is.
        var unit = await outsider.QueryAsync("""
            mutation($input: CastVoteInput!) { castVote(input: $input) { errors { ... on OutsideCompetitionUnitError { competitionUnit { code } } } } }
            """, new { input = new { proposalId } });
        Assert.Equal("ARB-JC", (string?)unit["castVote"]!["errors"]![0]!["competitionUnit"]!["code"]);
    }

    [Fact]
    public async Task An_invited_colleague_who_moved_out_of_the_unit_cannot_accept()
    {
        var competition = await new CompetitionDriver(api, "SCOPE-MOVE", unitCode: "ARB-JC").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var staff = await StaffOfAsync("ARB-JC", 2, skip: 10);
        var proposalId = (string)(await competition.SubmitAsync(competition.Employee(staff[0]), coAuthorIds: [await api.PersonIdAsync(staff[1])]))["proposal"]!["id"]!;
        await using (var db = api.OpenDb())
        {
            var schools = await db.Units().Where(u => u.Code == "BK-SKO").Select(u => u.Id).SingleAsync();
            await db.Persons().Where(p => p.Key == staff[1]).ExecuteUpdateAsync(p => p.SetProperty(x => x.UnitId, schools));
        }

        var answer = await competition.Employee(staff[1]).QueryAsync("""
            mutation($input: CoAuthorshipInput!) { acceptCoAuthorship(input: $input) { errors { ... on UserError { code } } } }
            """, new { input = new { proposalId } });

        Assert.Equal("OUTSIDE_COMPETITION_UNIT", (string?)answer["acceptCoAuthorship"]!["errors"]![0]!["code"]);
        var key = GlobalIds.KeyOf(proposalId);
        Assert.Equal(1, await CountAsync(db => db.ProposalAuthors().CountAsync(a => a.ProposalId == key)));
    }

    [Fact]
    public async Task A_competition_in_DRAFT_is_seen_by_managers_and_administrators_only()
    {
        var competition = await new CompetitionDriver(api, "SCOPE-DRAFT").CreateAsync();
        var employee = competition.Employee("demo-0300");
        const string Read = """
            query($id: ID!, $code: String!) {
              node(id: $id) { id }
              initiative(code: $code) { competition { id } }
              competitions(first: 100) { nodes { id } }
            }
            """;
        var variables = new { id = competition.CompetitionId, code = "SCOPE-DRAFT" };

        var asEmployee = await employee.QueryAsync(Read, variables);
        var asManager = await competition.Manager.QueryAsync(Read, variables);
        var asAdministrator = await api.CreateGraphQLClient(Roles.Administrator).QueryAsync(Read, variables);

        Assert.Null(asEmployee["node"]);
        Assert.Null(asEmployee["initiative"]!["competition"]);
        Assert.DoesNotContain(competition.CompetitionId, Ids(asEmployee["competitions"]!));
        Assert.Equal(competition.CompetitionId, (string?)asManager["node"]!["id"]);
        Assert.Equal(competition.CompetitionId, (string?)asAdministrator["initiative"]!["competition"]!["id"]);
        Assert.Contains(competition.CompetitionId, Ids(asManager["competitions"]!));

        await competition.AdvanceAsync("SUBMISSION");
        Assert.Equal(competition.CompetitionId, (string?)(await employee.QueryAsync(Read, variables))["node"]!["id"]);
    }

    private static List<string> Ids(JsonNode connection) => connection["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();

    [Fact]
    public async Task An_employees_front_page_lists_the_competitions_open_to_them_by_phase()
    {
        var forJobcenter = await new CompetitionDriver(api, "SCOPE-LIST-JC", unitCode: "ARB-JC").CreateAsync();
        var forSchools = await new CompetitionDriver(api, "SCOPE-LIST-SKO", unitCode: "BK").CreateAsync();
        var inReview = await new CompetitionDriver(api, "SCOPE-LIST-REV").CreateAsync();
        await forJobcenter.AdvanceAsync("SUBMISSION");
        await forSchools.AdvanceAsync("SUBMISSION");
        await inReview.AdvanceAsync("REVIEW");
        var teacher = forSchools.Employee((await StaffOfAsync("BK-SKO", 1, skip: 5))[0]);
        const string Open = """
            { competitions(where: { phases: [SUBMISSION, VOTING], forMe: true }, first: 100) { nodes { id phase initiative { code } } } }
            """;

        var open = (await teacher.QueryAsync(Open))["competitions"]!["nodes"]!.AsArray();
        var codes = open.Select(n => (string)n!["initiative"]!["code"]!).ToList();

        Assert.Contains("SCOPE-LIST-SKO", codes);
        Assert.Contains("IDEA-2026", codes); // the whole municipality's, in VOTING
        Assert.DoesNotContain("SCOPE-LIST-JC", codes);
        Assert.DoesNotContain("SCOPE-LIST-REV", codes);
        Assert.DoesNotContain("IDEA-2016", codes); // results published
        Assert.All(open, n => Assert.Contains((string)n!["phase"]!, new[] { "SUBMISSION", "VOTING" }));

        var published = (await teacher.QueryAsync("""{ competitions(where: { phases: [RESULTS_PUBLISHED] }) { nodes { initiative { code } } } }"""))["competitions"]!["nodes"]!.AsArray();
        Assert.Equal(["IDEA-2016"], published.Select(n => (string)n!["initiative"]!["code"]!));
    }

    [Fact]
    public async Task Me_lists_my_proposals_and_my_votes_while_voting_is_open_and_nobody_elses()
    {
        var competition = await new CompetitionDriver(api, "SCOPE-ME").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var (author, coAuthor, voter, other) = ("demo-0711", "demo-0712", "demo-0713", "demo-0714");
        var written = (string)(await competition.SubmitAsync(competition.Employee(author), Idea("Mit forslag"), coAuthorIds: [await api.PersonIdAsync(coAuthor)]))["proposal"]!["id"]!;
        await competition.Employee(coAuthor).QueryAsync("""
            mutation($input: CoAuthorshipInput!) { acceptCoAuthorship(input: $input) { errors { ... on UserError { code } } } }
            """, new { input = new { proposalId = written } });
        var another = (string)(await competition.SubmitAsync(competition.Employee(other), Idea("Et andet forslag")))["proposal"]!["id"]!;
        await competition.ManagerMoveAsync("acceptProposal", new { proposalId = written });
        await competition.ManagerMoveAsync("acceptProposal", new { proposalId = another });
        await competition.AdvanceAsync("VOTING");
        await VoteAsync(competition.Employee(voter), written);
        await VoteAsync(competition.Employee(voter), another);
        await VoteAsync(competition.Employee(other), written);
        const string Me = "{ me { proposals(first: 50) { nodes { id } } votes(first: 50) { nodes { id } } } }";

        var asAuthor = (await competition.Employee(author).QueryAsync(Me))["me"]!;
        var asCoAuthor = (await competition.Employee(coAuthor).QueryAsync(Me))["me"]!;
        var asVoter = (await competition.Employee(voter).QueryAsync(Me))["me"]!;
        var asOther = (await competition.Employee(other).QueryAsync(Me))["me"]!;

        Assert.Contains(written, Ids(asAuthor["proposals"]!));
        Assert.Contains(written, Ids(asCoAuthor["proposals"]!));
        Assert.DoesNotContain(another, Ids(asAuthor["proposals"]!));
        Assert.Equal(new[] { another, written }.Order(), Ids(asVoter["votes"]!).Where(id => id == written || id == another).Order());
        Assert.Equal([written], Ids(asOther["votes"]!).Where(id => id == written || id == another));
        Assert.DoesNotContain(written, Ids(asAuthor["votes"]!));

        await competition.AdvanceAsync("CLOSED");
        Assert.DoesNotContain(written, Ids((await competition.Employee(voter).QueryAsync(Me))["me"]!["votes"]!));
    }
}
