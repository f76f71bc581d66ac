using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Imports;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
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

        var writes = new AttackWrites(administrator);
        await writes.RecordAsync(await writes.CreateInitiativeAsync("VERSION-TARGET", "OTHER", "2026-01-01"), targetAndColleagues, "2026-11-02");
        // One decoy a month, each one unassessed colleague of the same unit: windows over them would make 37 versions of the unit.
        for (var month = 2; month <= 9; month++)
            await writes.RecordAsync(await writes.CreateInitiativeAsync($"VERSION-DECOY-{month}", "OTHER", $"2026-{month:00}-01", $"2026-{month:00}-20"), [unassessedDecoys[month - 2]], "2026-11-02");
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

    /// <summary>
    /// Round 7 compared totals, round 8 every cell: a row of one target beside colleagues who kept their profile reads
    /// the same grouped by either wave exactly when the target kept theirs too, unless the grouping is part of the noise.
    /// </summary>
    [Fact]
    public async Task A_rows_readings_grouped_by_either_wave_do_not_tell_whether_the_target_changed_profile()
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var waves = await db.SurveyWaves().OrderBy(w => w.HeldOn).ToListAsync();
        var both = await db.Assessments().Where(a => a.WaveId == waves[0].Id).Join(db.Assessments().Where(a => a.WaveId == waves[1].Id),
            first => first.PersonId, second => second.PersonId, (first, second) => new { first.PersonId, Before = first.Profile, After = second.Profile }).ToListAsync();
        var stayers = both.Where(p => p.Before == p.After).GroupBy(p => p.After).Where(g => g.Count() >= 100)
            .Select(g => new Queue<int>(g.Select(p => p.PersonId))).ToList();
        var targets = both.Where(p => p.Before != p.After).Take(8).Concat(both.Where(p => p.Before == p.After).Reverse().Take(8)).ToList();
        var writes = new AttackWrites(administrator);
        for (var i = 0; i < targets.Count; i++)
        {
            // Colleagues who kept their profile, 9 in each of the larger groups, and the target.
            var people = stayers.SelectMany(group => Enumerable.Range(0, 9).Select(_ => group.Dequeue())).Where(id => id != targets[i].PersonId).Append(targets[i].PersonId);
            await writes.RecordAsync(await writes.CreateInitiativeAsync($"TOTAL-{i}", "COURSE", "2026-12-01"), people, "2026-11-02");
        }
        await api.RefreshAnalyticsAsync();

        async Task<Dictionary<string, string?[]>> RowsAsync(int wave) =>
            (await administrator.QueryAsync("query($wave: ID!) { reachMatrix(filter: { waveId: $wave, kinds: [COURSE] }) { rows { initiative { code } totalParticipants cells { participants } } } }",
                new { wave = GlobalIds.Of("SurveyWave", waves[wave].Id) }))["reachMatrix"]!["rows"]!.AsArray()
                .Where(r => ((string)r!["initiative"]!["code"]!).StartsWith("TOTAL-", StringComparison.Ordinal))
                .ToDictionary(r => (string)r!["initiative"]!["code"]!, r => (string?[])[r!["totalParticipants"]?.ToJsonString(), .. r["cells"]!.AsArray().Select(c => c!["participants"]?.ToJsonString())]);
        var (first, second) = (await RowsAsync(0), await RowsAsync(1));
        bool TotalsEqual(int i) => first[$"TOTAL-{i}"][0] == second[$"TOTAL-{i}"][0];
        bool CellsEqual(int i) => Enumerable.Range(1, 5).Where(c => first[$"TOTAL-{i}"][c] is not null && second[$"TOTAL-{i}"][c] is not null).ToList() is { Count: > 0 } shown
            && shown.All(c => first[$"TOTAL-{i}"][c] == second[$"TOTAL-{i}"][c]);
        var stayed = Enumerable.Range(0, targets.Count).Where(i => targets[i].Before == targets[i].After).ToList();
        var moved = Enumerable.Range(0, targets.Count).Except(stayed).ToList();
        output.WriteLine($"Totals equal in both groupings: {moved.Count(TotalsEqual)} of {moved.Count} who moved, {stayed.Count(TotalsEqual)} of {stayed.Count} who stayed. "
            + $"Every shown profile cell equal: {moved.Count(CellsEqual)} of {moved.Count} who moved, {stayed.Count(CellsEqual)} of {stayed.Count} who stayed.");

        Assert.All(Enumerable.Range(0, targets.Count), i => Assert.True(TotalsEqual(i), "a total read differently by wave"));
        // Equal cells in both groupings happen by chance only (1 in 9 per cell), for stayers as for movers.
        Assert.True(stayed.Count(CellsEqual) <= 2, $"{stayed.Count(CellsEqual)} of {stayed.Count} stayers read the same in both groupings");
    }

    /// <summary>
    /// Round 8: many small decoy initiatives in one unit, each a scope of profileTransitions. Non-participants drawn on
    /// their own per scope gave 30 readings of nearly the same people (62 of 64 cells exact). Derived from the fixed
    /// table for everyone, non-participants plus participants give the same everyone in every scope.
    /// </summary>
    [Fact]
    public async Task Non_participants_of_many_decoy_scopes_add_up_with_the_participants_to_one_reading_of_everyone()
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var waves = await db.SurveyWaves().OrderBy(w => w.HeldOn).ToListAsync();
        var inBoth = await db.Assessments().Where(a => a.WaveId == waves[0].Id).Join(db.Assessments().Where(a => a.WaveId == waves[1].Id),
            first => first.PersonId, second => second.PersonId, (first, second) => new { first.PersonId, first.UnitId }).ToListAsync();
        var unitId = inBoth.GroupBy(a => a.UnitId).Where(g => g.Count() is >= 50 and <= 100).Select(g => g.Key).Order().First();
        var colleagues = inBoth.Where(a => a.UnitId == unitId).Select(a => a.PersonId).ToList();
        var writes = new AttackWrites(administrator);
        var random = new Random(8);
        var decoys = new List<string>();
        for (var d = 0; d < 10; d++)
        {
            var initiative = await writes.CreateInitiativeAsync($"DECOY-{d}", "OTHER", "2016-01-01");
            await writes.RecordAsync(initiative, colleagues.OrderBy(_ => random.Next()).Take(14), "2016-05-01");
            decoys.Add(initiative);
        }
        await api.RefreshAnalyticsAsync();

        var everyoneReadings = new HashSet<string>();
        var nonParticipantNs = new HashSet<string?>();
        foreach (var decoy in decoys)
        {
            var transitions = (await administrator.QueryAsync("""
                query($from: ID!, $to: ID!, $initiative: ID!, $unit: ID!) {
                  profileTransitions(fromWaveId: $from, toWaveId: $to, filter: { initiativeId: $initiative, unitId: $unit }) {
                    all { n } participants { n } nonParticipants { n } } }
                """, new { from = GlobalIds.Of("SurveyWave", waves[0].Id), to = GlobalIds.Of("SurveyWave", waves[1].Id), initiative = decoy, unit = GlobalIds.Of("OrganisationUnit", unitId) }))["profileTransitions"]!;
            var (all, part, rest) = ((long?)transitions["all"]!["n"], (long?)transitions["participants"]!["n"], (long?)transitions["nonParticipants"]!["n"]);
            nonParticipantNs.Add(rest?.ToString());
            if (part is { } p && rest is { } r) everyoneReadings.Add($"{p + r}");
            if (all is { } a && rest is not null) Assert.Equal(a, part + rest);
        }
        output.WriteLine($"Non-participants of {decoys.Count} decoy scopes: n read as {string.Join(", ", nonParticipantNs)}; participants + non-participants: {string.Join(", ", everyoneReadings)}.");

        Assert.NotEmpty(everyoneReadings);
        Assert.Single(everyoneReadings);
    }
}

