using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DigitalInitiativer.Tests.Privacy;

/// <summary>
/// Rows that hold other rows, laid side by side where they differ by one person. A kind's row holds its initiatives' rows. When one initiative of the kind holds a single person and another holds
/// everyone else, the kind's breakdown beside the big initiative's differs by that person alone, in every unit above
/// them. Initiative rows are fixed first (they read the same grouped or not), so the kind's must give way. (The kind is
/// kept to this test's initiatives: the demo's own OTHER initiative is made a video guide first.)
/// </summary>
public sealed class EnclosingRowAttackTests(AttackableApiFactory api, ITestOutputHelper output) : IClassFixture<AttackableApiFactory>
{
    [Fact]
    public async Task A_kind_row_is_not_broken_down_beside_an_initiative_row_that_differs_by_one_person()
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var latest = await db.SurveyWaves().OrderBy(w => w.HeldOn).LastAsync();
        var assessed = await db.Assessments().Where(a => a.WaveId == latest.Id).ToListAsync();
        var units = await db.Units().ToDictionaryAsync(u => u.Id);
        string DepartmentOf(int unitId) => units[unitId].Path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "";
        var unit = assessed.GroupBy(a => a.UnitId).Where(g => g.Count() >= 30).Select(g => units[g.Key]).OrderBy(u => u.Id).First();
        var insiders = assessed.Where(a => a.UnitId == unit.Id).Take(30).Select(a => a.PersonId).ToList();
        var targets = assessed.Where(a => DepartmentOf(a.UnitId) != DepartmentOf(unit.Id)).GroupBy(a => a.Profile).SelectMany(g => g.Take(2)).ToList();

        // Arrange: the demo's own OTHER initiative becomes a video guide, so the kind's row (which has no date window) holds only this test's initiatives.
        await db.Initiatives().Where(i => i.Kind == InitiativeKind.Other).ExecuteUpdateAsync(set => set.SetProperty(i => i.Kind, InitiativeKind.VideoGuide));
        var esb = GlobalIds.Of("OrganisationUnit", units.Values.Single(u => u.ParentId == null).Id);
        async Task<string> CreateAsync(string code) => (string)(await administrator.QueryAsync("""
            mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } } }
            """, new { input = new { code, kind = "OTHER", title = code, unitId = esb, startsOn = "2026-01-01" } }))["createInitiative"]!["initiative"]!["id"]!;
        var (group, pair) = (await CreateAsync("KIND-GROUP"), await CreateAsync("KIND-PAIR"));
        object Record(int person, string initiative, string status) =>
            new { personId = GlobalIds.Of("Person", person), initiativeId = initiative, status, enrolledOn = "2026-11-02" };
        async Task RecordAsync(params object[] items)
        {
            var payload = await administrator.QueryAsync("mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { errors { __typename } } }",
                new { input = new { items } });
            Assert.Empty(payload["recordParticipations"]!["errors"]!.AsArray());
            await api.RefreshAnalyticsAsync();
        }
        await RecordAsync([.. insiders.Select(id => Record(id, group, "COMPLETED"))]);

        var (both, readings) = (0, 0);
        foreach (var target in targets)
        {
            await RecordAsync(Record(target.PersonId, pair, "COMPLETED"));
            var chain = units[target.UnitId].Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(id => GlobalIds.Of("OrganisationUnit", int.Parse(id))).Prepend(null);
            foreach (var unitId in chain)
            {
                var data = await administrator.QueryAsync("""
                    query($wave: ID!, $unit: ID) {
                      kind: reachMatrix(filter: { waveId: $wave, unitId: $unit, kinds: [OTHER], groupByKind: true }) { rows { cells { profile { kind } participants } } }
                      initiatives: reachMatrix(filter: { waveId: $wave, unitId: $unit, kinds: [OTHER], from: "2026-01-01" }) { rows { initiative { code } cells { profile { kind } participants } } } }
                    """, new { wave = GlobalIds.Of("SurveyWave", latest.Id), unit = unitId });
                static bool BrokenDown(System.Text.Json.Nodes.JsonNode row) => row["cells"]!.AsArray().Any(c => c!["profile"] is not null && c["participants"] is not null);
                var kindShown = BrokenDown(data["kind"]!["rows"]![0]!);
                var groupShown = BrokenDown(data["initiatives"]!["rows"]!.AsArray().Single(r => (string)r!["initiative"]!["code"]! == "KIND-GROUP")!);
                readings++;
                if (kindShown && groupShown) both++;
            }
            await RecordAsync(Record(target.PersonId, pair, "WITHDRAWN"));
        }
        output.WriteLine($"The kind's and the large initiative's breakdowns shown side by side, differing by one person: {both} of {readings} readings.");

