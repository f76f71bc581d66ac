using System.Net;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DigitalInitiativer.Tests.Competitions.CompetitionDriver;

namespace DigitalInitiativer.Tests.Competitions;

public sealed class CompetitionLifecycleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<CompetitionDriver> NewCompetitionAsync() => await new CompetitionDriver(api, $"IDEA-T{Guid.NewGuid():N}"[..20]).CreateAsync();

    [Fact]
    public async Task A_new_competition_starts_in_DRAFT_and_its_phase_only_moves_forward()
    {
        var competition = await NewCompetitionAsync();
        Assert.Equal("DRAFT", await competition.PhaseAsync());

        Assert.Equal("SUBMISSION", (string?)(await competition.AdvanceAsync("SUBMISSION"))["ideaCompetition"]!["phase"]);
        Assert.Equal("REVIEW", (string?)(await competition.AdvanceAsync("REVIEW"))["ideaCompetition"]!["phase"]);
        var backwards = await competition.AdvanceAsync("SUBMISSION");

        Assert.Equal(["PHASE_BACKWARDS"], Codes(backwards));
        Assert.Equal("PhaseBackwardsError", (string?)backwards["errors"]![0]!["__typename"]);
        Assert.Equal("REVIEW", await competition.PhaseAsync());
    }

    [Fact]
    public async Task The_schedule_moves_the_phase_when_each_time_comes()
    {
        var competition = await NewCompetitionAsync();

        var configured = await competition.ConfigureAsync(schedule: new { submissionOpensAt = "2020-01-01T00:00:00Z", reviewStartsAt = "2020-02-01T00:00:00Z", votingOpensAt = "2099-01-01T00:00:00Z" });

        Assert.Empty(Codes(configured));
        Assert.Equal("REVIEW", (string?)configured["ideaCompetition"]!["phase"]);
        var outOfOrder = await competition.ConfigureAsync(schedule: new { submissionOpensAt = "2030-01-01T00:00:00Z", reviewStartsAt = "2029-01-01T00:00:00Z" });
        Assert.Equal(["END_BEFORE_START"], Codes(outOfOrder));
    }

    [Fact]
    public async Task Rules_can_change_until_voting_opens_and_not_after()
    {
        var competition = await NewCompetitionAsync();
        var before = await competition.ConfigureAsync(rules: new { votesPerPerson = 4, allowSelfVoting = true, proposalsPerPerson = 1 });
        Assert.Empty(Codes(before));
        Assert.Equal(4, (int)before["ideaCompetition"]!["rules"]!["votesPerPerson"]!);

        await competition.AdvanceAsync("VOTING");
        var after = await competition.ConfigureAsync(rules: new { votesPerPerson = 10, allowSelfVoting = false, proposalsPerPerson = 5 });

        Assert.Equal(["RULES_LOCKED"], Codes(after));
        await using var db = api.OpenDb();
        var key = DigitalInitiativer.Api.GraphQL.Relay.GlobalId.TryParseKey(competition.CompetitionId, "IdeaCompetition");
        var stored = await db.Competitions().SingleAsync(c => c.Id == key);
        Assert.Equal((4, true, 1), (stored.VotesPerPerson, stored.AllowSelfVoting, stored.ProposalsPerPerson));
    }

    [Fact]
    public async Task Proposals_are_submitted_only_during_SUBMISSION_with_their_texts_checked_and_a_per_person_limit()
    {
        var competition = await NewCompetitionAsync();
        var author = competition.Employee("demo-0301");
        Assert.Equal(["NOT_FOUND"], Codes(await competition.SubmitAsync(author))); // a competition in DRAFT is not shown to employees

        await competition.ConfigureAsync(rules: new { votesPerPerson = 3, allowSelfVoting = false, proposalsPerPerson = 1 });
        await competition.AdvanceAsync("SUBMISSION");
        var bad = await competition.SubmitAsync(author, Idea(title: new string('x', 151), summary: " "));
        Assert.Equal(["REQUIRED", "TOO_LONG"], Codes(bad).Order());
        Assert.Null(bad["proposal"]);

        var first = await competition.SubmitAsync(author);
        Assert.Equal("SUBMITTED", (string?)first["proposal"]!["state"]);
        Assert.Equal(["PROPOSAL_LIMIT_REACHED"], Codes(await competition.SubmitAsync(author, Idea("Et andet forslag"))));
    }

    [Fact]
    public async Task Authors_update_and_withdraw_their_own_proposals_during_SUBMISSION_only()
    {
        var competition = await NewCompetitionAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var author = competition.Employee("demo-0302");
        var id = (string)(await competition.SubmitAsync(author))["proposal"]!["id"]!;
        const string Update = """
            mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { proposal { title summary } errors { ... on UserError { code } } } }
            """;

        var updated = (await author.QueryAsync(Update, new { input = new { proposalId = id, title = "Bedre titel" } }))["updateProposal"]!;
        var byOther = (await competition.Employee("demo-0303").QueryAsync(Update, new { input = new { proposalId = id, title = "Kapret" } }))["updateProposal"]!;

        Assert.Equal("Bedre titel", (string?)updated["proposal"]!["title"]);
        Assert.Equal("Kort fortalt", (string?)updated["proposal"]!["summary"]);
        Assert.Equal(["NOT_AUTHOR"], Codes(byOther));

        const string Withdraw = "mutation($input: ProposalIdInput!) { withdrawProposal(input: $input) { proposal { state } errors { ... on UserError { code } } } }";
        Assert.Equal("WITHDRAWN", (string?)(await author.QueryAsync(Withdraw, new { input = new { proposalId = id } }))["withdrawProposal"]!["proposal"]!["state"]);

        var later = (string)(await competition.SubmitAsync(author, Idea("Nummer to")))["proposal"]!["id"]!;
        await competition.AdvanceAsync("REVIEW");
        Assert.Equal(["WRONG_PHASE"], Codes((await author.QueryAsync(Withdraw, new { input = new { proposalId = later } }))["withdrawProposal"]!));
    }

    [Fact]
    public async Task Managers_accept_reject_with_a_reason_select_and_realise_with_a_record()
    {
        var competition = await NewCompetitionAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var good = (string)(await competition.SubmitAsync(competition.Employee("demo-0304"), Idea("Godt")))["proposal"]!["id"]!;
        var weak = (string)(await competition.SubmitAsync(competition.Employee("demo-0305"), Idea("Svagt")))["proposal"]!["id"]!;
        await competition.AdvanceAsync("REVIEW");

        Assert.Equal("ACCEPTED", (string?)(await competition.ManagerMoveAsync("acceptProposal", new { proposalId = good }))["proposal"]!["state"]);
        Assert.Equal(["REQUIRED"], Codes(await competition.ManagerMoveAsync("rejectProposal", new { proposalId = weak, reason = "" }, "RejectProposalInput")));
        var rejected = await competition.ManagerMoveAsync("rejectProposal", new { proposalId = weak, reason = "Findes allerede." }, "RejectProposalInput");
        Assert.Equal(("REJECTED", "Findes allerede."), ((string?)rejected["proposal"]!["state"], (string?)rejected["proposal"]!["rejectionReason"]));
        Assert.Equal(["WRONG_PHASE"], Codes(await competition.ManagerMoveAsync("selectProposal", new { proposalId = good, reason = "Den bedste" }, "SelectProposalInput")));

        await competition.AdvanceAsync("CLOSED");
        var realiseInput = new { proposalId = good, realisedOn = "2026-11-02", description = "Bygget og i brug", solution = "Løsningen", initiativeId = competition.InitiativeId };
        Assert.Equal(["INVALID_TRANSITION"], Codes(await competition.ManagerMoveAsync("realiseProposal", realiseInput, "RealiseProposalInput")));
        Assert.Equal("SELECTED", (string?)(await competition.ManagerMoveAsync("selectProposal", new { proposalId = good, reason = "Den bedste" }, "SelectProposalInput"))["proposal"]!["state"]);
        var realised = (await competition.ManagerMoveAsync("realiseProposal", realiseInput, "RealiseProposalInput"))["proposal"]!;

        Assert.Equal("REALISED", (string?)realised["state"]);
        Assert.Equal("2026-11-02", (string?)realised["realisation"]!["realisedOn"]);
        Assert.Equal("Løsningen", (string?)realised["realisation"]!["solution"]);
        Assert.NotNull(realised["realisation"]!["initiative"]);
    }

    [Fact]
    public async Task Hidden_author_names_are_hidden_from_colleagues_but_not_from_the_author_or_managers()
    {
        var competition = await NewCompetitionAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var id = (string)(await competition.SubmitAsync(competition.Employee("demo-0306"), hideAuthorNames: true))["proposal"]!["id"]!;
        const string Authors = "query($id: ID!) { node(id: $id) { ... on Proposal { authors { isLead isViewer } } } }";

        Assert.Null((await competition.Employee("demo-0307").QueryAsync(Authors, new { id }))["node"]!["authors"]);
        Assert.True((bool)(await competition.Employee("demo-0306").QueryAsync(Authors, new { id }))["node"]!["authors"]![0]!["isViewer"]!);
        Assert.Single((await competition.Manager.QueryAsync(Authors, new { id }))["node"]!["authors"]!.AsArray());
    }

    [Fact]
    public async Task A_manager_action_by_an_employee_is_refused_before_it_runs()
    {
        var competition = await NewCompetitionAsync();

        var response = await competition.Employee("demo-0308").PostAsync(
            "mutation($input: AdvanceCompetitionPhaseInput!) { advanceCompetitionPhase(input: $input) { errors { __typename } } }",
            new { input = new { competitionId = competition.CompetitionId, to = "VOTING" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
        Assert.Equal("DRAFT", await competition.PhaseAsync());
    }

    [Fact]
    public async Task Comments_are_added_by_staff_and_hidden_comments_stay_hidden_for_everyone()
    {
        var competition = await NewCompetitionAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var author = competition.Employee("demo-0309");
        var proposal = (string)(await competition.SubmitAsync(author))["proposal"]!["id"]!;
        var comment = (await competition.Employee("demo-0310").QueryAsync("""
            mutation($input: AddCommentInput!) { addComment(input: $input) { proposalComment { id text } errors { ... on UserError { code } } } }
            """, new { input = new { proposalId = proposal, text = "Godt tænkt!" } }))["addComment"]!["proposalComment"]!;
        Assert.Equal("Godt tænkt!", (string?)comment["text"]);

        var hidden = (await competition.Manager.QueryAsync("""
            mutation($input: HideCommentInput!) { hideComment(input: $input) { proposalComment { text hidden hiddenReason } errors { ... on UserError { code } } } }
            """, new { input = new { commentId = (string)comment["id"]!, reason = "Personlige oplysninger" } }))["hideComment"]!["proposalComment"]!;

        Assert.Null(hidden["text"]);
        foreach (var reader in new[] { author, competition.Employee("demo-0310"), competition.Manager })
        {
            var seen = (await reader.QueryAsync("query($id: ID!) { node(id: $id) { ... on Proposal { comments { nodes { text hidden hiddenReason } } } } }", new { id = proposal }))["node"]!["comments"]!["nodes"]![0]!;
            Assert.Null(seen["text"]);
            Assert.True((bool)seen["hidden"]!);
            Assert.Equal("Personlige oplysninger", (string?)seen["hiddenReason"]);
        }
        Assert.Equal(["REQUIRED"], Codes((await author.QueryAsync("""
            mutation($input: AddCommentInput!) { addComment(input: $input) { errors { ... on UserError { code } } } }
            """, new { input = new { proposalId = proposal, text = "   " } }))["addComment"]!));
    }

    [Fact]
    public async Task Submitting_voting_and_commenting_count_as_reach_for_the_competition_once_voting_has_closed()
    {
        var competition = await NewCompetitionAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var proposal = await competition.SubmitAcceptedAsync(competition.Employee("demo-0311"), "Nået");
        await competition.AdvanceAsync("VOTING");
        await VoteAsync(competition.Employee("demo-0312"), proposal);
        await competition.Employee("demo-0313").QueryAsync("mutation($input: AddCommentInput!) { addComment(input: $input) { errors { __typename } } }",
            new { input = new { proposalId = proposal, text = "Enig" } });
        const string Participations = """
            query($id: ID!) { node(id: $id) { ... on Initiative { participations { totalCount nodes { status enrolledOn startedOn } } reach { suppressed } } } }
            """;

        // Nothing is recorded while voting is open (the secret ballot) ...
        var during = (await competition.Manager.QueryAsync(Participations, new { id = competition.InitiativeId }))["node"]!;
        Assert.Equal(0, (int)during["participations"]!["totalCount"]!);

        // ... and everyone at once when it closes. Three people are too few for reach to show them, so read the records themselves.
        await competition.AdvanceAsync("CLOSED");
        var initiative = (await competition.Manager.QueryAsync(Participations, new { id = competition.InitiativeId }))["node"]!;
        Assert.Equal(3, (int)initiative["participations"]!["totalCount"]!);
        Assert.All(initiative["participations"]!["nodes"]!.AsArray(), p =>
        {
            Assert.Equal("COMPLETED", (string?)p!["status"]);
            Assert.Equal("2026-01-01", (string?)p["enrolledOn"]);
            Assert.Equal("2026-01-01", (string?)p["startedOn"]);
        });
        Assert.Contains(initiative["reach"]!.AsArray(), g => (bool)g!["suppressed"]!);
    }
}