/// <summary>
/// Round 9: an administrator pads a row with people an import makes up (never assessed), and erases them one at a
/// time. Erasure changes figures at once, so each erasure was a fresh reading of the row's profile cells (40 of 40
/// profiles named in one day). Unassessed people are not part of the profile cells' placement: their coming and going
/// redraws no profile cell.
/// </summary>
public sealed class ErasedPaddingAttackTests(AttackableApiFactory api, ITestOutputHelper output) : IClassFixture<AttackableApiFactory>
{
    [Fact]
    public async Task Erasing_made_up_unassessed_people_one_at_a_time_redraws_no_profile_cell()
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var latest = await db.SurveyWaves().OrderBy(w => w.HeldOn).LastAsync();
        var assessed = await db.Assessments().Where(a => a.WaveId == latest.Id).OrderBy(a => a.PersonId).Take(40).Select(a => a.PersonId).ToListAsync();
        var writes = new AttackWrites(administrator);
        await writes.RecordAsync(await writes.CreateInitiativeAsync("PADDED", "COURSE", "2026-01-01"), assessed, "2026-11-02");
        var madeUp = Enumerable.Range(0, 12).Select(i => $"99000{i:00}").ToList();
        var csv = "employee_number;initiative_code;status;started_on;completed_on;score\n" + string.Concat(madeUp.Select(number => $"{number};PADDED;COMPLETED;2026-11-02;;\n"));
        var imported = await administrator.QueryAsync("mutation($input: ImportParticipationsInput!) { importParticipations(input: $input) { importReport { personsCreated } errors { __typename } } }",
            new { input = new { content = csv } });
        Assert.Equal(12, (int)imported["importParticipations"]!["importReport"]!["personsCreated"]!);
        await api.RefreshAnalyticsAsync();
        var padding = await db.Participations().Where(p => p.Initiative!.Code == "PADDED" && !assessed.Contains(p.PersonId)).Select(p => p.PersonId).ToListAsync();

