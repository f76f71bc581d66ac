using System.Text.Json.Nodes;
using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Tests.Infrastructure;
using static DigitalInitiativer.Tests.Competitions.CompetitionDriver;

namespace DigitalInitiativer.Tests.Competitions;

/// <summary>Accountability: winners are chosen with a reason, and their realisation is followed through status and milestones.</summary>
public sealed class RealisationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Realisation = """
        query($id: ID!) { node(id: $id) { ... on Proposal { state selectionReason
          realisation { status realisedOn description progress milestones { id date title progress done } } } } }
        """;

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
    private static string Later => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");

    private async Task<(CompetitionDriver Competition, string Winner, string Loser)> ClosedAsync(string code)
    {
        var competition = await new CompetitionDriver(api, code).CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var winner = await competition.SubmitAcceptedAsync(competition.Employee("demo-1301"), "Vinder");
        var loser = await competition.SubmitAcceptedAsync(competition.Employee("demo-1302"), "Taber");
        await competition.AdvanceAsync("CLOSED");
        return (competition, winner, loser);
    }

    private static async Task<JsonNode> MutateAsync(CompetitionDriver competition, string mutation, string inputType, object input, string result = "proposal { id }") =>
        (await competition.Manager.QueryAsync($$"""
            mutation($input: {{inputType}}!) { {{mutation}}(input: $input) { {{result}} errors { __typename ... on UserError { code path } } } }
            """, new { input }))[mutation]!;

    private async Task<JsonNode> ReadAsync(CompetitionDriver competition, string proposal) => (await competition.Employee("demo-1399").QueryAsync(Realisation, new { id = proposal }))["node"]!;

    [Fact]
    public async Task A_winner_is_selected_with_a_reason_and_its_realisation_moves_from_planned_through_milestones_to_done()
    {
        var (competition, winner, loser) = await ClosedAsync("REALISE-1");
        Assert.Equal(["REQUIRED"], Codes(await MutateAsync(competition, "selectProposal", "SelectProposalInput", new { proposalId = winner, reason = "" })));
        Assert.Empty(Codes(await MutateAsync(competition, "selectProposal", "SelectProposalInput", new { proposalId = winner, reason = "Størst gevinst for borgerne." })));
        Assert.Equal(["PROPOSAL_NOT_REALISED"], Codes(await MutateAsync(competition, "addRealisationMilestone", "AddRealisationMilestoneInput",
            new { proposalId = winner, date = Today, title = "For tidligt", progress = 0 }, "realisationMilestone { id }")));
        Assert.Equal(["PROPOSAL_NOT_REALISED"], Codes(await MutateAsync(competition, "addRealisationMilestone", "AddRealisationMilestoneInput",
            new { proposalId = loser, date = Today, title = "Aldrig", progress = 0 }, "realisationMilestone { id }")));

        Assert.Equal(["OUT_OF_RANGE"], Codes(await MutateAsync(competition, "realiseProposal", "RealiseProposalInput",
            new { proposalId = winner, description = "Bygget", realisedOn = Later })));
        Assert.Equal("SELECTED", (string?)(await ReadAsync(competition, winner))["state"]);
        Assert.Empty(Codes(await MutateAsync(competition, "realiseProposal", "RealiseProposalInput", new { proposalId = winner, description = "Bygges med leverandøren" })));
        var planned = await ReadAsync(competition, winner);
        Assert.Equal(("REALISED", "PLANNED", 0), ((string?)planned["state"], (string?)planned["realisation"]!["status"], (int)planned["realisation"]!["progress"]!));
        Assert.Equal("Størst gevinst for borgerne.", (string?)planned["selectionReason"]);
        Assert.Null(planned["realisation"]!["realisedOn"]);

        // Milestones: progress 0 to 100, and a done milestone has happened.
        const string Add = "realisationMilestone { id progress done }";
        Assert.Equal(["OUT_OF_RANGE"], Codes(await MutateAsync(competition, "addRealisationMilestone", "AddRealisationMilestoneInput",
            new { proposalId = winner, date = Today, title = "Alt og mere til", progress = 101 }, Add)));
        Assert.Equal(["OUT_OF_RANGE"], Codes(await MutateAsync(competition, "addRealisationMilestone", "AddRealisationMilestoneInput",
            new { proposalId = winner, date = Later, title = "Fremtiden", progress = 50, done = true }, Add)));
        var pilot = await MutateAsync(competition, "addRealisationMilestone", "AddRealisationMilestoneInput",
            new { proposalId = winner, date = Today, title = "Pilot", description = "Ti kolleger prøver den", progress = 40, done = true }, Add);
        var rollOut = await MutateAsync(competition, "addRealisationMilestone", "AddRealisationMilestoneInput",
            new { proposalId = winner, date = Later, title = "Udrulning", progress = 90 }, Add);
        Assert.Empty(Codes(pilot));
        var rollOutId = (string)rollOut["realisationMilestone"]!["id"]!;
        Assert.Equal(["OUT_OF_RANGE"], Codes(await MutateAsync(competition, "updateRealisationMilestone", "UpdateRealisationMilestoneInput",
            new { milestoneId = rollOutId, progress = -1 }, Add)));
        Assert.Equal(["OUT_OF_RANGE"], Codes(await MutateAsync(competition, "updateRealisationMilestone", "UpdateRealisationMilestoneInput",
            new { milestoneId = rollOutId, done = true }, Add)));
        Assert.Empty(Codes(await MutateAsync(competition, "updateRealisation", "UpdateRealisationInput", new { proposalId = winner, status = "IN_PROGRESS" })));

        var inProgress = (await ReadAsync(competition, winner))["realisation"]!;
        Assert.Equal(("IN_PROGRESS", 90), ((string?)inProgress["status"], (int)inProgress["progress"]!));
        Assert.Equal(["Pilot", "Udrulning"], inProgress["milestones"]!.AsArray().Select(m => (string)m!["title"]!));
        Assert.False((bool)inProgress["milestones"]![1]!["done"]!);

        Assert.Equal(["REALISATION_STATUS_BACKWARDS"], Codes(await MutateAsync(competition, "updateRealisation", "UpdateRealisationInput", new { proposalId = winner, status = "PLANNED" })));
        Assert.Equal(["REQUIRED"], Codes(await MutateAsync(competition, "updateRealisation", "UpdateRealisationInput", new { proposalId = winner, status = "DONE" })));
        Assert.Equal(["OUT_OF_RANGE"], Codes(await MutateAsync(competition, "updateRealisation", "UpdateRealisationInput", new { proposalId = winner, status = "DONE", realisedOn = Later })));
        Assert.Equal("IN_PROGRESS", (string?)(await ReadAsync(competition, winner))["realisation"]!["status"]);
        Assert.Empty(Codes(await MutateAsync(competition, "updateRealisationMilestone", "UpdateRealisationMilestoneInput",
            new { milestoneId = rollOutId, date = Today, progress = 100, done = true }, Add)));
        Assert.Empty(Codes(await MutateAsync(competition, "updateRealisation", "UpdateRealisationInput", new { proposalId = winner, status = "DONE", realisedOn = Today })));

        var done = (await ReadAsync(competition, winner))["realisation"]!;
        Assert.Equal(("DONE", Today, 100), ((string?)done["status"], (string?)done["realisedOn"], (int)done["progress"]!));
        var told = (await competition.Employee("demo-1301").QueryAsync("{ me { notifications { nodes { kind reason } } } }"))["me"]!["notifications"]!["nodes"]!.AsArray();
        Assert.Equal(["REALISATION_STATUS_CHANGED", "REALISATION_STATUS_CHANGED", "PROPOSAL_REALISED", "PROPOSAL_SELECTED"], told.Select(n => (string)n!["kind"]!).Take(4));
        Assert.Equal("Størst gevinst for borgerne.", (string?)told[3]!["reason"]);
    }

    [Fact]
    public async Task The_demos_2016_winners_show_their_milestones()
    {
        var proposals = (await api.CreateGraphQLClient("Employee", "demo-0042").QueryAsync("""
            { initiative(code: "IDEA-2016") { competition { proposals(where: { states: [REALISED] }, first: 10) { nodes {
                title selectionReason realisation { status realisedOn progress milestones { date title progress done } } } } } } }
            """))["initiative"]!["competition"]!["proposals"]!["nodes"]!.AsArray();

        Assert.Equal(2, proposals.Count);
        Assert.All(proposals, p =>
        {
            var realisation = p!["realisation"]!;
            var milestones = realisation["milestones"]!.AsArray();
            Assert.False(string.IsNullOrWhiteSpace((string?)p["selectionReason"]));
            Assert.Equal(("DONE", 100), ((string?)realisation["status"], (int)realisation["progress"]!));
            Assert.True(milestones.Count >= 2);
            Assert.All(milestones, m => Assert.True((bool)m!["done"]!));
            Assert.Equal(milestones.Select(m => (int)m!["progress"]!).Order(), milestones.Select(m => (int)m!["progress"]!));
            Assert.Equal((string?)realisation["realisedOn"], (string?)milestones[^1]!["date"]);
        });
    }

    [Fact]
    public async Task Managers_updating_a_realisation_at_the_same_moment_never_move_it_back()
    {
        var (competition, winner, _) = await ClosedAsync("REALISE-RACE");
        await MutateAsync(competition, "selectProposal", "SelectProposalInput", new { proposalId = winner, reason = "Bedst" });
        await MutateAsync(competition, "realiseProposal", "RealiseProposalInput", new { proposalId = winner, description = "Bygges" });

        var updates = await Task.WhenAll(Enumerable.Range(0, Conflicts.Attempts).Select(i => MutateAsync(competition, "updateRealisation", "UpdateRealisationInput",
            i % 2 == 0 ? new { proposalId = winner, status = "DONE", realisedOn = (string?)Today } : new { proposalId = winner, status = "IN_PROGRESS", realisedOn = (string?)null })));

        var realisation = (await ReadAsync(competition, winner))["realisation"]!;
        Assert.Equal(("DONE", Today), ((string?)realisation["status"], (string?)realisation["realisedOn"]));
        Assert.All(updates, u => Assert.True(Codes(u).Count == 0 || Codes(u).SequenceEqual(["REALISATION_STATUS_BACKWARDS"]), string.Join(",", Codes(u))));
        var changes = (await competition.Employee("demo-1301").QueryAsync("{ me { notifications(first: 50) { nodes { kind } } } }"))["me"]!["notifications"]!["nodes"]!.AsArray()
            .Count(n => (string?)n!["kind"] == "REALISATION_STATUS_CHANGED");
        Assert.InRange(changes, 1, 2); // PLANNED to DONE, or through IN_PROGRESS: never a step back, never told twice of one step
    }
}
