using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DigitalInitiativer.Tests.Privacy;

/// <summary>
/// Many versions of one row in one day. Each version that holds the same people in a cell but places other people
/// differently draws that cell's noise anew, and averaging the versions gives the true count (red-team round 7: 43 of
/// 45 profiles named with 8 decoys inside the target's unit, read through 37 date windows of a kind's row). And two
/// readings of one cell that differ only in how others are grouped tell, by being equal or not, whether they moved.
/// </summary>
public sealed class WindowAttackTests(AttackableApiFactory api, ITestOutputHelper output) : IClassFixture<AttackableApiFactory>
{
    [Fact]
    public async Task Decoys_inside_the_unit_give_no_more_readings_of_its_profile_cells_than_the_groupings()
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var waves = await db.SurveyWaves().OrderBy(w => w.HeldOn).ToListAsync();
        var latest = waves[^1];
        var assessed = await db.Assessments().Where(a => a.WaveId == latest.Id && a.Role == PersonRole.Employee).ToListAsync();
        var assessedIds = assessed.Select(a => a.PersonId).ToHashSet();
        var units = await db.Units().ToDictionaryAsync(u => u.Id);
        var persons = await db.Persons().Where(p => p.ErasedAtUtc == null).Select(p => new { p.Id, p.UnitId }).ToListAsync();
        var unit = assessed.GroupBy(a => a.UnitId)
            .Where(g => g.Count() >= 30 && !units.Values.Any(u => u.ParentId == g.Key) && persons.Count(p => p.UnitId == g.Key && !assessedIds.Contains(p.Id)) >= 8)
            .Select(g => units[g.Key]).OrderBy(u => u.Id).First();
        var targetAndColleagues = assessed.Where(a => a.UnitId == unit.Id).Take(30).Select(a => a.PersonId).ToList();
        var unassessedDecoys = persons.Where(p => p.UnitId == unit.Id && !assessedIds.Contains(p.Id)).Take(8).Select(p => p.Id).ToList();

        var esb = GlobalIds.Of("OrganisationUnit", units.Values.Single(u => u.ParentId == null).Id);
        async Task<string> CreateAsync(string code, string startsOn, string? endsOn) => (string)(await administrator.QueryAsync("""
            mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } } }
            """, new { input = new { code, kind = "OTHER", title = code, unitId = esb, startsOn, endsOn } }))["createInitiative"]!["initiative"]!["id"]!;
        async Task RecordAsync(string initiative, IEnumerable<int> people)
        {
            var items = people.Select(id => new { personId = GlobalIds.Of("Person", id), initiativeId = initiative, status = "COMPLETED", enrolledOn = "2026-11-02" }).ToArray();
            var payload = await administrator.QueryAsync("mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { errors { __typename } } }",
                new { input = new { items } });
            Assert.Empty(payload["recordParticipations"]!["errors"]!.AsArray());
        }
        await RecordAsync(await CreateAsync("VERSION-TARGET", "2026-01-01", null), targetAndColleagues);
        // One decoy a month, each one unassessed colleague of the same unit: windows over them would make 37 versions of the unit.
        for (var month = 2; month <= 9; month++)
            await RecordAsync(await CreateAsync($"VERSION-DECOY-{month}", $"2026-{month:00}-01", $"2026-{month:00}-20"), [unassessedDecoys[month - 2]]);
        await api.RefreshAnalyticsAsync();

