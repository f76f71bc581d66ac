using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Privacy;

/// <summary>The writes an attacking administrator makes through the API: a new initiative for the whole organisation, and people recorded into it.</summary>
public sealed class AttackWrites(GraphQLClient administrator)
{
    private string? _organisation;

    public async Task<string> CreateInitiativeAsync(string code, string kind, string startsOn, string? endsOn = null)
    {
        _organisation ??= (string)(await administrator.QueryAsync("""{ organisationUnit(code: "ESB") { id } }"""))["organisationUnit"]!["id"]!;
        return (string)(await administrator.QueryAsync("""
            mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } } }
            """, new { input = new { code, kind, title = code, unitId = _organisation, startsOn, endsOn } }))["createInitiative"]!["initiative"]!["id"]!;
    }

    /// <summary>Records each person as having completed the initiative; nothing may be refused.</summary>
    public async Task RecordAsync(string initiative, IEnumerable<int> people, string enrolledOn)
    {
        var items = people.Select(id => new { personId = GlobalIds.Of("Person", id), initiativeId = initiative, status = "COMPLETED", enrolledOn }).ToArray();
        var payload = await administrator.QueryAsync("mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { errors { __typename } } }",
            new { input = new { items } });
        Assert.Empty(payload["recordParticipations"]!["errors"]!.AsArray());
    }
}
