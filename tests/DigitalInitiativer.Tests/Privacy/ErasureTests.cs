using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DigitalInitiativer.Tests.Competitions.CompetitionDriver;

namespace DigitalInitiativer.Tests.Privacy;

/// <summary>
/// After erasePerson, an administrator tries to learn anything about the person: from vote counts before and after,
/// from the audit log, from what is left of their row, and by signing in with a token that still names them.
/// </summary>
public sealed class ErasureTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Key = "demo-0050";
    private readonly GraphQLClient _administrator = api.CreateGraphQLClient(Roles.Administrator);

    private async Task<Dictionary<string, int>> VoteCountsAsync() =>
        (await _administrator.QueryAsync("""{ initiative(code: "IDEA-2026") { competition { proposals(first: 50) { nodes { id voteCount } } } } }"""))
            ["initiative"]!["competition"]!["proposals"]!["nodes"]!.AsArray().ToDictionary(n => (string)n!["id"]!, n => (int)n!["voteCount"]!);

    [Fact]
    public async Task After_erasure_counts_do_not_move_and_nothing_left_ties_anything_to_the_person()
    {
        await using var db = api.OpenDb();
        var person = await db.Persons().SingleAsync(p => p.Key == Key);
        var personId = GlobalIds.Of("Person", person.Id);
        var self = api.CreateGraphQLClient(Roles.Employee, Key);

        // Their footprint: votes, a comment, their reads of colleagues' data as a manager (they are the caller; reads of
        // their own data are not logged) and a manager's read of them (the subject).
        var proposals = (await VoteCountsAsync()).Keys.Take(2).ToList();
        foreach (var proposal in proposals) Assert.Empty((await VoteAsync(self, proposal))["errors"]!.AsArray());
        await self.QueryAsync("mutation($input: AddCommentInput!) { addComment(input: $input) { errors { __typename } } }", new { input = new { proposalId = proposals[0], text = "Min mening" } });
        await self.QueryAsync("query Mine { me { person { key } assessments { profile { kind } } } }");
        var colleague = await db.Persons().Where(p => p.Key == "demo-0002").Select(p => p.Id).SingleAsync();
        await api.CreateGraphQLClient(Roles.InitiativeManager, Key).QueryAsync("query Colleague($id: ID!) { node(id: $id) { ... on Person { key } } }",
            new { id = GlobalIds.Of("Person", colleague) });
        await api.CreateGraphQLClient(Roles.InitiativeManager).QueryAsync("query Look($id: ID!) { node(id: $id) { ... on Person { key } } }", new { id = personId });
        Assert.True(await db.AuditEntries().AnyAsync(e => e.CallerPersonId == person.Id));
        var countsBefore = await VoteCountsAsync();

        var erased = await _administrator.QueryAsync("mutation($id: ID!) { erasePerson(input: { personId: $id }) { person { key } errors { __typename } } }", new { id = personId });
        Assert.Empty(erased["erasePerson"]!["errors"]!.AsArray());

        // The counts do not move, so they do not tell how the person voted.
        Assert.Equal(countsBefore, await VoteCountsAsync());

        // The audit log ties no read to them, as subject or as caller.
        Assert.Equal(0, (int)(await _administrator.QueryAsync("query($id: ID!) { auditLog(subjectId: $id) { totalCount } }", new { id = personId }))["auditLog"]!["totalCount"]!);
        await using var after = api.OpenDb();
        Assert.False(await after.AuditEntries().AnyAsync(e => e.SubjectPersonId == person.Id || e.CallerPersonId == person.Id || e.CallerId.Contains(Key)));
        Assert.True(await after.AuditEntries().AnyAsync(e => e.SubjectPersonId == DigitalInitiativer.Api.Data.IPersonData.ErasedSubject && e.OperationName == "Look"), "the read stays on record");

        // Their row keeps nothing that singles them out, and no answer returns it.
        var row = await after.Persons().SingleAsync(p => p.Id == person.Id);
        var top = await after.Units().Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstAsync();
        Assert.Equal((top.Id, PersonRole.Employee, 0L), (row.UnitId, row.Role, row.RecordKey));
        Assert.StartsWith("erased-", row.Key);
        Assert.Null((await _administrator.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = personId }))["node"]);
        var comment = (await _administrator.QueryAsync("query($id: ID!) { node(id: $id) { ... on Proposal { comments(last: 1) { nodes { authorDisplayName } } } } }",
            new { id = proposals[0] }))["node"]!["comments"]!["nodes"]![0]!;
        Assert.Equal("deleted user", (string?)comment["authorDisplayName"]);

        // A token that still names them gets nothing of theirs.
        var me = (await self.QueryAsync("""
            query($ids: [ID!]!) { me { person { id } assessments { id } participations { id } coAuthorInvitations { state } }
              nodes(ids: $ids) { ... on Proposal { viewerHasVoted } }
              initiative(code: "IDEA-2026") { competition { viewerVotesRemaining } } }
            """, new { ids = proposals }));
        Assert.Null(me["me"]!["person"]);
        Assert.Empty(me["me"]!["assessments"]!.AsArray());
        Assert.Empty(me["me"]!["participations"]!.AsArray());
        Assert.All(me["nodes"]!.AsArray(), n => Assert.False((bool)n!["viewerHasVoted"]!));
        Assert.Null(me["initiative"]!["competition"]!["viewerVotesRemaining"]);

        // Nobody can bring them back: recording them is refused exactly as for an id that never existed.
        var recorded = (await api.CreateGraphQLClient(Roles.InitiativeManager).QueryAsync("""
            mutation($input: RecordParticipationInput!) { recordParticipation(input: $input) { errors { ... on UserError { code } } } }
            """, new { input = new { personId, initiativeId = GlobalIds.Of("Initiative", 1), status = "COMPLETED", enrolledOn = "2026-11-01" } }))["recordParticipation"]!;
        Assert.Equal(["NOT_FOUND"], recorded["errors"]!.AsArray().Select(e => (string)e!["code"]!));
        Assert.Equal(0, (int)(await _administrator.QueryAsync("query($id: ID!) { auditLog(subjectId: $id) { totalCount } }", new { id = personId }))["auditLog"]!["totalCount"]!);
    }
}