        Assert.True(readings >= 8, $"too few readings ({readings})");
        Assert.Equal(0, both);
    }

    /// <summary>
    /// A course that everyone in a unit took but one: the wave's profile distribution of the unit holds the course's
    /// reach there, and the two differ by the one who did not take part.
    /// </summary>
    /// <remarks>Grouped by the profile at the start too (the default): participations after the latest wave are placed by it.</remarks>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_units_reach_is_not_broken_down_beside_its_profile_distribution_when_one_colleague_did_not_take_part(bool inWave)
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var latest = await db.SurveyWaves().OrderBy(w => w.HeldOn).LastAsync();
        var assessed = await db.Assessments().Where(a => a.WaveId == latest.Id).ToListAsync();
        var units = await db.Units().ToDictionaryAsync(u => u.Id);
        // A leaf unit: its distribution counts exactly its own staff.
        var unit = assessed.GroupBy(a => a.UnitId).Where(g => g.Count() is >= 25 and <= 60 && !units.Values.Any(u => u.ParentId == g.Key))
            .Select(g => units[g.Key]).OrderBy(u => u.Id).First();
        var staff = assessed.Where(a => a.UnitId == unit.Id).Select(a => a.PersonId).ToList();
        var esb = GlobalIds.Of("OrganisationUnit", units.Values.Single(u => u.ParentId == null).Id);
        var course = (string)(await administrator.QueryAsync("""
            mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } } }
            """, new { input = new { code = $"NEARLY-ALL-{inWave}", kind = "COURSE", title = "Obligatorisk kursus", unitId = esb, startsOn = "2026-01-01" } }))["createInitiative"]!["initiative"]!["id"]!;
        async Task RecordAsync(IEnumerable<int> people, string status)
        {
            var payload = await administrator.QueryAsync("mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { errors { __typename } } }",
                new { input = new { items = people.Select(id => new { personId = GlobalIds.Of("Person", id), initiativeId = course, status, enrolledOn = "2026-11-02" }).ToArray() } });
            Assert.Empty(payload["recordParticipations"]!["errors"]!.AsArray());
            await api.RefreshAnalyticsAsync();
        }
        await RecordAsync(staff, "COMPLETED");

        var (both, readings) = (0, 0);
        foreach (var absent in staff.Take(8))
        {
            await RecordAsync([absent], "WITHDRAWN");
            var data = await administrator.QueryAsync("""
                query($wave: ID!, $grouping: ID, $unit: ID!, $course: ID!) {
                  reachMatrix(filter: { waveId: $grouping, unitId: $unit, kinds: [COURSE], from: "2026-01-01" }) { rows { initiative { id } cells { profile { kind } participants } } }
                  course: node(id: $course) { ... on Initiative { reach(waveId: $grouping) { profile { kind } participants } } }
                  node(id: $wave) { ... on SurveyWave { profileDistribution(unitId: $unit) { groups { count } } } } }
                """, new { wave = GlobalIds.Of("SurveyWave", latest.Id), grouping = inWave ? GlobalIds.Of("SurveyWave", latest.Id) : null, unit = GlobalIds.Of("OrganisationUnit", unit.Id), course });
            var reachShown = data["reachMatrix"]!["rows"]!.AsArray().Single(r => (string)r!["initiative"]!["id"]! == course)!["cells"]!.AsArray()
                .Any(c => c!["profile"] is not null && c["participants"] is not null);
            // Round 12: the whole organisation holds exactly the unit's participants, so it reads the same cells.
            var organisationShown = data["course"]!["reach"]!.AsArray().Any(c => c!["profile"] is not null && c["participants"] is not null);
            var distributionShown = data["node"]!["profileDistribution"]!["groups"]!.AsArray().Any(g => g!["count"] is not null);
            readings++;
            if ((reachShown || organisationShown) && distributionShown) both++;
            await RecordAsync([absent], "COMPLETED");
        }
        output.WriteLine($"A unit's reach and its profile distribution broken down side by side while one colleague is missing: {both} of {readings} readings.");

        Assert.Equal(8, readings);
        Assert.Equal(0, both);
    }

    /// <summary>
    /// Round 13: a course of everyone assessed in a sub-unit plus one colleague from a sibling unit. Read for the parent
    /// unit (or the whole organisation) it differs from the sub-unit's profile distribution by that one colleague.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_parents_reach_is_not_broken_down_beside_a_sub_units_distribution_that_differs_by_one_colleague(bool inWave)
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var latest = await db.SurveyWaves().OrderBy(w => w.HeldOn).LastAsync();
        var assessed = await db.Assessments().Where(a => a.WaveId == latest.Id).ToListAsync();
        var units = await db.Units().ToDictionaryAsync(u => u.Id);
        var pairs = units.Values.Where(u => u.ParentId is not null && assessed.Count(a => a.UnitId == u.Id) is >= 25 and <= 70 && !units.Values.Any(c => c.ParentId == u.Id))
            .SelectMany(w => units.Values.Where(s => s.ParentId == w.ParentId && s.Id != w.Id && assessed.Any(a => a.UnitId == s.Id)).Take(1).Select(sibling => (Sub: w, Sibling: sibling)))
            .OrderBy(p => p.Sub.Id).Take(4).ToList();
        var writes = new AttackWrites(administrator);

        var (both, readings) = (0, 0);
        for (var i = 0; i < pairs.Count * 2; i++)
        {
            var (sub, sibling) = pairs[i % pairs.Count];
            var target = assessed.Where(a => a.UnitId == sibling.Id).Skip(i / pairs.Count).First().PersonId;
            var course = await writes.CreateInitiativeAsync($"SUB-AND-ONE-{i}-{inWave}", "COURSE", "2026-01-01");
            await writes.RecordAsync(course, assessed.Where(a => a.UnitId == sub.Id).Select(a => a.PersonId).Append(target), "2026-11-02");
            await api.RefreshAnalyticsAsync();
            var data = await administrator.QueryAsync("""
                query($wave: ID!, $grouping: ID, $parent: ID!, $sub: ID!, $course: ID!) {
                  parent: reachMatrix(filter: { waveId: $grouping, unitId: $parent, kinds: [COURSE], from: "2026-01-01" }) { rows { initiative { id } cells { profile { kind } participants } } }
                  course: node(id: $course) { ... on Initiative { reach(waveId: $grouping) { profile { kind } participants } } }
                  node(id: $wave) { ... on SurveyWave { profileDistribution(unitId: $sub) { groups { count } } } } }
                """, new { wave = GlobalIds.Of("SurveyWave", latest.Id), grouping = inWave ? GlobalIds.Of("SurveyWave", latest.Id) : null, parent = GlobalIds.Of("OrganisationUnit", sub.ParentId!.Value), sub = GlobalIds.Of("OrganisationUnit", sub.Id), course });
            static bool BrokenDown(System.Text.Json.Nodes.JsonArray cells) => cells.Any(c => c!["profile"] is not null && c["participants"] is not null);
            var parentShown = BrokenDown(data["parent"]!["rows"]!.AsArray().Single(r => (string)r!["initiative"]!["id"]! == course)!["cells"]!.AsArray());
            var organisationShown = BrokenDown(data["course"]!["reach"]!.AsArray());
            var distributionShown = data["node"]!["profileDistribution"]!["groups"]!.AsArray().Any(g => g!["count"] is not null);
            readings += 2;
            if (parentShown && distributionShown) both++;
            if (organisationShown && distributionShown) both++;
        }
        output.WriteLine($"A parent's (or the organisation's) reach beside a sub-unit's distribution, differing by one colleague, both broken down: {both} of {readings} readings.");

        Assert.True(readings >= 8, $"too few readings ({readings})");
        Assert.Equal(0, both);
    }
    /// <summary>
    /// Round 14 (a review of issue 17): grouped at the start, a course dated before the latest wave places its people by
    /// an earlier wave. Laid beside that wave's distribution of the unit, a course of everyone there but one differs by
    /// the one, while the latest wave (here only newcomers, 20 more than the unit's staff) is far from the row and would let it be broken down.
    /// </summary>
    [Fact]
    public async Task A_row_grouped_at_the_start_is_not_broken_down_beside_the_distribution_of_the_wave_that_placed_it()
    {
        await using var app = new Analytics.CachingApiFactory();
        var administrator = app.CreateGraphQLClient(Roles.Administrator);
        await using var db = app.OpenDb();
        var placing = await db.SurveyWaves().OrderBy(w => w.HeldOn).LastAsync();
        var assessed = await db.Assessments().Where(a => a.WaveId == placing.Id).ToListAsync();
        var units = await db.Units().ToDictionaryAsync(u => u.Id);
        var leaves = assessed.GroupBy(a => a.UnitId).Where(g => g.Count() is >= 12 and <= 80 && !units.Values.Any(u => u.ParentId == g.Key))
            .Select(g => units[g.Key]).OrderBy(u => u.Id).Take(3).ToList();
        // Well over 2k more than the unit's staff in the earlier wave.
        var newcomers = leaves.SelectMany((unit, i) => Enumerable.Range(0, assessed.Count(a => a.UnitId == unit.Id) + 20)
            .Select(n => $"{8_100_000 + i * 1000 + n};{unit.Code};EMPLOYEE;WILLING"));
        var imported = await administrator.QueryAsync("mutation($input: ImportSurveyWaveInput!) { importSurveyWave(input: $input) { errors { __typename } } }",
            new { input = new { year = 2026, content = string.Join('\n', newcomers.Prepend("employee_number;unit_code;role;profile")) } });
        Assert.Equal("[]", imported["importSurveyWave"]!["errors"]!.ToJsonString());
        var writes = new AttackWrites(administrator);

        var (both, readings) = (0, 0);
        foreach (var unit in leaves)
            foreach (var target in assessed.Where(a => a.UnitId == unit.Id).Take(2).Select(a => a.PersonId))
            {
                var course = await writes.CreateInitiativeAsync($"ROUND-14-{unit.Id}-{target}", "COURSE", "2018-01-01");
                await writes.RecordAsync(course, assessed.Where(a => a.UnitId == unit.Id && a.PersonId != target).Select(a => a.PersonId), "2018-02-01");
                await app.RefreshAnalyticsAsync();
                var (rowShown, distributionShown) = await BrokenDownBesideAsync(administrator, course, unit.Id, placing.Id);
                readings++;
                if (rowShown && distributionShown) both++;
            }
        output.WriteLine($"A row grouped at the start beside the placing wave's distribution, differing by one colleague, both broken down: {both} of {readings} readings.");

        Assert.True(readings >= 6, $"too few readings ({readings})");
        Assert.Equal(0, both);
    }

    /// <summary>Whether a course's row for a unit (grouped at the start, the default) and a wave's distribution of the unit are both broken down.</summary>
    private static async Task<(bool Row, bool Distribution)> BrokenDownBesideAsync(GraphQLClient reader, string course, int unit, int wave)
    {
        var data = await reader.QueryAsync("""
            query($wave: ID!, $unit: ID!) {
              reachMatrix(filter: { unitId: $unit, kinds: [COURSE] }) { rows { initiative { id } cells { profile { kind } participants } } }
              node(id: $wave) { ... on SurveyWave { profileDistribution(unitId: $unit) { groups { count } } } } }
            """, new { wave = GlobalIds.Of("SurveyWave", wave), unit = GlobalIds.Of("OrganisationUnit", unit) });
        var row = data["reachMatrix"]!["rows"]!.AsArray().Single(r => (string)r!["initiative"]!["id"]! == course)!["cells"]!.AsArray()
            .Any(c => c!["profile"] is not null && c["participants"] is not null);
        return (row, data["node"]!["profileDistribution"]!["groups"]!.AsArray().Any(g => g!["count"] is not null));
    }

    /// <summary>
    /// Round 15 (the review of round 14's fix): a course between the waves of everyone in a unit who was assessed there
    /// in both, grouped at the start, is placed by the first wave; the second wave's distribution of the unit holds the
    /// same people and one or a few more (new staff), whom the difference would point at.
    /// </summary>
    [Fact]
    public async Task A_row_placed_by_an_earlier_wave_is_not_broken_down_beside_a_later_distribution_that_adds_a_few()
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var waves = await db.SurveyWaves().OrderBy(w => w.HeldOn).ToListAsync();
        var (first, second) = (waves[^2], waves[^1]);
        var assessments = await db.Assessments().Where(a => a.WaveId == first.Id || a.WaveId == second.Id).ToListAsync();
        var units = await db.Units().ToDictionaryAsync(u => u.Id);
        var before = assessments.Where(a => a.WaveId == first.Id).ToDictionary(a => a.PersonId);
        var cases = assessments.Where(a => a.WaveId == second.Id && !units.Values.Any(u => u.ParentId == a.UnitId)).GroupBy(a => a.UnitId)
            .Select(g => (Unit: g.Key, Both: g.Where(a => before.TryGetValue(a.PersonId, out var b) && b.UnitId == a.UnitId && b.Role == a.Role).Select(a => a.PersonId).ToList(), All: g.Count()))
            .Where(c => c.Both.Count >= 10 && c.All - c.Both.Count is >= 1 and <= 9).OrderBy(c => c.Unit).Take(4).ToList();
        var writes = new AttackWrites(administrator);

        var (both, readings) = (0, 0);
        foreach (var (unit, people, _) in cases)
        {
            var course = await writes.CreateInitiativeAsync($"ROUND-15-{unit}", "COURSE", first.HeldOn.AddDays(30).ToString("yyyy-MM-dd"));
            await writes.RecordAsync(course, people, first.HeldOn.AddDays(60).ToString("yyyy-MM-dd"));
            await api.RefreshAnalyticsAsync();
            var (rowShown, distributionShown) = await BrokenDownBesideAsync(administrator, course, unit, second.Id);
            readings++;
            if (rowShown && distributionShown) both++;
        }
        output.WriteLine($"A row placed by the earlier wave beside the later wave's distribution that adds a few, both broken down: {both} of {readings} readings.");

        Assert.True(readings >= 3, $"too few readings ({readings})");
        Assert.Equal(0, both);
    }
}
