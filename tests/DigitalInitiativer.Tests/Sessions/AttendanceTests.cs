using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Sessions;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DigitalInitiativer.Tests.Sessions;

/// <summary>
/// recordAttendance through HTTP, as a host's front-end would use it: only once the session has started and only by its
/// host or a manager; employee numbers, typed or pasted as a sign-in sheet, become visits of people, while the numbers
/// and names on the sheet are never echoed or stored; visits make participations (a café's completed, a course's
/// started) with a role, and the closed demo competition's participants carry the role they had there.
/// </summary>
public sealed class AttendanceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly SessionDriver _driver = new(api);

    private const string UpdateSessionHost = """
        mutation($id: ID!, $hostId: ID) { updateSession(input: { id: $id, hostId: $hostId }) { session { id } errors { ... on UserError { code message } } } }
        """;

    private const string RecordAttendance = """
        mutation($input: RecordAttendanceInput!) {
          recordAttendance(input: $input) {
            session { id }
            recorded alreadyRecorded
            unknownEmployeeNumbers { list position }
            duplicates { list position }
            errors { __typename ... on UserError { code message path } }
          }
        }
        """;

    private const string MyParticipations = "{ me { participations { initiative { code } status role visits } } }";

    private static async Task<JsonNode> RecordAsync(GraphQLClient client, string sessionId, string[]? employeeNumbers = null, string? signInList = null) =>
        (await client.QueryAsync(RecordAttendance, new { input = new { sessionId, employeeNumbers, signInList } }))["recordAttendance"]!;

    private static IEnumerable<string> CodesOf(JsonNode payload) => payload["errors"]!.AsArray().Select(e => (string)e!["code"]!);

    private static IEnumerable<string> Entries(JsonNode payload, string list) =>
        payload[list]!.AsArray().Select(e => $"{(string)e!["list"]!} {(int)e["position"]!}");

    /// <summary>The caller's own participation in one initiative, as me.participations shows it.</summary>
    private static async Task<JsonNode> MyParticipationAsync(GraphQLClient person, string initiativeCode) =>
        (await person.QueryAsync(MyParticipations))["me"]!["participations"]!.AsArray().Single(p => (string)p!["initiative"]!["code"]! == initiativeCode)!;

    private static int SessionKey(string sessionId) => GlobalIds.KeyOf(sessionId);

    private async Task<int> PersonKeyAsync(string personKey)
    {
        await using var db = api.OpenDb();
        return await db.Persons().Where(p => p.Key == personKey).Select(p => p.Id).SingleAsync();
    }

    private async Task<List<int>> AttendeesAsync(string sessionId)
    {
        await using var db = api.OpenDb();
        var session = SessionKey(sessionId);
        return await db.SessionAttendances().Where(a => a.SessionId == session).Select(a => a.PersonId).OrderBy(p => p).ToListAsync();
    }

    /// <summary>Every text column of every table the app stores (its EF model) that has a value containing <paramref name="text"/>.</summary>
    private async Task<List<string>> ColumnsContainingAsync(string text)
    {
        await using var db = api.OpenDb();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var columns = new SortedSet<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table) continue;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
                if (property.GetColumnName(store) is { } column) columns.Add($"{table}\u0001{column}");
        }
        var found = new List<string>();
        foreach (var tableAndColumn in columns)
        {
            var (table, column) = (tableAndColumn.Split('\u0001')[0], tableAndColumn.Split('\u0001')[1]);
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // table and column names come from the app's own model; the text is a parameter
            command.CommandText = $"""SELECT COUNT(*) FROM "{table}" WHERE "{column}" LIKE @text""";
#pragma warning restore CA2100
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@text";
            parameter.Value = $"%{text}%";
            command.Parameters.Add(parameter);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0) found.Add($"{table}.{column}");
        }
        return found;
    }

    [Fact]
    public async Task Attendance_before_the_session_starts_is_refused_with_SESSION_NOT_STARTED_and_nothing_is_stored()
    {
        var offer = await _driver.OfferAsync("ATT-NOT-STARTED", "DROP_IN_CAFE");
        var session = await _driver.SessionAsync(offer, TimeSpan.FromDays(2));

        var payload = await RecordAsync(_driver.Manager, session, ["901501"]);

        Assert.Equal(["SESSION_NOT_STARTED"], CodesOf(payload));
        Assert.Equal("SessionNotStartedError", (string)payload["errors"]![0]!["__typename"]!);
        Assert.Null(payload["recorded"]);
        Assert.Null(payload["session"]);
        Assert.Empty(await AttendeesAsync(session));
        await using var db = api.OpenDb();
        var person = await PersonKeyAsync("demo-1501");
        Assert.False(await db.Participations().AnyAsync(p => p.PersonId == person && p.Initiative!.Code == "ATT-NOT-STARTED"));
    }

    [Fact]
    public async Task An_employee_who_is_not_the_host_is_refused_until_a_manager_makes_them_the_host()
    {
        var offer = await _driver.OfferAsync("ATT-HOST", "DROP_IN_CAFE");
        var session = await _driver.SessionAsync(offer, TimeSpan.FromHours(-2));
        var employee = api.CreateGraphQLClient(Roles.Employee, "demo-1503");

        var refused = await RecordAsync(employee, session, ["901504"]);

        Assert.Equal(["NOT_SESSION_HOST"], CodesOf(refused));
        Assert.Equal("NotSessionHostError", (string)refused["errors"]![0]!["__typename"]!);
        Assert.Empty(await AttendeesAsync(session));

        var updated = (await _driver.Manager.QueryAsync(UpdateSessionHost, new { id = session, hostId = await api.PersonIdAsync("demo-1503") }))["updateSession"]!;
        Assert.Empty(updated["errors"]!.AsArray());

        var recorded = await RecordAsync(employee, session, ["901504"]);

        Assert.Empty(recorded["errors"]!.AsArray());
        Assert.Equal(1, (int)recorded["recorded"]!);
        Assert.Equal([await PersonKeyAsync("demo-1504")], await AttendeesAsync(session));
    }

    [Fact]
    public async Task Unknown_and_repeated_numbers_are_reported_by_position_never_echoed_and_only_person_ids_are_stored()
    {
        var offer = await _driver.OfferAsync("ATT-NUMBERS", "DROP_IN_CAFE");
        var session = await _driver.SessionAsync(offer, TimeSpan.FromHours(-1));

        // The raw response, as the front-end receives it, so that nothing in it can hide the number.
        var body = JsonSerializer.Serialize(new { query = RecordAttendance, variables = new { input = new { sessionId = session, employeeNumbers = new[] { "901505", "901506", "999999", "901505" } } } });
        using var response = await _driver.Manager.Http.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        var payload = JsonNode.Parse(text)!["data"]!["recordAttendance"]!;

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(2, (int)payload["recorded"]!);
        Assert.Equal(0, (int)payload["alreadyRecorded"]!);
        Assert.Equal(["EMPLOYEE_NUMBERS 3"], Entries(payload, "unknownEmployeeNumbers"));
        Assert.Equal(["EMPLOYEE_NUMBERS 4"], Entries(payload, "duplicates"));
        Assert.DoesNotContain("999999", text);
        Assert.DoesNotContain("901505", text);

        // A visit is a session and a person, nothing else: no column could hold a number.
        await using var db = api.OpenDb();
        var stored = db.Model.FindEntityType(typeof(SessionAttendance))!.GetProperties().Select(p => p.GetColumnName()).Order();
        Assert.Equal(["Id", "PersonId", "RecordedAtUtc", "SessionId"], stored);
        Assert.Equal(new[] { await PersonKeyAsync("demo-1505"), await PersonKeyAsync("demo-1506") }.Order(), await AttendeesAsync(session));
        Assert.Empty(await ColumnsContainingAsync("999999"));
    }

    [Fact]
    public async Task A_pasted_sign_in_sheet_records_the_numbers_and_stores_none_of_the_names()
    {
        var offer = await _driver.OfferAsync("ATT-SHEET", "DROP_IN_CAFE");
        var session = await _driver.SessionAsync(offer, TimeSpan.FromHours(-1));

        var payload = await RecordAsync(_driver.Manager, session, signInList: "Medarbejdernr;Navn\n900151;Anna Hansen\n\n900152\tTorben");

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(2, (int)payload["recorded"]!);
        Assert.Empty(payload["unknownEmployeeNumbers"]!.AsArray());
        Assert.Empty(payload["duplicates"]!.AsArray());
        Assert.Equal(new[] { await PersonKeyAsync("demo-0151"), await PersonKeyAsync("demo-0152") }.Order(), await AttendeesAsync(session));
        Assert.Empty(await ColumnsContainingAsync("Anna Hansen"));
        Assert.Empty(await ColumnsContainingAsync("Torben"));
    }

    [Fact]
    public async Task Every_visit_to_a_cafe_counts_completes_the_participation_as_an_attendee_and_recording_again_changes_nothing()
    {
        var offer = await _driver.OfferAsync("ATT-CAFE", "DROP_IN_CAFE");
        var sessions = new List<string>();
        foreach (var daysAgo in new[] { 3, 2, 1 }) sessions.Add(await _driver.SessionAsync(offer, TimeSpan.FromDays(-daysAgo)));
        var regular = api.CreateGraphQLClient(Roles.Employee, "demo-1507");
        var once = api.CreateGraphQLClient(Roles.Employee, "demo-1508");

        var first = await RecordAsync(_driver.Manager, sessions[0], ["901507", "901508"]);
        foreach (var session in sessions.Skip(1)) Assert.Equal(1, (int)(await RecordAsync(_driver.Manager, session, ["901507"]))["recorded"]!);

        Assert.Equal(2, (int)first["recorded"]!);
        var regularsVisits = await MyParticipationAsync(regular, "ATT-CAFE");
        var onceVisits = await MyParticipationAsync(once, "ATT-CAFE");
        Assert.Equal((3, "COMPLETED", "ATTENDEE"), ((int)regularsVisits["visits"]!, (string)regularsVisits["status"]!, (string)regularsVisits["role"]!));
        Assert.Equal((1, "COMPLETED", "ATTENDEE"), ((int)onceVisits["visits"]!, (string)onceVisits["status"]!, (string)onceVisits["role"]!));

        var again = await RecordAsync(_driver.Manager, sessions[0], ["901507", "901508"]);

        Assert.Empty(again["errors"]!.AsArray());
        Assert.Equal((0, 2), ((int)again["recorded"]!, (int)again["alreadyRecorded"]!));
        Assert.Equal(3, (int)(await MyParticipationAsync(regular, "ATT-CAFE"))["visits"]!);
        Assert.Equal(1, (int)(await MyParticipationAsync(once, "ATT-CAFE"))["visits"]!);
    }

    [Fact]
    public async Task Coming_to_a_course_session_starts_the_participation_as_a_learner()
    {
        var offer = await _driver.OfferAsync("ATT-COURSE", "COURSE");
        var session = await _driver.SessionAsync(offer, TimeSpan.FromHours(-3));

        Assert.Equal(1, (int)(await RecordAsync(_driver.Manager, session, ["901509"]))["recorded"]!);

        var participation = await MyParticipationAsync(api.CreateGraphQLClient(Roles.Employee, "demo-1509"), "ATT-COURSE");
        Assert.Equal((1, "STARTED", "LEARNER"), ((int)participation["visits"]!, (string)participation["status"]!, (string)participation["role"]!));
    }

    [Fact]
    public async Task In_the_closed_2016_competition_a_lead_author_takes_part_as_AUTHOR_and_someone_who_only_voted_as_VOTER()
    {
        string authorKey, voterKey;
        await using (var db = api.OpenDb())
        {
            var competition = await db.Initiatives().Where(i => i.Code == "IDEA-2016").Select(i => i.Id).SingleAsync();
            var proposals = db.Proposals().Where(p => p.CompetitionId == competition).Select(p => p.Id);
            var authors = db.ProposalAuthors().Where(a => proposals.Contains(a.ProposalId));
            var commenters = db.ProposalComments().Where(c => proposals.Contains(c.ProposalId)).Select(c => c.AuthorPersonId);
            var lead = await authors.Where(a => a.IsLead).Select(a => a.PersonId).OrderBy(p => p).FirstAsync();
            var voter = await db.Votes().Where(v => v.CompetitionId == competition && v.VoterPersonId != null)
                .Select(v => v.VoterPersonId!.Value)
                .Where(p => !authors.Any(a => a.PersonId == p) && !commenters.Contains(p))
                .OrderBy(p => p).FirstAsync();
            authorKey = await db.Persons().Where(p => p.Id == lead).Select(p => p.Key).SingleAsync();
            voterKey = await db.Persons().Where(p => p.Id == voter).Select(p => p.Key).SingleAsync();
        }

        var asAuthor = await MyParticipationAsync(api.CreateGraphQLClient(Roles.Employee, authorKey), "IDEA-2016");
        var asVoter = await MyParticipationAsync(api.CreateGraphQLClient(Roles.Employee, voterKey), "IDEA-2016");

        Assert.Equal("AUTHOR", (string?)asAuthor["role"]);
        Assert.Equal("VOTER", (string?)asVoter["role"]);
    }

    [Fact]
    public async Task The_not_host_refusal_is_Danish_by_default_and_English_on_request_with_the_same_code()
    {
        var offer = await _driver.OfferAsync("ATT-LANGUAGE", "PEER_TRAINING");
        var session = await _driver.SessionAsync(offer, TimeSpan.FromHours(-1));

        var danish = (await RecordAsync(api.CreateGraphQLClient(Roles.Employee, "demo-1510"), session, ["901511"]))["errors"]![0]!;
        var english = (await RecordAsync(api.CreateGraphQLClient(Roles.Employee, "demo-1510").InEnglish(), session, ["901511"]))["errors"]![0]!;

        Assert.Equal("NOT_SESSION_HOST", (string)danish["code"]!);
        Assert.Equal("NOT_SESSION_HOST", (string)english["code"]!);
        Assert.NotEqual((string)danish["message"]!, (string)english["message"]!);
        Assert.Contains("vært", (string)danish["message"]!);
        Assert.Contains("host", (string)english["message"]!);
        Assert.Empty(await AttendeesAsync(session));
    }
}