        var readings = new List<string>();
        async Task ReadAsync() => readings.Add(string.Join(",", (await administrator.QueryAsync("""
            query($wave: ID!) { reachMatrix(filter: { waveId: $wave, kinds: [COURSE] }) { rows { initiative { code } cells { participants } } } }
            """, new { wave = GlobalIds.Of("SurveyWave", latest.Id) }))["reachMatrix"]!["rows"]!.AsArray()
            .Single(r => (string)r!["initiative"]!["code"]! == "PADDED")!["cells"]!.AsArray().Take(4).Select(c => c!["participants"]?.ToJsonString() ?? "-")));
        await ReadAsync();
        foreach (var person in padding)
        {
            var erased = await administrator.QueryAsync("mutation($input: ErasePersonInput!) { erasePerson(input: $input) { errors { __typename } } }",
                new { input = new { personId = GlobalIds.Of("Person", person) } });
            Assert.Empty(erased["erasePerson"]!["errors"]!.AsArray());
            await ReadAsync();
        }
        output.WriteLine($"Profile cells over {padding.Count} erasures: {string.Join(" | ", readings.Distinct())}");

        Assert.Equal(12, padding.Count);
        Assert.Contains(readings[0].Split(','), cell => cell != "-");
        Assert.Single(readings.Distinct());
    }
}

/// <summary>
/// Round 10: unit-tree and survey-wave imports place people in the figures at once, so re-importing a made-up wave,
/// or moving units back and forth, redrew every row each time (39 of 40 profiles named in seconds). Through the API
/// each kind now applies at most once per refresh period.
/// </summary>
public sealed class PlacementImportAttackTests(AttackableApiFactory api) : IClassFixture<AttackableApiFactory>
{
    [Fact]
    public async Task A_second_unit_tree_or_survey_wave_within_the_refresh_period_is_refused_and_changes_nothing()
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        const string Units = "mutation($content: String!, $dryRun: Boolean) { importUnits(input: { content: $content, dryRun: $dryRun }) { importReport { applied } errors { __typename ... on UserError { code } ... on ImportTooSoonError { retryAfter } } } }";
        const string Survey = "mutation($content: String!) { importSurveyWave(input: { year: 2016, heldOn: \"2016-04-15\", content: $content }) { importReport { applied } errors { __typename ... on UserError { code } } } }";
        await using var db = api.OpenDb();
        var unit = await db.Units().Where(u => u.ParentId != null).OrderBy(u => u.Id).Select(u => new { u.Code, u.Name, Parent = db.Units().Single(p => p.Id == u.ParentId).Code }).FirstAsync();
        var top = await db.Units().Where(u => u.ParentId == null).Select(u => u.Code).SingleAsync();
        string Tree(string parent) => $"code;name;parent_code\n{unit.Code};{unit.Name};{parent}\n";

        var moved = await administrator.QueryAsync(Units, new { content = Tree(top) });
        var checkedOnly = await administrator.QueryAsync(Units, new { content = Tree(unit.Parent), dryRun = true });
        var movedBack = await administrator.QueryAsync(Units, new { content = Tree(unit.Parent) });
        var wave = "employee_number;unit_code;role;profile\n" + string.Concat(Enumerable.Range(0, 5).Select(i => $"88000{i};{unit.Code};EMPLOYEE;WILLING\n"));
        var firstWave = await administrator.QueryAsync(Survey, new { content = wave });
        var againWave = await administrator.QueryAsync(Survey, new { content = wave.Replace("WILLING", "HESITANT") });

