using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Sessions;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DigitalInitiativer.Tests.Sessions.SessionDriver;

namespace DigitalInitiativer.Tests.Sessions;

/// <summary>Employees enrol in sessions themselves: seats are exact under concurrency, the waiting list moves up in order, and every edge is a typed error.</summary>
public sealed class EnrolmentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly SessionDriver _driver = new(api);

    private static string Key(int n) => $"demo-{n:0000}";

    [Fact]
    public async Task Fifty_people_asking_at_once_for_ten_seats_get_ten_and_a_waiting_list_in_order_that_moves_up()
    {
        var course = await _driver.OfferAsync("ENROL-RACE");
        var session = await _driver.SessionAsync(course, TimeSpan.FromDays(7), capacity: 10);
        var people = Enumerable.Range(300, 50).Select(Key).ToList();
        var clients = people.Select(_driver.Employee).ToList();

        var results = await Task.WhenAll(clients.Select(client => EnrolAsync(client, session)));

        Assert.All(results, r => Assert.Empty(r["errors"]!.AsArray()));
        Assert.Equal(10, results.Count(r => (string?)r["enrolment"]!["state"] == "SEAT"));
        Assert.Equal(40, results.Count(r => (string?)r["enrolment"]!["state"] == "WAITING"));
        await using (var db = api.OpenDb())
        {
            var sessionKey = GlobalIds.KeyOf(session);
            var waiting = await db.SessionEnrolments().Where(e => e.SessionId == sessionKey && e.State == EnrolmentState.Waiting).OrderBy(e => e.Id).Select(e => e.PersonId).ToListAsync();
            var positions = new List<int>();
            foreach (var (client, result) in clients.Zip(results).Where(x => (string?)x.Second["enrolment"]!["state"] == "WAITING"))
                positions.Add((int)(await SessionOf(client, session))["viewerEnrolment"]!["waitingPosition"]!);
            Assert.Equal(Enumerable.Range(1, 40), positions.Order());
            Assert.Equal(40, waiting.Count);
        }
        var state = await SessionOf(_driver.Manager, session);
        Assert.Equal(0, (int)state["seatsLeft"]!);
        Assert.Equal(40, (int)state["waitingListLength"]!);

        // A seat holder cancels: the first in line, and only they, moves up and is told.
        var seated = clients.Zip(results).First(x => (string?)x.Second["enrolment"]!["state"] == "SEAT");
        var firstWaiting = await FirstWaitingAsync(session);
        var cancelled = (await seated.First.QueryAsync(CancelEnrolment, new { id = (string)seated.Second["enrolment"]!["id"]! }))["cancelEnrolment"]!;
        Assert.Empty(cancelled["errors"]!.AsArray());
        Assert.Equal(0, (int)cancelled["session"]!["seatsLeft"]!);
        Assert.Equal(39, (int)cancelled["session"]!["waitingListLength"]!);
        await using (var db = api.OpenDb())
        {
            Assert.Equal(EnrolmentState.Seat, await db.SessionEnrolments().Where(e => e.PersonId == firstWaiting && e.SessionId == GlobalIds.KeyOf(session)).Select(e => e.State).SingleAsync());
            Assert.Equal(1, await db.Notifications().CountAsync(n => n.Kind == NotificationKind.SeatFromWaitingList && n.SubjectId == session));
            Assert.Equal(1, await db.Notifications().CountAsync(n => n.Kind == NotificationKind.SeatFromWaitingList && n.RecipientPersonId == firstWaiting));
            // A seat makes a participation (ENROLLED), so reach sees it; giving it up before coming removes it again.
            var courseKey = GlobalIds.KeyOf(course);
            Assert.Equal(10, await db.Participations().CountAsync(p => p.InitiativeId == courseKey && p.Status == ParticipationStatus.Enrolled));
            Assert.Equal(10, await db.Participations().CountAsync(p => p.InitiativeId == courseKey));
        }
    }

    private async Task<int> FirstWaitingAsync(string session)
    {
        await using var db = api.OpenDb();
        var key = GlobalIds.KeyOf(session);
        return await db.SessionEnrolments().Where(e => e.SessionId == key && e.State == EnrolmentState.Waiting).OrderBy(e => e.Id).Select(e => e.PersonId).FirstAsync();
    }

    [Fact]
    public async Task A_seat_shows_on_the_session_and_as_an_enrolled_learner_and_enrolling_twice_is_refused()
    {
        var course = await _driver.OfferAsync("ENROL-ONE");
        var session = await _driver.SessionAsync(course, TimeSpan.FromDays(3), capacity: 2);
        var anna = _driver.Employee(Key(401));

        var enrolled = await EnrolAsync(anna, session);
        Assert.Equal("SEAT", (string?)enrolled["enrolment"]!["state"]);
        Assert.Null(enrolled["enrolment"]!["waitingPosition"]);
        var seen = await SessionOf(anna, session);
        Assert.True((bool)seen["viewerEnrolled"]!);
        Assert.Equal(1, (int)seen["seatsLeft"]!);
        var mine = await anna.QueryAsync("{ me { enrolments { id state session { id } } participations { status role visits initiative { id } } } }");
        Assert.Contains(mine["me"]!["enrolments"]!.AsArray(), e => (string?)e!["session"]!["id"] == session);
        var participation = mine["me"]!["participations"]!.AsArray().Single(p => (string?)p!["initiative"]!["id"] == course)!;
        Assert.Equal("ENROLLED", (string?)participation["status"]);
        Assert.Equal("LEARNER", (string?)participation["role"]);
        Assert.Equal(0, (int)participation["visits"]!);

        var again = await EnrolAsync(anna, session);
        Assert.Equal("ALREADY_ENROLLED", CodeOf(again));
        Assert.Equal("AlreadyEnrolledError", (string?)again["errors"]![0]!["__typename"]);
        Assert.Null(again["enrolment"]);
        Assert.Equal(1, (int)(await SessionOf(anna, session))["seatsLeft"]!);
    }

    [Fact]
    public async Task Cancelled_and_started_sessions_and_other_peoples_enrolments_are_typed_errors()
    {
        var course = await _driver.OfferAsync("ENROL-EDGES");
        var started = await _driver.SessionAsync(course, TimeSpan.FromMinutes(-10), capacity: 5);
        Assert.Equal("SESSION_STARTED", CodeOf(await EnrolAsync(_driver.Employee(Key(411)), started)));

        var later = await _driver.SessionAsync(course, TimeSpan.FromDays(5), capacity: 5);
        var mine = await EnrolAsync(_driver.Employee(Key(412)), later);
        var othersTry = (await _driver.Employee(Key(413)).QueryAsync(CancelEnrolment, new { id = (string)mine["enrolment"]!["id"]! }))["cancelEnrolment"]!;
        Assert.Equal("NOT_OWN_ENROLMENT", CodeOf(othersTry));
        Assert.Equal(4, (int)(await SessionOf(_driver.Manager, later))["seatsLeft"]!);

        var cancel = (await _driver.Manager.QueryAsync("""
            mutation($id: ID!) { cancelSession(input: { id: $id, reason: "Underviseren er syg" }) { session { cancelled cancellationReason } errors { ... on UserError { code } } } }
            """, new { id = later }))["cancelSession"]!;
        Assert.True((bool)cancel["session"]!["cancelled"]!);
        Assert.Equal("SESSION_CANCELLED", CodeOf(await EnrolAsync(_driver.Employee(Key(414)), later)));
        var twice = (await _driver.Manager.QueryAsync("""
            mutation($id: ID!) { cancelSession(input: { id: $id, reason: "Igen" }) { errors { ... on UserError { code } } } }
            """, new { id = later }))["cancelSession"]!;
        Assert.Equal("SESSION_CANCELLED", CodeOf(twice));

        var forged = await EnrolAsync(_driver.Employee(Key(415)), GlobalIds.Of("Session", 999999));
        Assert.Equal("NOT_FOUND", CodeOf(forged));
    }

    [Fact]
    public async Task Cancelling_a_session_tells_everyone_enrolled_or_waiting_with_the_reason_in_their_language()
    {
        var course = await _driver.OfferAsync("ENROL-CANCEL");
        var session = await _driver.SessionAsync(course, TimeSpan.FromDays(2), capacity: 1);
        var seated = _driver.Employee(Key(421));
        var waiting = _driver.Employee(Key(422));
        await EnrolAsync(seated, session);
        Assert.Equal("WAITING", (string?)(await EnrolAsync(waiting, session))["enrolment"]!["state"]);

        await _driver.Manager.QueryAsync("""
            mutation($id: ID!) { cancelSession(input: { id: $id, reason: "Lokalet er optaget" }) { errors { ... on UserError { code } } } }
            """, new { id = session });

        const string Notifications = "{ me { notifications(first: 5) { nodes { kind title message reason subject { id } } } } }";
        foreach (var client in new[] { seated, waiting })
        {
            var danish = (await client.QueryAsync(Notifications))["me"]!["notifications"]!["nodes"]![0]!;
            Assert.Equal("SESSION_CANCELLED", (string?)danish["kind"]);
            Assert.Equal("Session aflyst", (string?)danish["title"]);
            Assert.Equal("Lokalet er optaget", (string?)danish["reason"]);
            Assert.Equal(session, (string?)danish["subject"]!["id"]);
            var english = (await client.InEnglish().QueryAsync(Notifications))["me"]!["notifications"]!["nodes"]![0]!;
            Assert.Equal("Session cancelled", (string?)english["title"]);
        }
        await using var db = api.OpenDb();
        var courseKey = GlobalIds.KeyOf(course);
        Assert.False(await db.Participations().AnyAsync(p => p.InitiativeId == courseKey));
    }

    [Fact]
    public async Task Capacity_cannot_drop_below_the_seats_taken_and_more_seats_move_the_waiting_list_up()
    {
        var course = await _driver.OfferAsync("ENROL-CAPACITY");
        var session = await _driver.SessionAsync(course, TimeSpan.FromDays(4), capacity: 2);
        foreach (var n in new[] { 431, 432, 433, 434 }) await EnrolAsync(_driver.Employee(Key(n)), session);

        const string Update = """
            mutation($id: ID!, $capacity: Int) { updateSession(input: { id: $id, capacity: $capacity }) { session { capacity seatsLeft waitingListLength } errors { ... on UserError { code } ... on CapacityBelowEnrolledError { enrolled } } } }
            """;
        var below = (await _driver.Manager.QueryAsync(Update, new { id = session, capacity = 1 }))["updateSession"]!;
        Assert.Equal("CAPACITY_BELOW_ENROLLED", CodeOf(below));
        Assert.Equal(2, (int)below["errors"]![0]!["enrolled"]!);
        Assert.Equal(2, (int)(await SessionOf(_driver.Manager, session))["capacity"]!);

        var more = (await _driver.Manager.QueryAsync(Update, new { id = session, capacity = 3 }))["updateSession"]!;
        Assert.Empty(more["errors"]!.AsArray());
        Assert.Equal(0, (int)more["session"]!["seatsLeft"]!);
        Assert.Equal(1, (int)more["session"]!["waitingListLength"]!);
        Assert.True((bool)(await SessionOf(_driver.Employee(Key(433)), session))["viewerEnrolled"]!);
        Assert.False((bool)(await SessionOf(_driver.Employee(Key(434)), session))["viewerEnrolled"]!);
    }

    [Fact]
    public async Task An_offer_for_another_unit_cannot_be_enrolled_in()
    {
        string outsider;
        await using (var db = api.OpenDb())
        {
            var schools = await db.Units().Where(u => u.Code == "BK-SKO").Select(u => u.Id).SingleAsync();
            outsider = await db.Persons().Where(p => p.UnitId == schools).OrderBy(p => p.Id).Select(p => p.Key).FirstAsync();
        }
        var jobcentreOnly = await _driver.OfferAsync("ENROL-JC", kind: "PEER_TRAINING", unitCode: "ARB-JC");
        var session = await _driver.SessionAsync(jobcentreOnly, TimeSpan.FromDays(1), capacity: 5);
        var refused = await EnrolAsync(_driver.Employee(outsider), session);
        Assert.Equal("OUTSIDE_OFFER_UNIT", CodeOf(refused));
        Assert.Equal(5, (int)(await SessionOf(_driver.Manager, session))["seatsLeft"]!);
    }

    [Fact]
    public async Task People_enrolled_hear_when_the_time_or_place_changes_but_not_when_seats_are_added_and_hosts_find_their_sessions()
    {
        var cafe = await _driver.OfferAsync("ENROL-CHANGED", kind: "DROP_IN_CAFE");
        var host = await api.PersonIdAsync(Key(441));
        var session = await _driver.SessionAsync(cafe, TimeSpan.FromDays(6), capacity: 5, hostId: host);
        var enrolled = _driver.Employee(Key(442));
        await EnrolAsync(enrolled, session);

        const string Update = """
            mutation($input: UpdateSessionInput!) { updateSession(input: $input) { errors { ... on UserError { code } } } }
            """;
        const string Changes = "{ me { notifications(first: 10) { nodes { kind subject { id } } } } }";
        await _driver.Manager.QueryAsync(Update, new { input = new { id = session, capacity = 8 } });
        Assert.DoesNotContain((await enrolled.QueryAsync(Changes))["me"]!["notifications"]!["nodes"]!.AsArray(), n => (string?)n!["kind"] == "SESSION_CHANGED");

        await _driver.Manager.QueryAsync(Update, new { input = new { id = session, place = "Biblioteket, mødelokale 3" } });
        var told = (await enrolled.QueryAsync(Changes))["me"]!["notifications"]!["nodes"]!.AsArray();
        Assert.Single(told, n => (string?)n!["kind"] == "SESSION_CHANGED" && (string?)n["subject"]!["id"] == session);

        var hosted = (await _driver.Employee(Key(441)).QueryAsync("{ me { hostedSessions { id viewerIsHost } } }"))["me"]!["hostedSessions"]!.AsArray();
        var mine = Assert.Single(hosted, h => (string?)h!["id"] == session)!;
        Assert.True((bool)mine["viewerIsHost"]!);
        Assert.Empty((await enrolled.QueryAsync("{ me { hostedSessions { id } } }"))["me"]!["hostedSessions"]!.AsArray());
    }
}
