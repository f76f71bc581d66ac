using System.Text.Json.Nodes;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Tests.Competitions;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalInitiativer.Tests.Competitions.CompetitionDriver;

namespace DigitalInitiativer.Tests.Privacy;

/// <summary>Nobody becomes a co-author, or counts as taking part, without saying yes; and nobody's hidden name comes out in a merge.</summary>
public sealed class CoAuthorConsentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Authors = "query($id: ID!) { node(id: $id) { ... on Proposal { authors { displayName isLead isViewer } } } }";

    private static async Task<JsonNode> AnswerAsync(GraphQLClient invitee, string proposalId, bool accept)
    {
        var mutation = accept ? "acceptCoAuthorship" : "declineCoAuthorship";
        return (await invitee.QueryAsync($$"""
            mutation($input: CoAuthorshipInput!) { {{mutation}}(input: $input) { proposal { id } errors { __typename ... on UserError { code path } } } }
            """, new { input = new { proposalId } }))[mutation]!;
    }

    private GraphQLClient Named(string key) => api.CreateClientWithToken(api.Services.GetRequiredService<DigitalInitiativer.Api.Identity.DevTokens>()
        .Create("Employee", key, name: $"Navn {key}"));

    [Fact]
    public async Task A_named_colleague_is_invited_and_becomes_a_co_author_only_by_accepting()
    {
        var competition = await new CompetitionDriver(api, "CONSENT-1").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var (yes, no) = (Named("demo-0501"), Named("demo-0502"));
        var submitted = await competition.SubmitAsync(Named("demo-0500"), coAuthorIds: [await api.PersonIdAsync("demo-0501"), await api.PersonIdAsync("demo-0502")]);
        var proposal = (string)submitted["proposal"]!["id"]!;

        // Invited, not yet authors.
        Assert.Single((await competition.Manager.QueryAsync(Authors, new { id = proposal }))["node"]!["authors"]!.AsArray());
        var invitations = (await yes.QueryAsync("{ me { coAuthorInvitations { proposal { id } invitedBy state } } }"))["me"]!["coAuthorInvitations"]!.AsArray();
        Assert.Equal(proposal, (string?)invitations.Single()!["proposal"]!["id"]);
        Assert.Equal("Navn demo-0500", (string?)invitations.Single()!["invitedBy"]);
        Assert.Equal("PENDING", (string?)invitations.Single()!["state"]);

        Assert.Empty((await AnswerAsync(yes, proposal, accept: true))["errors"]!.AsArray());
        Assert.Empty((await AnswerAsync(no, proposal, accept: false))["errors"]!.AsArray());

        var authors = (await competition.Manager.QueryAsync(Authors, new { id = proposal }))["node"]!["authors"]!.AsArray();
        Assert.Equal(["Navn demo-0500", "Navn demo-0501"], authors.Select(a => (string)a!["displayName"]!));
        Assert.True((bool)(await yes.QueryAsync(Authors, new { id = proposal }))["node"]!["authors"]![1]!["isViewer"]!);
        // demo-0501 accepted without choosing to show their name, so other employees do not see it.
        var seenByColleague = (await Named("demo-0509").QueryAsync(Authors, new { id = proposal }))["node"]!["authors"]!.AsArray();
        Assert.Equal(["Navn demo-0500"], seenByColleague.Select(a => (string)a!["displayName"]!));
        Assert.Empty((await yes.QueryAsync("{ me { coAuthorInvitations { state } } }"))["me"]!["coAuthorInvitations"]!.AsArray());

        // Answers are final.
        Assert.Equal(["INVITATION_ALREADY_ANSWERED"], Codes(await AnswerAsync(no, proposal, accept: false)));
        Assert.Equal(["INVITATION_ALREADY_ANSWERED"], Codes(await AnswerAsync(no, proposal, accept: true)));
        Assert.Equal(["NOT_FOUND"], Codes(await AnswerAsync(Named("demo-0503"), proposal, accept: true)));

        // Only those who said yes take part: the lead and demo-0501, not demo-0502.
        await competition.ManagerMoveAsync("acceptProposal", new { proposalId = proposal });
        await competition.AdvanceAsync("CLOSED");
        await using var db = api.OpenDb();
        var initiative = GlobalIds.KeyOf(competition.InitiativeId);
        var participants = await db.Participations().Where(p => p.InitiativeId == initiative).Select(p => p.Person!.Key).OrderBy(k => k).ToListAsync();
        Assert.Equal(["demo-0500", "demo-0501"], participants);
    }

    [Fact]
    public async Task Too_many_unknown_or_self_named_co_authors_are_refused_and_nothing_is_saved()
    {
        var competition = await new CompetitionDriver(api, "CONSENT-2").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var author = Named("demo-0510");
        var eleven = new List<string>();
        foreach (var n in Enumerable.Range(511, 11)) eleven.Add(await api.PersonIdAsync($"demo-{n:0000}"));
        await using var db = api.OpenDb();
        var proposalsBefore = await db.Proposals().CountAsync();
        var invitationsBefore = await db.CoAuthorInvitations().CountAsync();

        var tooMany = await competition.SubmitAsync(author, coAuthorIds: [.. eleven]);
        Assert.Equal(["TOO_MANY_ITEMS"], Codes(tooMany));
        var wrong = await competition.SubmitAsync(author, coAuthorIds: [eleven[0], GlobalIds.Of("Person", 999_999), await api.PersonIdAsync("demo-0510"), eleven[0], "bm9wZQ=="]);
        Assert.Equal(["NOT_FOUND", "SELF_CO_AUTHOR", "DUPLICATE_ITEM", "NOT_FOUND"], Codes(wrong));
        Assert.Equal(["input", "coAuthorIds", "1"], wrong["errors"]![0]!["path"]!.AsArray().Select(p => (string)p!));

        Assert.Equal(proposalsBefore, await db.Proposals().CountAsync());
        Assert.Equal(invitationsBefore, await db.CoAuthorInvitations().CountAsync());
        Assert.Empty((await competition.SubmitAsync(author, coAuthorIds: [.. eleven.Take(10)]))["errors"]!.AsArray());
    }

    [Fact]
    public async Task An_invitation_cannot_be_accepted_once_the_proposal_is_withdrawn()
    {
        var competition = await new CompetitionDriver(api, "CONSENT-3").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var lead = Named("demo-0530");
        var proposal = (string)(await competition.SubmitAsync(lead, coAuthorIds: [await api.PersonIdAsync("demo-0531")]))["proposal"]!["id"]!;
        await lead.QueryAsync("mutation($input: ProposalIdInput!) { withdrawProposal(input: $input) { errors { __typename } } }", new { input = new { proposalId = proposal } });

        var accepted = await AnswerAsync(Named("demo-0531"), proposal, accept: true);

        Assert.Equal(["INVITATION_CLOSED"], Codes(accepted));
        Assert.Single((await competition.Manager.QueryAsync(Authors, new { id = proposal }))["node"]!["authors"]!.AsArray());
        Assert.Empty((await Named("demo-0531").QueryAsync("{ me { coAuthorInvitations { state } } }"))["me"]!["coAuthorInvitations"]!.AsArray());
        Assert.Empty((await AnswerAsync(Named("demo-0531"), proposal, accept: false))["errors"]!.AsArray());
    }

    [Fact]
    public async Task A_merge_keeps_every_authors_choice_to_hide_their_name_and_the_two_sides_apart()
    {
        var competition = await new CompetitionDriver(api, "CONSENT-4").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var hidden = (string)(await competition.SubmitAsync(Named("demo-0540"), hideAuthorNames: true))["proposal"]!["id"]!;
        var shown = (string)(await competition.SubmitAsync(Named("demo-0541")))["proposal"]!["id"]!;
        await competition.ManagerMoveAsync("acceptProposal", new { proposalId = shown });

        var merged = await competition.ManagerMoveAsync("mergeProposal", new { proposalId = hidden, intoProposalId = shown }, "MergeProposalInput");
        Assert.Empty(merged["errors"]!.AsArray());
        // The target's lead shows their name again after the merge; the merged-in author's choice stands.
        await Named("demo-0541").QueryAsync("mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { errors { __typename } } }",
            new { input = new { proposalId = shown, hideAuthorNames = false } });

        async Task<string[]> AuthorsSeenBy(GraphQLClient reader) =>
            (await reader.QueryAsync(Authors, new { id = shown }))["node"]!["authors"]!.AsArray().Select(a => (string)a!["displayName"]!).ToArray();
        Assert.Equal(["Navn demo-0541"], await AuthorsSeenBy(Named("demo-0542")));
        Assert.Equal(["Navn demo-0541", "Navn demo-0540"], await AuthorsSeenBy(competition.Manager));
        // The target's own author does not learn who hid on the other side either.
        Assert.Equal(["Navn demo-0541"], await AuthorsSeenBy(Named("demo-0541")));
        Assert.Null((await Named("demo-0542").QueryAsync(Authors, new { id = hidden }))["node"]!["authors"]);

        // An author who came over in the merge may not change the proposal they merged into.
        var takeover = (await Named("demo-0540").QueryAsync("""
            mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { errors { ... on UserError { code } } } }
            """, new { input = new { proposalId = shown, title = "Overtaget", hideAuthorNames = true } }))["updateProposal"]!;
        Assert.Equal(["NOT_AUTHOR"], Codes(takeover));
    }

    [Fact]
    public async Task Each_author_alone_decides_whether_their_name_is_shown()
    {
        var competition = await new CompetitionDriver(api, "CONSENT-5").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var lead = Named("demo-0550");
        var proposal = (string)(await competition.SubmitAsync(lead, hideAuthorNames: true,
            coAuthorIds: [await api.PersonIdAsync("demo-0551"), await api.PersonIdAsync("demo-0552")]))["proposal"]!["id"]!;
        // demo-0551 takes the lead's choice (hidden); demo-0552 chooses to be shown.
        Assert.Empty((await AnswerAsync(Named("demo-0551"), proposal, accept: true))["errors"]!.AsArray());
        Assert.Empty((await Named("demo-0552").QueryAsync("""
            mutation($input: CoAuthorshipInput!) { acceptCoAuthorship(input: $input) { errors { __typename } } }
            """, new { input = new { proposalId = proposal, hideName = false } }))["acceptCoAuthorship"]!["errors"]!.AsArray());

        // The lead shows their own name: that does not show demo-0551, who chose to stay hidden.
        await lead.QueryAsync("mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { errors { __typename } } }",
            new { input = new { proposalId = proposal, hideAuthorNames = false } });

        var outsider = (await Named("demo-0559").QueryAsync(Authors, new { id = proposal }))["node"]!["authors"]!.AsArray().Select(a => (string)a!["displayName"]!);
        Assert.Equal(["Navn demo-0550", "Navn demo-0552"], outsider);
        var together = (await Named("demo-0552").QueryAsync(Authors, new { id = proposal }))["node"]!["authors"]!.AsArray();
        Assert.Equal(3, together.Count);
    }
}