        Assert.True((bool)moved["importUnits"]!["importReport"]!["applied"]!);
        Assert.Empty(checkedOnly["importUnits"]!["errors"]!.AsArray());
        Assert.Equal("IMPORT_TOO_SOON", (string?)movedBack["importUnits"]!["errors"]![0]!["code"]);
        Assert.NotNull(movedBack["importUnits"]!["errors"]![0]!["retryAfter"]);
        Assert.Equal(top, await db.Units().Where(u => u.Code == unit.Code).Select(u => db.Units().Single(p => p.Id == u.ParentId).Code).SingleAsync());
        Assert.True((bool)firstWave["importSurveyWave"]!["importReport"]!["applied"]!);
        Assert.Equal("IMPORT_TOO_SOON", (string?)againWave["importSurveyWave"]!["errors"]![0]!["code"]);
        Assert.Equal(0, await db.Assessments().CountAsync(a => a.Wave!.Year == 2016 && a.Profile == Api.Profiles.CompetenceProfileKind.Hesitant));
    }
}

/// <summary>Round 11: imports sent at the same moment all passed a check made before any of them was written.</summary>
public sealed class ConcurrentPlacementImportTests(AttackableApiFactory api) : IClassFixture<AttackableApiFactory>
{
    [Fact]
    public async Task Of_eight_survey_waves_sent_at_once_exactly_one_applies()
    {
        const string Survey = "mutation($content: String!) { importSurveyWave(input: { year: 2016, heldOn: \"2016-04-15\", content: $content }) { importReport { applied } errors { ... on UserError { code } } } }";
        await using var db = api.OpenDb();
        var unit = await db.Units().Where(u => u.ParentId != null).OrderBy(u => u.Id).Select(u => u.Code).FirstAsync();
        string[] profiles = ["AWAITING", "HESITANT", "WILLING", "SELF_DRIVEN"];
        var waves = Enumerable.Range(0, 8).Select(attempt => "employee_number;unit_code;role;profile\n"
            + string.Concat(Enumerable.Range(0, 40).Select(i => $"77{i:0000};{unit};EMPLOYEE;{profiles[(i + attempt) % 4]}\n"))).ToList();

        var answers = await Task.WhenAll(waves.Select(content => api.CreateGraphQLClient(Roles.Administrator).QueryAsync(Survey, new { content })));

        var applied = answers.Count(a => a["importSurveyWave"]!["importReport"] is JsonObject report && (bool)report["applied"]!);
        var refused = answers.Count(a => a["importSurveyWave"]!["errors"]!.AsArray().Any(e => (string?)e!["code"] == "IMPORT_TOO_SOON"));
        Assert.Equal((1, 7), (applied, refused));
        Assert.Equal(1, await db.PlacementImports().CountAsync(i => i.Kind == ImportKind.Survey));
    }

    [Fact]
    public async Task A_rejected_unit_tree_gives_the_period_back_so_the_corrected_file_applies()
    {
        const string Units = "mutation($content: String!) { importUnits(input: { content: $content }) { importReport { applied } errors { ... on UserError { code } } } }";
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var unit = await db.Units().Where(u => u.ParentId != null).OrderBy(u => u.Id).Select(u => new { u.Code, u.Name, Parent = db.Units().Single(p => p.Id == u.ParentId).Code }).FirstAsync();

        var rejected = await administrator.QueryAsync(Units, new { content = $"code;name;parent_code\n{unit.Code};;NO-SUCH-UNIT\n" });
        var corrected = await administrator.QueryAsync(Units, new { content = $"code;name;parent_code\n{unit.Code};{unit.Name};{unit.Parent}\n" });

        Assert.Equal("IMPORT_REJECTED", (string?)rejected["importUnits"]!["errors"]![0]!["code"]);
        Assert.True((bool)corrected["importUnits"]!["importReport"]!["applied"]!, corrected.ToJsonString());
        Assert.Equal(1, await db.PlacementImports().CountAsync(i => i.Kind == ImportKind.Units));
    }
}
