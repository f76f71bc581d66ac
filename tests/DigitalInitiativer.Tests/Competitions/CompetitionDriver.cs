using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Competitions;

/// <summary>Drives a fresh competition through the API the way a manager's and employees' front-ends would.</summary>
public sealed class CompetitionDriver(ApiFactory api, string code, string unitCode = "ESB")
{
    public GraphQLClient Manager { get; } = api.CreateGraphQLClient(Roles.InitiativeManager, "demo-0011");
    public GraphQLClient Employee(string key) => api.CreateGraphQLClient(Roles.Employee, key);

    public string CompetitionId { get; private set; } = "";
    public string InitiativeId { get; private set; } = "";

    public async Task<CompetitionDriver> CreateAsync()
    {
        var unit = await UnitIdAsync(Manager, unitCode);
        var created = await Manager.QueryAsync("""
            mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id competition { id phase } } errors { ... on UserError { code } } } }
            """, new { input = new { code, kind = "IDEA_COMPETITION", title = $"Konkurrence {code}", unitId = unit, startsOn = "2026-01-01" } });
        var initiative = created["createInitiative"]!["initiative"]!;
        InitiativeId = (string)initiative["id"]!;
        CompetitionId = (string)initiative["competition"]!["id"]!;
        return this;
    }

    public async Task<JsonNode> AdvanceAsync(string to) => (await Manager.QueryAsync("""
        mutation($input: AdvanceCompetitionPhaseInput!) { advanceCompetitionPhase(input: $input) { ideaCompetition { phase } errors { __typename ... on UserError { code } } } }
        """, new { input = new { competitionId = CompetitionId, to } }))["advanceCompetitionPhase"]!;

    public async Task<JsonNode> ConfigureAsync(object? rules = null, object? schedule = null) => (await Manager.QueryAsync("""
        mutation($input: ConfigureCompetitionInput!) {
          configureCompetition(input: $input) { ideaCompetition { phase rules { votesPerPerson allowSelfVoting proposalsPerPerson } } errors { __typename ... on UserError { code path } } }
        }
        """, new { input = new { competitionId = CompetitionId, rules, schedule } }))["configureCompetition"]!;

    public async Task<string> PhaseAsync() =>
        (string)(await Manager.QueryAsync("query($id: ID!) { node(id: $id) { ... on IdeaCompetition { phase } } }", new { id = CompetitionId }))["node"]!["phase"]!;

    public static object Idea(string title = "Et godt forslag", string summary = "Kort fortalt") =>
        new { title, summary, problem = "Et problem", proposedSolution = "En løsning", expectedBenefit = "En gevinst" };

    public static async Task<string> UnitIdAsync(GraphQLClient client, string unitCode) =>
        (string)(await client.QueryAsync("query($code: String!) { organisationUnit(code: $code) { id } }", new { code = unitCode }))["organisationUnit"]!["id"]!;

    public async Task<JsonNode> SubmitAsync(GraphQLClient author, object? idea = null, bool hideAuthorNames = false, string[]? coAuthorIds = null, string fromUnit = "ARB-JC")
    {
        var unit = await UnitIdAsync(author, fromUnit);
        var input = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(idea ?? Idea()))!.AsObject();
        input["competitionId"] = CompetitionId;
        input["unitId"] = unit;
        input["hideAuthorNames"] = hideAuthorNames;
        if (coAuthorIds is not null) input["coAuthorIds"] = new JsonArray(coAuthorIds.Select(id => (JsonNode)id).ToArray());
        return (await author.QueryAsync("""
            mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { proposal { id title state } errors { __typename ... on UserError { code path } } } }
            """, new { input }))["submitProposal"]!;
    }

    public async Task<string> SubmitAcceptedAsync(GraphQLClient author, string title)
    {
        var id = (string)(await SubmitAsync(author, Idea(title)))["proposal"]!["id"]!;
        await ManagerMoveAsync("acceptProposal", new { proposalId = id });
        return id;
    }

    public async Task<JsonNode> ManagerMoveAsync(string mutation, object input, string inputType = "ProposalIdInput") =>
        (await Manager.QueryAsync($$"""
            mutation($input: {{inputType}}!) { {{mutation}}(input: $input) { proposal { id state rejectionReason mergedInto { id } realisation { realisedOn description solution initiative { code } } } errors { __typename ... on UserError { code } } } }
            """, new { input }))[mutation]!;

    public static async Task<JsonNode> VoteAsync(GraphQLClient voter, string proposalId, bool cast = true)
    {
        var mutation = cast ? "castVote" : "retractVote";
        var inputType = cast ? "CastVoteInput" : "RetractVoteInput";
        return (await voter.QueryAsync($$"""
            mutation($input: {{inputType}}!) { {{mutation}}(input: $input) { proposal { id voteCount viewerHasVoted } errors { __typename ... on UserError { code } } } }
            """, new { input = new { proposalId } }))[mutation]!;
    }

    public static IReadOnlyList<string> Codes(JsonNode payload) => payload["errors"]!.AsArray().Select(e => (string)e!["code"]!).ToList();
}
