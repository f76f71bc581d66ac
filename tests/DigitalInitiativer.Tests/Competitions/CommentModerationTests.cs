using System.Text.Json.Nodes;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Competitions;

/// <summary>Replies one level deep; staff report comments; moderators hide or dismiss with a reason, and the author is told.</summary>
public sealed class CommentModerationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private GraphQLClient Named(string key) =>
        api.CreateClientWithToken(api.Services.GetRequiredService<DevTokens>().Create(Roles.Employee, key, name: $"Navn {key}"));

    private static async Task<JsonNode> CommentAsync(GraphQLClient client, string proposalId, string text, string? replyToId = null) => (await client.QueryAsync("""
        mutation($input: AddCommentInput!) { addComment(input: $input) { proposalComment { id replyTo { id } } errors { __typename ... on UserError { code path } } } }
        """, new { input = new { proposalId, replyToId, text } }))["addComment"]!;

    private static async Task<JsonNode> ReportAsync(GraphQLClient client, string commentId, string reason) => (await client.QueryAsync("""
        mutation($input: ReportCommentInput!) { reportComment(input: $input) { commentReport { id state reason } errors { __typename ... on UserError { code path } } } }
        """, new { input = new { commentId, reason } }))["reportComment"]!;

    private static async Task<JsonNode> ResolveAsync(GraphQLClient moderator, string reportId, string decision, string reason) => (await moderator.QueryAsync("""
        mutation($input: ResolveCommentReportInput!) {
          resolveCommentReport(input: $input) { commentReport { state resolution comment { hidden hiddenReason } } errors { __typename ... on UserError { code } } }
        }
        """, new { input = new { reportId, decision, reason } }))["resolveCommentReport"]!;

    private static string Id(JsonNode payload, string field) => (string)payload[field]!["id"]!;

    private async Task<(CompetitionDriver Competition, string Proposal)> OpenProposalAsync(string code)
    {
        var competition = await new CompetitionDriver(api, code).CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        return (competition, await competition.SubmitAcceptedAsync(Named("demo-1201"), "Til debat"));
    }

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var db = api.OpenDb();
        return await db.Set<T>().CountAsync();
    }

    [Fact]
    public async Task Replies_go_one_level_deep_and_are_read_under_the_comment_they_answer()
    {
        var (competition, proposal) = await OpenProposalAsync("THREAD-1");
        var other = await competition.SubmitAcceptedAsync(Named("demo-1202"), "Et andet");
        var comment = Id(await CommentAsync(Named("demo-1203"), proposal, "Godt forslag"), "proposalComment");
        var reply = await CommentAsync(Named("demo-1204"), proposal, "Enig", replyToId: comment);
        var before = await CountAsync<ProposalComment>();

        var tooDeep = await CommentAsync(Named("demo-1205"), proposal, "Også enig", replyToId: Id(reply, "proposalComment"));
        var elsewhere = await CommentAsync(Named("demo-1205"), other, "Forkert tråd", replyToId: comment);

        Assert.Equal(comment, (string?)reply["proposalComment"]!["replyTo"]!["id"]);
        Assert.Equal("ReplyToReplyError", (string?)tooDeep["errors"]![0]!["__typename"]);
        Assert.Equal("""["input","replyToId"]""", tooDeep["errors"]![0]!["path"]!.ToJsonString());
        Assert.Equal("NOT_FOUND", (string?)elsewhere["errors"]![0]!["code"]);
        Assert.Equal(before, await CountAsync<ProposalComment>());
        var thread = (await Named("demo-1206").QueryAsync("""
            query($id: ID!) { node(id: $id) { ... on Proposal { comments { totalCount nodes { id text replies { text replies { id } } } } } } }
            """, new { id = proposal }))["node"]!["comments"]!;
        Assert.Equal(1, (int)thread["totalCount"]!);
        Assert.Equal(["Enig"], thread["nodes"]![0]!["replies"]!.AsArray().Select(r => (string)r!["text"]!));
        Assert.Empty(thread["nodes"]![0]!["replies"]![0]!["replies"]!.AsArray());
    }

    [Fact]
    public async Task Staff_report_a_comment_once_never_their_own_and_moderators_dismiss_or_hide_with_a_reason()
    {
        var (competition, proposal) = await OpenProposalAsync("MODERATE-1");
        var author = Named("demo-1211");
        var rude = Id(await CommentAsync(author, proposal, "Det her er noget vrøvl, og I er dumme"), "proposalComment");
        var fine = Id(await CommentAsync(author, proposal, "Jeg er uenig"), "proposalComment");
        var reportsBefore = await CountAsync<CommentReport>();

        Assert.Equal("OWN_COMMENT", (string?)(await ReportAsync(author, rude, "Fortryder"))["errors"]![0]!["code"]);
        Assert.Equal("REQUIRED", (string?)(await ReportAsync(Named("demo-1212"), rude, " "))["errors"]![0]!["code"]);
        Assert.Equal(reportsBefore, await CountAsync<CommentReport>());
        var first = await ReportAsync(Named("demo-1212"), rude, "Nedladende over for kolleger");
        var again = await ReportAsync(Named("demo-1212"), rude, "Stadig nedladende");
        var second = await ReportAsync(Named("demo-1213"), rude, "Krænkende");
        var unfair = await ReportAsync(Named("demo-1212"), fine, "Jeg er uenig med ham");
        Assert.Equal("OPEN", (string?)first["commentReport"]!["state"]);
        Assert.Equal("ALREADY_REPORTED", (string?)again["errors"]![0]!["code"]);

        // The queue shows what was reported and why, not by whom.
        var queue = (await competition.Manager.QueryAsync("""
            { commentReports(first: 100) { nodes { id reason state comment { id text } } } }
            """))["commentReports"]!["nodes"]!.AsArray();
        Assert.Equal(3, queue.Count(r => (string?)r!["comment"]!["id"] == rude || (string?)r!["comment"]!["id"] == fine));
        Assert.DoesNotContain("reporter", (await competition.Manager.PostAsync("{ __type(name: \"CommentReport\") { fields { name } } }")).Body.ToJsonString());

        var dismissed = await ResolveAsync(competition.Manager, Id(unfair, "commentReport"), "DISMISS", "Uenighed er tilladt.");
        Assert.Equal(("DISMISSED", "Uenighed er tilladt.", false), ((string?)dismissed["commentReport"]!["state"], (string?)dismissed["commentReport"]!["resolution"],
            (bool)dismissed["commentReport"]!["comment"]!["hidden"]!));
        Assert.Equal("REPORT_ALREADY_RESOLVED", (string?)(await ResolveAsync(competition.Manager, Id(unfair, "commentReport"), "HIDE_COMMENT", "Alligevel"))["errors"]![0]!["code"]);

        var hidden = await ResolveAsync(competition.Manager, Id(first, "commentReport"), "HIDE_COMMENT", "Tonen er nedladende.");
        Assert.Equal(("HIDDEN", "Tonen er nedladende."), ((string?)hidden["commentReport"]!["state"], (string?)hidden["commentReport"]!["comment"]!["hiddenReason"]));
        var read = (await Named("demo-1214").QueryAsync("query($id: ID!) { node(id: $id) { ... on ProposalComment { text hidden hiddenReason } } }", new { id = rude }))["node"]!;
        Assert.Null(read["text"]);
        Assert.True((bool)read["hidden"]!);

        // Hiding closed the other open report of the comment; the queue is empty of both.
        var open = (await competition.Manager.QueryAsync("{ commentReports(first: 100) { nodes { comment { id } } } }"))["commentReports"]!["nodes"]!.AsArray();
        Assert.DoesNotContain(open, r => (string?)r!["comment"]!["id"] == rude || (string?)r!["comment"]!["id"] == fine);
        var closed = (await competition.Manager.QueryAsync("{ commentReports(where: { states: [HIDDEN] }, first: 100) { nodes { id } } }"))["commentReports"]!["nodes"]!.AsArray();
        Assert.Contains(closed, r => (string?)r!["id"] == Id(second, "commentReport"));

        // The author is told, once, with the moderator's reason.
        var told = (await author.QueryAsync("{ me { notifications { nodes { kind reason subject { id } } } } }"))["me"]!["notifications"]!["nodes"]!.AsArray();
        var hiddenNotices = told.Where(n => (string?)n!["kind"] == "COMMENT_HIDDEN").ToList();
        Assert.Single(hiddenNotices);
        Assert.Equal("Tonen er nedladende.", (string?)hiddenNotices[0]!["reason"]);
        Assert.Equal(proposal, (string?)hiddenNotices[0]!["subject"]!["id"]);
        Assert.Equal("COMMENT_ALREADY_HIDDEN", (string?)(await ReportAsync(Named("demo-1215"), rude, "Også"))["errors"]![0]!["code"]);
        // A hidden text is gone for moderators too (it may hold personal data); the report still leads to its proposal.
        var forModerator = await competition.Manager.QueryAsync("query($id: ID!) { node(id: $id) { ... on ProposalComment { text proposal { id } } } }", new { id = rude });
        Assert.Null(forModerator["node"]!["text"]);
        Assert.Equal(proposal, (string?)forModerator["node"]!["proposal"]!["id"]);
    }

    [Fact]
    public async Task Only_staff_who_may_take_part_report_and_a_reporters_erasure_takes_their_reports()
    {
        var competition = await new CompetitionDriver(api, "MODERATE-SCOPE", unitCode: "ARB-JC").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        await using var db = api.OpenDb();
        var path = await db.Units().Where(u => u.Code == "ARB-JC").Select(u => u.Path).SingleAsync();
        var staff = await db.Persons().Where(p => db.Units().Any(u => u.Id == p.UnitId && u.Path.StartsWith(path))).OrderBy(p => p.Id).Skip(40).Take(3).Select(p => p.Key).ToListAsync();
        var outsider = await db.Persons().Where(p => db.Units().Any(u => u.Id == p.UnitId && u.Code == "BK-SKO")).OrderBy(p => p.Id).Skip(40).Select(p => p.Key).FirstAsync();
        var proposal = await competition.SubmitAcceptedAsync(Named(staff[0]), "Kun for Jobcentret");
        var comment = Id(await CommentAsync(Named(staff[1]), proposal, "En kommentar"), "proposalComment");

        Assert.Equal("OUTSIDE_COMPETITION_UNIT", (string?)(await ReportAsync(Named(outsider), comment, "Udefra"))["errors"]![0]!["code"]);
        Assert.Empty((await ReportAsync(Named(staff[2]), comment, "Indefra"))["errors"]!.AsArray());

        var reporterId = await api.PersonIdAsync(staff[2]);
        var reporter = GlobalIds.KeyOf(reporterId);
        Assert.Equal(1, await db.CommentReports().CountAsync(r => r.ReporterPersonId == reporter));
        await api.CreateGraphQLClient(Roles.Administrator).QueryAsync(
            "mutation($input: ErasePersonInput!) { erasePerson(input: $input) { errors { __typename } } }", new { input = new { personId = reporterId } });
        Assert.Equal(0, await db.CommentReports().CountAsync(r => r.ReporterPersonId == reporter));
    }

    [Fact]
    public async Task Moderators_deciding_at_the_same_moment_decide_once_and_the_author_is_told_once()
    {
        var (competition, proposal) = await OpenProposalAsync("MODERATE-SAME");
        var author = Named("demo-1231");
        var comment = Id(await CommentAsync(author, proposal, "Noget at moderere"), "proposalComment");
        var report = Id(await ReportAsync(Named("demo-1232"), comment, "Grænseoverskridende"), "commentReport");
        var moderators = Enumerable.Range(0, 6).Select(_ => api.CreateGraphQLClient(Roles.InitiativeManager, "demo-0011")).ToList();

        var dismissals = await Task.WhenAll(moderators.Select((m, i) => ResolveAsync(m, report, "DISMISS", $"Afvist {i}")));
        var hides = await Task.WhenAll(moderators.Select((m, i) => m.QueryAsync(
            "mutation($input: HideCommentInput!) { hideComment(input: $input) { proposalComment { hiddenReason } errors { __typename } } }",
            new { input = new { commentId = comment, reason = $"Skjult {i}" } })));

        Assert.Single(dismissals, d => d["commentReport"] is not null);
        Assert.All(dismissals.Where(d => d["commentReport"] is null), d => Assert.Equal("REPORT_ALREADY_RESOLVED", (string?)d["errors"]![0]!["code"]));
        var reasons = hides.Select(h => (string?)h["hideComment"]!["proposalComment"]!["hiddenReason"]).Distinct().ToList();
        Assert.Single(reasons); // the first reason stays
        var told = (await author.QueryAsync("{ me { notifications { nodes { kind reason } } } }"))["me"]!["notifications"]!["nodes"]!.AsArray()
            .Where(n => (string?)n!["kind"] == "COMMENT_HIDDEN").ToList();
        Assert.Single(told);
        Assert.Equal(reasons[0], (string?)told[0]!["reason"]);
    }

    [Fact]
    public async Task A_moderator_who_hides_their_own_comment_is_not_told()
    {
        var (competition, proposal) = await OpenProposalAsync("MODERATE-OWN");
        var comment = Id(await CommentAsync(competition.Manager, proposal, "Min egen fejl"), "proposalComment");

        await competition.Manager.QueryAsync("mutation($input: HideCommentInput!) { hideComment(input: $input) { errors { __typename } } }",
            new { input = new { commentId = comment, reason = "Skrevet i den forkerte tråd" } });

        var told = (await competition.Manager.QueryAsync("{ me { notifications { nodes { kind } } } }"))["me"]!["notifications"]!["nodes"]!.AsArray();
        Assert.DoesNotContain(told, n => (string?)n!["kind"] == "COMMENT_HIDDEN");
    }

    [Fact]
    public async Task Ten_reports_of_one_comment_sent_at_once_by_one_colleague_store_one()
    {
        var (_, proposal) = await OpenProposalAsync("MODERATE-RACE");
        var comment = Id(await CommentAsync(Named("demo-1221"), proposal, "Provokerende"), "proposalComment");
        var reporter = Named("demo-1222");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => reporter.PostAsync("""
            mutation($input: ReportCommentInput!) { reportComment(input: $input) { commentReport { id } errors { ... on UserError { code } } } }
            """, new { input = new { commentId = comment, reason = "Provokerende" } })));

        Assert.All(answers, a => Assert.Null(a.Errors));
        Assert.Equal(1, answers.Count(a => a.Data["reportComment"]!["commentReport"] is not null));
        Assert.All(answers.Where(a => a.Data["reportComment"]!["commentReport"] is null), a => Assert.Equal("ALREADY_REPORTED", (string?)a.Data["reportComment"]!["errors"]![0]!["code"]));
        await using var db = api.OpenDb();
        var key = GlobalIds.KeyOf(comment);
        Assert.Equal(1, await db.CommentReports().CountAsync(r => r.CommentId == key));
    }

    [Fact]
    public async Task A_report_that_slipped_in_after_a_hide_is_closed_by_the_next_decision()
    {
        var (competition, proposal) = await OpenProposalAsync("MODERATE-SLIP");
        var comment = Id(await CommentAsync(Named("demo-1241"), proposal, "Skjules snart"), "proposalComment");
        var report = Id(await ReportAsync(Named("demo-1242"), comment, "Først"), "commentReport");
        await competition.Manager.QueryAsync("mutation($input: HideCommentInput!) { hideComment(input: $input) { errors { __typename } } }",
            new { input = new { commentId = comment, reason = "Skjult" } });
        // A report filed between another reporter's check and the hide, as two requests at the same moment could leave it.
        await using (var db = api.OpenDb())
            await db.CommentReports().Where(r => r.Id == GlobalIds.KeyOf(report)).ExecuteUpdateAsync(r => r.SetProperty(x => x.State, CommentReportState.Open));

        var decided = await ResolveAsync(competition.Manager, report, "HIDE_COMMENT", "Skjult igen");

        Assert.Equal(("HIDDEN", "Skjult"), ((string?)decided["commentReport"]!["state"], (string?)decided["commentReport"]!["resolution"]));
    }
}
