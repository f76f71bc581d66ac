using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DigitalInitiativer.Tests.Privacy;

/// <summary>
/// Averaging one cell over many date windows. A kind's row read with different <c>to</c> dates takes in different
/// initiatives elsewhere in the organisation, while the target's unit holds the same people in every window. If its
/// noise were drawn anew in each window, the mean of the readings would give the unit's true counts, and with known
/// colleagues beside the target, the target's profile. The same people in the same slice must read the same.
/// </summary>
public sealed class WindowAttackTests(AttackableApiFactory api, ITestOutputHelper output) : IClassFixture<AttackableApiFactory>
{
    [Fact]
    public async Task A_units_cells_read_the_same_in_every_window_that_differs_only_elsewhere()
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var latest = await db.SurveyWaves().OrderBy(w => w.HeldOn).LastAsync();
        // Employees only: a breakdown of all staff beside one of employees would differ by the unit's leaders.
        var assessed = await db.Assessments().Where(a => a.WaveId == latest.Id && a.Role == PersonRole.Employee).ToListAsync();
        var units = await db.Units().ToDictionaryAsync(u => u.Id);
        string DepartmentOf(int unitId) => units[unitId].Path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "";
        var unit = assessed.GroupBy(a => a.UnitId).Where(g => g.Count() >= 30 && !units.Values.Any(u => u.ParentId == g.Key))
            .Select(g => units[g.Key]).OrderBy(u => u.Id).First();
        var targetAndColleagues = assessed.Where(a => a.UnitId == unit.Id).Take(30).Select(a => a.PersonId).ToList();
        var elsewhere = assessed.Where(a => DepartmentOf(a.UnitId) != DepartmentOf(unit.Id)).Select(a => a.PersonId).ToList();

        var esb = GlobalIds.Of("OrganisationUnit", units.Values.Single(u => u.ParentId == null).Id);
        async Task<string> CreateAsync(string code, string startsOn) => (string)(await administrator.QueryAsync("""
            mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } } }
            """, new { input = new { code, kind = "OTHER", title = code, unitId = esb, startsOn } }))["createInitiative"]!["initiative"]!["id"]!;
        async Task RecordAsync(string initiative, IEnumerable<int> people)
        {
            var items = people.Select(id => new { personId = GlobalIds.Of("Person", id), initiativeId = initiative, status = "COMPLETED", enrolledOn = "2026-11-02" }).ToArray();
            var payload = await administrator.QueryAsync("mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { errors { __typename } } }",
                new { input = new { items } });
            Assert.Empty(payload["recordParticipations"]!["errors"]!.AsArray());
        }
        await RecordAsync(await CreateAsync("WINDOW-TARGET", "2026-01-01"), targetAndColleagues);
        // Decoys: one more initiative elsewhere each month, so every window's row holds different people outside the unit.
        for (var month = 2; month <= 10; month++)
            await RecordAsync(await CreateAsync($"WINDOW-DECOY-{month}", $"2026-{month:00}-01"), elsewhere.Skip(month * 15).Take(12 + month));
        await api.RefreshAnalyticsAsync();

        var unitReadings = new List<string?[]>();
        var organisationTotals = new HashSet<string?>();
        for (var month = 1; month <= 10; month++)
        {
            var data = await administrator.QueryAsync("""
                query($wave: ID!, $unit: ID!, $to: Date!) {
                  unit: reachMatrix(filter: { waveId: $wave, unitId: $unit, kinds: [OTHER], from: "2026-01-01", to: $to, groupByKind: true }) { rows { totalParticipants cells { participants } } }
                  everyone: reachMatrix(filter: { waveId: $wave, kinds: [OTHER], from: "2026-01-01", to: $to, groupByKind: true }) { rows { totalParticipants } } }
                """, new { wave = GlobalIds.Of("SurveyWave", latest.Id), unit = GlobalIds.Of("OrganisationUnit", unit.Id), to = $"2026-{month:00}-15" });
            var row = data["unit"]!["rows"]![0]!;
            unitReadings.Add([row["totalParticipants"]?.ToJsonString(), .. row["cells"]!.AsArray().Select(c => c!["participants"]?.ToJsonString())]);
            organisationTotals.Add(data["everyone"]!["rows"]![0]!["totalParticipants"]?.ToJsonString());
        }

        var distinctPerCell = Enumerable.Range(0, unitReadings[0].Length)
            .Select(cell => unitReadings.Select(r => r[cell]).Where(v => v is not null).Distinct().Count()).ToList();
        output.WriteLine($"Organisation totals over 10 windows: {string.Join(", ", organisationTotals)}");
        output.WriteLine($"Distinct readings of the unit's cells: {string.Join(", ", distinctPerCell)}");

        Assert.True(organisationTotals.Count >= 5, "the windows should differ elsewhere in the organisation");
        Assert.True(unitReadings.Count(r => r.Skip(1).Take(4).Any(v => v is not null)) >= 5, "the unit should be broken down in most windows");
        Assert.All(distinctPerCell, count => Assert.True(count <= 1, "one cell read differently in two windows"));
    }
}