        var readings = new Dictionary<(string Wave, int Cell), HashSet<string>>();
        var refused = 0;
        foreach (var wave in waves)
        {
            var waveId = GlobalIds.Of("SurveyWave", wave.Id);
            var unitId = GlobalIds.Of("OrganisationUnit", unit.Id);
            void Read(System.Text.Json.Nodes.JsonNode row)
            {
                var cells = row["cells"]!.AsArray();
                for (var cell = 0; cell < 4; cell++)
                    if (cells[cell]!["participants"] is { } value)
                    {
                        if (!readings.TryGetValue((wave.Year.ToString(), cell), out var seen)) readings[(wave.Year.ToString(), cell)] = seen = [];
                        seen.Add(value.ToJsonString());
                    }
            }
            for (var from = 1; from <= 9; from++)
                for (var to = from; to <= 9; to++)
                {
                    var windowed = await administrator.PostAsync("""
                        query($wave: ID!, $unit: ID!, $from: Date!, $to: Date!) {
                          reachMatrix(filter: { waveId: $wave, unitId: $unit, kinds: [OTHER], from: $from, to: $to, groupByKind: true }) { rows { cells { participants } } } }
                        """, new { wave = waveId, unit = unitId, from = $"2026-{from:00}-01", to = $"2026-{to:00}-28" });
                    if (windowed.ErrorCodes.SequenceEqual(["CONFLICTING_FILTERS"])) refused++;
                    else Read(windowed.Data["reachMatrix"]!["rows"]![0]!);
                    var rows = (await administrator.QueryAsync("""
                        query($wave: ID!, $unit: ID!, $from: Date!, $to: Date!) {
                          reachMatrix(filter: { waveId: $wave, unitId: $unit, kinds: [OTHER], from: $from, to: $to }) { rows { initiative { code } cells { participants } } } }
                        """, new { wave = waveId, unit = unitId, from = $"2026-{from:00}-01", to = $"2026-{to:00}-28" }))["reachMatrix"]!["rows"]!.AsArray();
                    Read(rows.Single(r => (string)r!["initiative"]!["code"]! == "VERSION-TARGET")!);
                }
            Read((await administrator.QueryAsync("""
                query($wave: ID!, $unit: ID!) { reachMatrix(filter: { waveId: $wave, unitId: $unit, kinds: [OTHER], groupByKind: true }) { rows { cells { participants } } } }
                """, new { wave = waveId, unit = unitId }))["reachMatrix"]!["rows"]![0]!);
        }
        output.WriteLine($"Windowed reads of the kind's row refused: {refused} of 90. Distinct readings per wave and profile cell: "
            + string.Join(", ", readings.Select(r => $"{r.Key.Wave}/{r.Key.Cell}: {r.Value.Count}")));

        Assert.Equal(90, refused);
        Assert.NotEmpty(readings);
        // The initiative's own row and the kind's row: two versions per grouping, however many decoys and windows.
        Assert.All(readings.Values, seen => Assert.True(seen.Count <= 2, $"{seen.Count} readings of one cell"));
    }

    [Fact]
    public async Task A_rows_total_reads_the_same_grouped_by_either_wave_whether_or_not_the_target_changed_profile()
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var waves = await db.SurveyWaves().OrderBy(w => w.HeldOn).ToListAsync();
        var both = await db.Assessments().Where(a => a.WaveId == waves[0].Id).Join(db.Assessments().Where(a => a.WaveId == waves[1].Id),
            first => first.PersonId, second => second.PersonId, (first, second) => new { first.PersonId, Before = first.Profile, After = second.Profile }).ToListAsync();
        var stayed = both.Where(p => p.Before == p.After).Select(p => p.PersonId).ToList();
        var targets = both.Where(p => p.Before != p.After).Take(12).Concat(both.Where(p => p.Before == p.After).Skip(200).Take(12)).ToList();
        var esb = (string)(await administrator.QueryAsync("""{ organisationUnit(code: "ESB") { id } }"""))["organisationUnit"]!["id"]!;

        for (var i = 0; i < targets.Count; i++)
        {
            var initiative = (string)(await administrator.QueryAsync("""
                mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } } }
                """, new { input = new { code = $"TOTAL-{i}", kind = "COURSE", title = $"Total {i}", unitId = esb, startsOn = "2026-12-01" } }))["createInitiative"]!["initiative"]!["id"]!;
            var people = stayed.Skip(i * 10).Take(10).Append(targets[i].PersonId);
            var items = people.Select(id => new { personId = GlobalIds.Of("Person", id), initiativeId = initiative, status = "COMPLETED", enrolledOn = "2026-12-01" }).ToArray();
            await administrator.QueryAsync("mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { errors { __typename } } }", new { input = new { items } });
        }
        await api.RefreshAnalyticsAsync();

        async Task<Dictionary<string, string?>> TotalsAsync(int wave) =>
            (await administrator.QueryAsync("query($wave: ID!) { reachMatrix(filter: { waveId: $wave, kinds: [COURSE] }) { rows { initiative { code } totalParticipants } } }",
                new { wave = GlobalIds.Of("SurveyWave", waves[wave].Id) }))["reachMatrix"]!["rows"]!.AsArray()
                .Where(r => ((string)r!["initiative"]!["code"]!).StartsWith("TOTAL-", StringComparison.Ordinal))
                .ToDictionary(r => (string)r!["initiative"]!["code"]!, r => r!["totalParticipants"]?.ToJsonString());
        var (first, second) = (await TotalsAsync(0), await TotalsAsync(1));
        var equal = targets.Select((target, i) => (Moved: target.Before != target.After, Equal: first[$"TOTAL-{i}"] == second[$"TOTAL-{i}"])).ToList();
        output.WriteLine($"Totals equal in both groupings: {equal.Count(e => e.Moved && e.Equal)} of 12 who moved, {equal.Count(e => !e.Moved && e.Equal)} of 12 who stayed.");

        Assert.All(equal, e => Assert.True(e.Equal, "a total read differently by wave"));
    }
}
