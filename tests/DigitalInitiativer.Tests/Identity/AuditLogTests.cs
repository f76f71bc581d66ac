using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Tests.Identity;

public sealed class AuditLogTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string AuditLog = """
        query($subject: ID!) { auditLog(subjectId: $subject, first: 50) { totalCount nodes { at callerId callerRoles dataType operationName } } }
        """;

    [Fact]
    public async Task A_managers_read_of_a_participant_list_is_logged_per_person_and_the_administrator_can_see_it()
    {
        await using var db = api.OpenDb();
        var participant = await db.Participations().Where(p => p.Initiative!.Code == "JC-CAFE").OrderBy(p => p.Id).Select(p => p.PersonId).FirstAsync();
        var subject = GlobalIds.Of("Person", participant);

        await api.CreateGraphQLClient(Roles.InitiativeManager, "demo-0011").QueryAsync(
            """query CafeParticipants($code: String!) { initiative(code: $code) { participations(first: 1) { nodes { status person { key } } } } }""",
            new { code = "JC-CAFE" });

        var log = (await api.CreateGraphQLClient(Roles.Administrator).QueryAsync(AuditLog, new { subject }))["auditLog"]!;
        var entries = log["nodes"]!.AsArray();
        Assert.Contains(entries, e => (string?)e!["dataType"] == "Participation" && (string?)e["operationName"] == "CafeParticipants"
            && (string?)e["callerId"] == "dev-demo-0011" && e["callerRoles"]!.AsArray().Select(r => (string)r!).SequenceEqual(["InitiativeManager"]));
        Assert.Contains(entries, e => (string?)e!["dataType"] == "Person");
    }

    [Fact]
    public async Task Query_variables_are_never_written_to_the_log()
    {
        await using var db = api.OpenDb();
        var person = await db.Persons().SingleAsync(p => p.Key == "demo-0077");

        await api.CreateGraphQLClient(Roles.Administrator).QueryAsync(
            "query LookUp($id: ID!) { node(id: $id) { ... on Person { key } } }", new { id = GlobalIds.Of("Person", person.Id) });

        var stored = await db.AuditEntries().Where(e => e.SubjectPersonId == person.Id).ToListAsync();
        Assert.Single(stored);
        Assert.Equal("LookUp", stored[0].OperationName);
        var everything = string.Join("|", stored.Select(e => $"{e.CallerId}|{e.CallerRoles}|{e.DataType}|{e.OperationName}"));
        Assert.DoesNotContain(GlobalIds.Of("Person", person.Id), everything);
        Assert.DoesNotContain("demo-0077", everything);
    }

    [Fact]
    public async Task Aggregates_and_the_catalogue_are_not_person_level_reads()
    {
        await using var db = api.OpenDb();
        var before = await db.AuditEntries().CountAsync();

        await api.CreateGraphQLClient(Roles.Evaluator).QueryAsync("{ surveyWaves { profileDistribution { total } } initiatives(first: 5) { nodes { reach { participants } } } }");

        Assert.Equal(before, await db.AuditEntries().CountAsync());
    }

    [Fact]
    public async Task Re_dating_a_colleagues_participation_and_back_leaves_a_trace_even_when_nothing_is_read()
    {
        await using var db = api.OpenDb();
        var participation = await db.Participations().Where(p => p.Initiative!.Code == "JC-CAFE").OrderByDescending(p => p.Id).FirstAsync();
        var subject = GlobalIds.Of("Person", participation.PersonId);
        var manager = api.CreateGraphQLClient(Roles.InitiativeManager, "demo-0012");
        async Task RecordAsync(string on) => Assert.Empty((await manager.QueryAsync(
            "mutation Probe($input: RecordParticipationInput!) { recordParticipation(input: $input) { errors { __typename } } }",
            new { input = new { personId = subject, initiativeId = GlobalIds.Of("Initiative", participation.InitiativeId), status = participation.Status.ToString().ToUpperInvariant(), enrolledOn = on } }))
            ["recordParticipation"]!["errors"]!.AsArray());

        await RecordAsync("2010-01-01");
        await RecordAsync(participation.EnrolledOn.ToString("yyyy-MM-dd"));

        var entries = (await api.CreateGraphQLClient(Roles.Administrator).QueryAsync(AuditLog, new { subject }))["auditLog"]!["nodes"]!.AsArray();
        Assert.Equal(2, entries.Count(e => (string?)e!["dataType"] == "ParticipationRecorded" && (string?)e["operationName"] == "Probe" && (string?)e["callerId"] == "dev-demo-0012"));
    }

    [Fact]
    public async Task A_persons_reads_of_their_own_data_are_not_logged_so_the_log_does_not_time_their_visits()
    {
        await using var db = api.OpenDb();
        var person = await db.Persons().SingleAsync(p => p.Key == "demo-0078");
        var before = await db.AuditEntries().CountAsync(e => e.SubjectPersonId == person.Id || e.CallerPersonId == person.Id);

        await api.CreateGraphQLClient(Roles.Employee, "demo-0078").QueryAsync("query Home { me { person { key } assessments { profile { kind } } participations { status } } }");

        Assert.Equal(before, await db.AuditEntries().CountAsync(e => e.SubjectPersonId == person.Id || e.CallerPersonId == person.Id));
    }
}
