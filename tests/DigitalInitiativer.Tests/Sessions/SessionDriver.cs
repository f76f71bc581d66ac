using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Tests.Competitions;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Sessions;

/// <summary>A manager's offer with sessions, and employees who enrol in them, through the API as a front-end would.</summary>
public sealed class SessionDriver(ApiFactory api)
{
    public GraphQLClient Manager { get; } = api.CreateGraphQLClient(Roles.InitiativeManager);

    public GraphQLClient Employee(string personKey) => api.CreateGraphQLClient(Roles.Employee, personKey);

    public async Task<string> OfferAsync(string code, string kind = "COURSE", string unitCode = "ESB", string[]? targetProfiles = null, string startsOn = "2026-01-01", string? endsOn = null,
        string? title = null, string? description = null)
    {
        var created = await Manager.QueryAsync("""
            mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } errors { ... on UserError { code message } } } }
            """, new { input = new { code, kind, title = title ?? $"Tilbud {code}", description, unitId = await CompetitionDriver.UnitIdAsync(Manager, unitCode), targetProfiles = targetProfiles ?? [], startsOn, endsOn } });
        return (string)created["createInitiative"]!["initiative"]!["id"]!;
    }

    /// <summary>A session starting <paramref name="startsIn"/> from now (negative: in the past), lasting an hour.</summary>
    public async Task<string> SessionAsync(string initiativeId, TimeSpan startsIn, int? capacity = null, string? hostId = null)
    {
        var start = DateTime.UtcNow.Add(startsIn);
        var added = await Manager.QueryAsync("""
            mutation($input: AddSessionInput!) { addSession(input: $input) { session { id } errors { ... on UserError { code message } } } }
            """, new { input = new { initiativeId, startsAt = start.ToString("O"), endsAt = start.AddHours(1).ToString("O"), place = "Rådhuset, lokale 2", capacity, hostId } });
        return (string?)added["addSession"]!["session"]?["id"] ?? throw new InvalidOperationException(added.ToJsonString());
    }

    public const string Enrol = """
        mutation($id: ID!) { enrol(input: { sessionId: $id }) { enrolment { id state waitingPosition } errors { __typename ... on UserError { code message path } } } }
        """;

    public const string CancelEnrolment = """
        mutation($id: ID!) { cancelEnrolment(input: { id: $id }) { session { id seatsLeft waitingListLength } errors { __typename ... on UserError { code message } } } }
        """;

    public const string Session = """
        query($id: ID!) { node(id: $id) { ... on Session { capacity seatsLeft waitingListLength viewerEnrolled cancelled cancellationReason viewerEnrolment { id state waitingPosition } } } }
        """;

    public static async Task<JsonNode> EnrolAsync(GraphQLClient employee, string sessionId) => (await employee.QueryAsync(Enrol, new { id = sessionId }))["enrol"]!;

    public static async Task<JsonNode> SessionOf(GraphQLClient client, string sessionId) => (await client.QueryAsync(Session, new { id = sessionId }))["node"]!;

    public static string? CodeOf(JsonNode payload) => (string?)payload["errors"]!.AsArray().FirstOrDefault()?["code"];
}
