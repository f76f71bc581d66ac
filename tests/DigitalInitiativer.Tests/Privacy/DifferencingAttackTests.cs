using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Analytics;
using DigitalInitiativer.Tests.Competitions;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DigitalInitiativer.Tests.Privacy;

/// <summary>The demo app as it runs (perturbation on). The mutation limit is raised only so the attacks run quickly; a patient attacker waits.</summary>
public class AttackableApiFactory : ApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("GraphQL:MutationsPerMinute", "100000")];
}

/// <summary>The same app with perturbation off, to show that each attack works where only suppression protects.</summary>
public sealed class ExactFiguresApiFactory : AttackableApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Analytics:MaximumPerturbation", "0")];
}

/// <summary>
/// Differencing: the attacker compares answers around a write they make, or lays two published tables side by side.
/// Each attack runs against the protected app, where it must do no better than the rate documented in
/// docs/analytics.md, and against the same app without perturbation, where it must succeed, so the test can fail.
/// </summary>
public sealed class DifferencingAttackTests(AttackableApiFactory protectedApi, ExactFiguresApiFactory exactApi, ITestOutputHelper output)
    : IClassFixture<AttackableApiFactory>, IClassFixture<ExactFiguresApiFactory>
{
    /// <summary>The documented bounds (docs/analytics.md, "What the tests attack").</summary>
    public const double ManagerAttackBound = 0.60, TablePairingBound = 0.30, MoveAttackBound = 0.45, RolePairAdvantageBound = 0.10, OutsiderAttackBound = 0.40;

    private static readonly string[] Groups = ["AWAITING", "HESITANT", "WILLING", "SELF_DRIVEN", "UNASSESSED"];

    [Theory]
    [InlineData(4)] // just below k: the target pushes their group over the threshold (the red team's design)
    [InlineData(8)] // well above k: only the perturbed counts move
    public async Task A_manager_who_records_a_colleague_beside_colleagues_of_known_profile_names_their_profile_no_more_often_than_documented(int anchorsPerGroup)
    {
        var hit = await ManagerAttackAsync(protectedApi, anchorsPerGroup, targetsPerProfile: 15);
        var exact = await ManagerAttackAsync(exactApi, anchorsPerGroup, targetsPerProfile: 4);
        output.WriteLine($"Manager differencing, {anchorsPerGroup} known colleagues per group: {hit:P0} right with perturbation, {exact:P0} without; guessing gives 25 %.");

        Assert.True(exact >= 0.9, $"without perturbation the attack should work ({exact:P0}); otherwise this test proves nothing");
        Assert.True(hit <= ManagerAttackBound, $"the attacker named {hit:P0} of the profiles; the documented bound is {ManagerAttackBound:P0}");
    }

    /// <summary>
    /// The attack as a manager can run it, with the most an attacker could know: a fresh initiative with
    /// <paramref name="anchors"/> colleagues of known profile in every group (taking part since 2016, so reach grouped at
    /// the start places them by their 2015 profile and reach in the latest wave by their 2017 one: two independent
    /// readings), then for each target: record them, read reach both ways, name the most likely group, withdraw them.
    /// </summary>
    private static async Task<double> ManagerAttackAsync(ApiFactory api, int anchors, int targetsPerProfile)
    {
        var manager = api.CreateGraphQLClient(Roles.InitiativeManager);
        await using var db = api.OpenDb();
        var waves = await db.SurveyWaves().OrderBy(w => w.HeldOn).ToListAsync();
        var (first, latest) = (waves[0], waves[^1]);
        var profileIn = await db.Assessments().GroupBy(a => a.WaveId).ToDictionaryAsync(g => g.Key, g => g.ToDictionary(a => a.PersonId, a => a.Profile));
        int Group(int personId, int waveId) => profileIn[waveId].TryGetValue(personId, out var kind) ? (int)kind - 1 : 4;

        // Anchors: assessed in both waves, chosen so that every group holds exactly `anchors` of them by their latest profile.
        var both = profileIn[latest.Id].Keys.Where(profileIn[first.Id].ContainsKey).Order().ToList();
        var anchorIds = both.GroupBy(id => Group(id, latest.Id)).SelectMany(g => g.Take(anchors)).ToList();
        var targets = profileIn[latest.Id].Keys.Except(anchorIds).Order().GroupBy(id => Group(id, latest.Id))
            .SelectMany(g => g.Skip(anchors).Take(targetsPerProfile)).ToList();
        // What the attacker knows: how many anchors sit in each group of each reading.
        long[][] baseCounts = [CountsBy(anchorIds, id => Group(id, first.Id)), CountsBy(anchorIds, id => Group(id, latest.Id))];

        var unit = (string)(await manager.QueryAsync("""{ organisationUnit(code: "ESB") { id } }"""))["organisationUnit"]!["id"]!;
        var initiative = (string)(await manager.QueryAsync("""
            mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } } }
            """, new { input = new { code = $"ATTACK-{anchors}", kind = "DROP_IN_CAFE", title = "Forsøgscafé", unitId = unit, startsOn = "2016-01-01" } }))["createInitiative"]!["initiative"]!["id"]!;
        var recorded = await manager.QueryAsync("mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { errors { __typename } } }",
            new { input = new { items = anchorIds.Select(id => Participation(id, initiative, "COMPLETED", "2016-06-01")).ToArray() } });
        Assert.Empty(recorded["recordParticipations"]!["errors"]!.AsArray());
        await api.RefreshAnalyticsAsync();

        var before = await ReachAsync(manager, initiative, latest.Id);
        var right = 0;
        foreach (var target in targets)
        {
            await RecordAsync(api, manager, Participation(target, initiative, "COMPLETED", "2026-11-02"));
            var after = await ReachAsync(manager, initiative, latest.Id);
            var guess = api is ExactFiguresApiFactory ? LargestRise(before, after) : MostLikelyGroup(baseCounts, after, ProtectedFigures.DefaultMaximumPerturbation);
            if (guess == Group(target, latest.Id)) right++;

            // Withdrawn, the row holds the same people as before, and gives exactly the same answer as before.
            await RecordAsync(api, manager, Participation(target, initiative, "WITHDRAWN", "2026-11-02"));
            Assert.Equal(before, await ReachAsync(manager, initiative, latest.Id));
        }
        return (double)right / targets.Count;
    }

    private static long[] CountsBy(IEnumerable<int> people, Func<int, int> group)
    {
        var counts = new long[Groups.Length];
        foreach (var id in people) counts[group(id)]++;
        return counts;
    }

    private static object Participation(int personId, string initiativeId, string status, string on) =>
        new { personId = GlobalIds.Of("Person", personId), initiativeId, status, enrolledOn = on, startedOn = on };

    /// <summary>A write, read by the attacker once the figures count it: after the next refresh, a day later in a real installation.</summary>
    private static async Task RecordAsync(ApiFactory api, GraphQLClient manager, object input)
    {
        var payload = await manager.QueryAsync("mutation($input: RecordParticipationInput!) { recordParticipation(input: $input) { errors { __typename } } }", new { input });
        Assert.Empty(payload["recordParticipation"]!["errors"]!.AsArray());
        await api.RefreshAnalyticsAsync();
    }

    /// <summary>Reach grouped at each participant's start, and in the latest wave: for a new participant both place them by their latest profile.</summary>
    private static async Task<long?[][]> ReachAsync(GraphQLClient manager, string initiative, int latestWave)
    {
        var node = (await manager.QueryAsync("""
            query($id: ID!, $wave: ID!) { node(id: $id) { ... on Initiative { atStart: reach { participants } inWave: reach(waveId: $wave) { participants } } } }
            """, new { id = initiative, wave = GlobalIds.Of("SurveyWave", latestWave) }))["node"]!;
        return [Cells(node["atStart"]!), Cells(node["inWave"]!)];

        static long?[] Cells(JsonNode reach) => reach.AsArray().Select(c => (long?)c!["participants"]).ToArray();
    }

    /// <summary>
    /// The attacker who knows the method and the anchors: for each group the target could be in, how likely is what the
    /// two readings show? A count c is shown as c + n (n uniform from −D to D) when that is at least k, and withheld otherwise.
    /// </summary>
    private static int MostLikelyGroup(long[][] baseCounts, long?[][] shown, int d)
    {
        const int K = ProtectedFigures.DefaultMinimumGroupSize;
        double Chance(long count, long? seen) => seen is { } value
            ? (value >= K && Math.Abs(value - count) <= d ? 1.0 / (2 * d + 1) : 0)
            : Enumerable.Range(-d, 2 * d + 1).Count(n => count + n < K) / (2.0 * d + 1);
        var best = (Group: 0, Likelihood: double.NegativeInfinity);
        for (var group = 0; group < Groups.Length; group++)
        {
            var likelihood = 0.0;
            for (var reading = 0; reading < shown.Length; reading++)
                for (var cell = 0; cell < Groups.Length; cell++)
                    likelihood += Math.Log(Chance(baseCounts[reading][cell] + (cell == group ? 1 : 0), shown[reading][cell]) + 1e-12);
            if (likelihood > best.Likelihood) best = (group, likelihood);
        }
        return best.Group;
    }

    /// <summary>
    /// Without perturbation the attacker needs no model: in the latest wave's grouping, where the anchors fill every
    /// group, the target's group is the one that rose (or appeared).
    /// </summary>
    private static int LargestRise(long?[][] before, long?[][] after) =>
        Enumerable.Range(0, Groups.Length).MaxBy(cell => (after[^1][cell] ?? -1) - (before[^1][cell] ?? -1));

    [Fact]
    public async Task A_manager_who_moves_a_colleague_to_before_the_first_wave_cannot_tell_which_profile_group_they_left()
    {
        var hit = await MoveAttackAsync(protectedApi, targetsPerProfile: 20);
        var exact = await MoveAttackAsync(exactApi, targetsPerProfile: 3);
        output.WriteLine($"Moving a participant out of their profile group: {hit:P0} right with perturbation, {exact:P0} without; guessing gives 25 %.");

        Assert.True(exact >= 0.9, $"without perturbation the attack should work ({exact:P0}); otherwise this test proves nothing");
        Assert.True(hit <= MoveAttackBound, $"the attacker named {hit:P0} of the profiles; the documented bound is {MoveAttackBound:P0}");
    }

    /// <summary>
    /// The red team's second round: nobody joins or leaves the row, one person moves within it. Reach grouped at the
    /// start places each participant by their latest assessment before the day they started, so re-dating the target to
    /// 2010, before any wave, moves them from their profile group to the unassessed group. If only the cells that
    /// changed were drawn anew, the one profile cell that changed would name the target's profile.
    /// </summary>
    private static async Task<double> MoveAttackAsync(ApiFactory api, int targetsPerProfile)
    {
        const int Anchors = 8;
        const string Recent = "2026-11-02", BeforeAnyWave = "2010-01-01";
        var manager = api.CreateGraphQLClient(Roles.InitiativeManager);
        await using var db = api.OpenDb();
        var latest = await db.SurveyWaves().OrderBy(w => w.HeldOn).LastAsync();
        var profileOf = await db.Assessments().Where(a => a.WaveId == latest.Id).ToDictionaryAsync(a => a.PersonId, a => (int)a.Profile - 1);
        var byProfile = profileOf.Keys.Order().GroupBy(id => profileOf[id]).ToList();
        var anchors = byProfile.SelectMany(g => g.Take(Anchors)).Select(id => (id, Recent))
            .Concat(byProfile.SelectMany(g => g.Skip(Anchors).Take(2)).Select(id => (id, BeforeAnyWave))).ToList();
        var targets = byProfile.SelectMany(g => g.Skip(Anchors + 2).Take(targetsPerProfile)).ToList();

        var unit = (string)(await manager.QueryAsync("""{ organisationUnit(code: "ESB") { id } }"""))["organisationUnit"]!["id"]!;
        var initiative = (string)(await manager.QueryAsync("""
            mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } } }
            """, new { input = new { code = $"MOVE-{targetsPerProfile}", kind = "DROP_IN_CAFE", title = "Flyttecafé", unitId = unit, startsOn = BeforeAnyWave } }))["createInitiative"]!["initiative"]!["id"]!;
        var recorded = await manager.QueryAsync("mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { errors { __typename } } }",
            new { input = new { items = anchors.Select(a => Participation(a.id, initiative, "COMPLETED", a.Item2)).ToArray() } });
        Assert.Empty(recorded["recordParticipations"]!["errors"]!.AsArray());
        await api.RefreshAnalyticsAsync();

        var right = 0;
        foreach (var target in targets)
        {
            await RecordAsync(api, manager, Participation(target, initiative, "COMPLETED", Recent));
            var inGroup = (await ReachAsync(manager, initiative, latest.Id))[0];
            await RecordAsync(api, manager, Participation(target, initiative, "COMPLETED", BeforeAnyWave));
            var moved = (await ReachAsync(manager, initiative, latest.Id))[0];
            // The group that lost someone: the profile cell that changed, the one that fell most when several did.
            var guess = Enumerable.Range(0, 4).MaxBy(cell => (inGroup[cell] != moved[cell], (inGroup[cell] ?? 0) - (moved[cell] ?? 0)));
            if (guess == profileOf[target]) right++;
            await RecordAsync(api, manager, Participation(target, initiative, "WITHDRAWN", Recent));
        }
        return (double)right / targets.Count;
    }

    [Fact]
    public async Task Comparing_all_staff_with_employees_where_one_leader_took_part_does_not_name_the_leaders_profile()
    {
        var (hits, guessed, cases) = await RolePairAttackAsync(protectedApi);
        output.WriteLine($"Reach rows, all staff beside employees, with one leader among the participants: {hits} of {cases} leaders' groups named; "
            + $"guessing the largest group of the row names {guessed}.");

        Assert.True(cases >= 20, $"too few rows with one leader to judge ({cases})");
        Assert.True((double)(hits - guessed) / cases <= RolePairAdvantageBound,
            $"the comparison named {hits} of {cases} leaders' groups, guessing {guessed}; the documented bound on the gain is {RolePairAdvantageBound:P0}");
    }

    /// <summary>
    /// The red team's equal-cells finding: all staff and employees differ by the leaders only, so where one leader took
    /// part, every group's cell holds the same people in both rows except the leader's. If the same people always drew
    /// the same noise, the one cell that differs would name the leader's group. Runs over every initiative, every unit
    /// with one leader among the initiative's participants, and both waves. Returns the attacker's hits, the hits of
    /// guessing without the comparison (the leader is most likely in the row's largest group), and the cases.
    /// </summary>
    private static async Task<(int Hits, int Guessed, int Cases)> RolePairAttackAsync(ApiFactory api)
    {
        var evaluator = api.CreateGraphQLClient(Roles.Evaluator);
        await using var db = api.OpenDb();
        var units = await db.Units().ToListAsync();
        var paths = units.ToDictionary(u => u.Id, u => u.Path);
        var persons = await db.Persons().ToDictionaryAsync(p => p.Id);
        var participations = await db.Participations().Where(p => p.Status != ParticipationStatus.Withdrawn).ToListAsync();
        var codes = await db.Initiatives().ToDictionaryAsync(i => i.Id, i => i.Code);

        var (hits, guessed, cases) = (0, 0, 0);
        foreach (var wave in await db.SurveyWaves().ToListAsync())
        {
            var assessed = await db.Assessments().Where(a => a.WaveId == wave.Id).ToDictionaryAsync(a => a.PersonId);
            // Placed as the reach matrix places them: by the wave's assessment, or else as the person is now.
            var leaders = participations.Select(p => assessed.TryGetValue(p.PersonId, out var a)
                    ? (p.InitiativeId, a.UnitId, a.Role, Group: (int)a.Profile - 1)
                    : (p.InitiativeId, persons[p.PersonId].UnitId, persons[p.PersonId].Role, Group: 4))
                .Where(x => x.Role == PersonRole.Leader).ToList();
            foreach (var unit in units)
            {
                var single = leaders.Where(l => paths[l.UnitId].StartsWith(unit.Path, StringComparison.Ordinal))
                    .GroupBy(l => l.InitiativeId).Where(g => g.Count() == 1).ToDictionary(g => codes[g.Key], g => g.Single().Group);
                if (single.Count == 0) continue;
                var data = (await evaluator.QueryAsync("""
                    query($wave: ID!, $unit: ID!) {
                      all: reachMatrix(filter: { waveId: $wave, unitId: $unit }) { rows { initiative { code } cells { participants } } }
                      employees: reachMatrix(filter: { waveId: $wave, unitId: $unit, role: EMPLOYEE }) { rows { initiative { code } cells { participants } } } }
                    """, new { wave = GlobalIds.Of("SurveyWave", wave.Id), unit = GlobalIds.Of("OrganisationUnit", unit.Id) }));
                Dictionary<string, long?[]> Rows(string alias) => data[alias]!["rows"]!.AsArray().ToDictionary(
                    r => (string)r!["initiative"]!["code"]!, r => r!["cells"]!.AsArray().Select(c => (long?)c!["participants"]).ToArray());
                var (all, employees) = (Rows("all"), Rows("employees"));
                foreach (var (code, truth) in single)
                {
                    // The group whose cell differs; the one that differs most when several do.
                    var guess = Enumerable.Range(0, Groups.Length).MaxBy(cell => (all[code][cell] != employees[code][cell], (all[code][cell] ?? 0) - (employees[code][cell] ?? 0)));
                    cases++;
                    if (guess == truth) hits++;
                    if (Enumerable.Range(0, Groups.Length).MaxBy(cell => all[code][cell] ?? 0) == truth) guessed++;
                }
            }
        }
        return (hits, guessed, cases);
    }

    [Fact]
    public async Task A_row_of_one_person_shows_no_profile_in_any_unit_role_wave_or_table_however_often_it_is_redrawn()
    {
        var (shown, readings) = await LoneParticipantAttackAsync(protectedApi, targets: 8, redraws: 6);
        output.WriteLine($"Rows holding one assessed person, each read in {readings / 8} places over 7 versions: {shown} profile cells shown.");

        Assert.True(readings >= 8 * 7 * 20, $"too few readings to judge ({readings})");
        Assert.Equal(0, shown);
    }

    /// <summary>
    /// The red team's third round. Any profile shown in a row that holds one assessed person is theirs, so the attacker
    /// (an administrator: manager and evaluator in one) makes such rows and reads them everywhere: reach at the start and
    /// in both waves, for the person's unit and every unit above it, for all staff and their role, and the participants'
    /// and non-participants' transition tables; then redraws the row by recording and withdrawing unassessed colleagues (dated before any
    /// wave), one refresh each, and reads again. Returns how many profile cells were ever shown, and in how many readings.
    /// </summary>
    private static async Task<(int Shown, int Readings)> LoneParticipantAttackAsync(ApiFactory api, int targets, int redraws)
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var waves = await db.SurveyWaves().OrderBy(w => w.HeldOn).Select(w => w.Id).ToListAsync();
        var both = await db.Assessments().Where(a => a.WaveId == waves[0]).Select(a => a.PersonId)
            .Intersect(db.Assessments().Where(a => a.WaveId == waves[1]).Select(a => a.PersonId)).OrderBy(id => id).Take(targets).ToListAsync();
        var persons = await db.Persons().Where(p => both.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var units = await db.Units().ToDictionaryAsync(u => u.Id);
        var padding = await db.Persons().OrderByDescending(p => p.Id).Select(p => p.Id).Take(redraws).ToListAsync();
        var esb = GlobalIds.Of("OrganisationUnit", units.Values.Single(u => u.ParentId == null).Id);

        var (shown, readings) = (0, 0);
        foreach (var target in both)
        {
            var initiative = (string)(await administrator.QueryAsync("""
                mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } } }
                """, new { input = new { code = $"LONE-{target}", kind = "OTHER", title = "Enkeltmandsrække", unitId = esb, startsOn = "2014-01-01" } }))["createInitiative"]!["initiative"]!["id"]!;
            await RecordAsync(api, administrator, Participation(target, initiative, "COMPLETED", "2016-06-01"));
            var chain = units[persons[target].UnitId].Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(id => GlobalIds.Of("OrganisationUnit", int.Parse(id))).ToList();
            var role = persons[target].Role == PersonRole.Leader ? "LEADER" : "EMPLOYEE";
            for (var version = 0; version <= redraws; version++)
            {
                if (version > 0) await RecordAsync(api, administrator, Participation(padding[version - 1], initiative, "COMPLETED", "2014-06-01"));
                var cells = new List<long?>();
                var reach = (await administrator.QueryAsync("query($id: ID!) { node(id: $id) { ... on Initiative { reach { profile { kind } participants } } } }",
                    new { id = initiative }))["node"]!["reach"]!.AsArray();
                cells.AddRange(reach.Where(c => c!["profile"] is not null).Select(c => (long?)c!["participants"]));
                foreach (var unit in chain)
                    foreach (var roleFilter in new[] { null, role })
                    {
                        foreach (var wave in waves)
                        {
                            var rows = (await administrator.QueryAsync("""
                                query($wave: ID!, $unit: ID!, $role: PersonRole) { reachMatrix(filter: { waveId: $wave, unitId: $unit, role: $role, kinds: [OTHER] }) {
                                  rows { initiative { id } cells { profile { kind } participants } } } }
                                """, new { wave = GlobalIds.Of("SurveyWave", wave), unit, role = roleFilter }))["reachMatrix"]!["rows"]!.AsArray();
                            cells.AddRange(rows.Single(r => (string)r!["initiative"]!["id"]! == initiative)!["cells"]!.AsArray()
                                .Where(c => c!["profile"] is not null).Select(c => (long?)c!["participants"]));
                        }
                        var transitions = (await administrator.QueryAsync("""
                            query($from: ID!, $to: ID!, $filter: TransitionFilter) { profileTransitions(fromWaveId: $from, toWaveId: $to, filter: $filter) {
                              participants { cells { count } movedUpShare stayedShare movedDownShare } nonParticipants { cells { count } movedUpShare } } }
                            """, new { from = GlobalIds.Of("SurveyWave", waves[0]), to = GlobalIds.Of("SurveyWave", waves[1]), filter = new { unitId = unit, role = roleFilter, initiativeId = initiative } }))
                            ["profileTransitions"]!;
                        // Everyone less the non-participants is the target alone: the non-participants must not be broken down either.
                        foreach (var table in new[] { transitions["participants"]!, transitions["nonParticipants"]! })
                        {
                            cells.AddRange(table["cells"]!.AsArray().Select(c => (long?)c!["count"]));
                            cells.Add(table["movedUpShare"] is null ? null : 1);
                        }
                    }
                readings += cells.Count;
                shown += cells.Count(c => c is not null);
            }
            foreach (var person in padding.Prepend(target))
                await RecordAsync(api, administrator, Participation(person, initiative, "WITHDRAWN", "2014-06-01"));
        }
        return (shown, readings);
    }

    [Fact]
    public async Task One_outsider_in_a_row_otherwise_within_one_unit_is_not_named_by_comparing_the_unit_with_the_organisation()
    {
        var (hit, shown) = await OutsiderAttackAsync(protectedApi, targetsPerProfile: 10);
        output.WriteLine($"One outsider beside a unit's participants, unit read against the whole organisation: {hit:P0} right (guessing gives 25 %); "
            + $"the unit's breakdown was shown beside the organisation's {shown} times.");

        Assert.Equal(0, shown);
        Assert.True(hit <= OutsiderAttackBound, $"the attacker named {hit:P0} of the outsiders' profiles; the documented bound is {OutsiderAttackBound:P0}");
    }

    /// <summary>
    /// The red team's fourth round: a row whose participants all sit in one unit, plus one target from elsewhere. The
    /// unit's parent adds nobody, so the unit's breakdown passes a check against its parent alone; but laid beside the
    /// whole organisation's, the profile cell that differs is the target's. Each breakdown must be checked against every
    /// breakdown that holds it.
    /// </summary>
    private static async Task<(double Hit, int Shown)> OutsiderAttackAsync(ApiFactory api, int targetsPerProfile)
    {
        var administrator = api.CreateGraphQLClient(Roles.Administrator);
        await using var db = api.OpenDb();
        var latest = await db.SurveyWaves().OrderBy(w => w.HeldOn).LastAsync();
        var assessed = await db.Assessments().Where(a => a.WaveId == latest.Id).ToListAsync();
        var units = await db.Units().ToDictionaryAsync(u => u.Id);
        // A unit two levels below the top, so that its parent adds nobody when the target comes from another department.
        var unit = assessed.GroupBy(a => a.UnitId).Where(g => g.Count() >= 30).Select(g => units[g.Key])
            .Where(u => u.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length >= 3).OrderBy(u => u.Id).First();
        var department = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];
        var insiders = assessed.Where(a => a.UnitId == unit.Id).Take(30).Select(a => a.PersonId).ToList();
        var targets = assessed.Where(a => units[a.UnitId].Path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) != department)
            .GroupBy(a => a.Profile).SelectMany(g => g.Take(targetsPerProfile)).ToList();

        var esb = GlobalIds.Of("OrganisationUnit", units.Values.Single(u => u.ParentId == null).Id);
        var initiative = (string)(await administrator.QueryAsync("""
            mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { initiative { id } } }
            """, new { input = new { code = "OUTSIDER", kind = "OTHER", title = "Enhedens café", unitId = esb, startsOn = "2016-01-01" } }))["createInitiative"]!["initiative"]!["id"]!;
        var recorded = await administrator.QueryAsync("mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { errors { __typename } } }",
            new { input = new { items = insiders.Select(id => Participation(id, initiative, "COMPLETED", "2026-11-02")).ToArray() } });
        Assert.Empty(recorded["recordParticipations"]!["errors"]!.AsArray());

        async Task<long?[]> ProfilesAsync(string? unitId) =>
            (await administrator.QueryAsync("""
                query($wave: ID!, $unit: ID) { reachMatrix(filter: { waveId: $wave, unitId: $unit, kinds: [OTHER] }) { rows { initiative { id } cells { participants } } } }
                """, new { wave = GlobalIds.Of("SurveyWave", latest.Id), unit = unitId }))["reachMatrix"]!["rows"]!.AsArray()
                .Single(r => (string)r!["initiative"]!["id"]! == initiative)!["cells"]!.AsArray().Take(4).Select(c => (long?)c!["participants"]).ToArray();

        var (right, shown) = (0, 0);
        foreach (var target in targets)
        {
            await RecordAsync(api, administrator, Participation(target.PersonId, initiative, "COMPLETED", "2026-11-02"));
            var (inUnit, everyone) = (await ProfilesAsync(GlobalIds.Of("OrganisationUnit", unit.Id)), await ProfilesAsync(null));
            if (inUnit.Any(c => c is not null) && everyone.Any(c => c is not null)) shown++;
            var guess = Enumerable.Range(0, 4).MaxBy(cell => (inUnit[cell] != everyone[cell], (everyone[cell] ?? 0) - (inUnit[cell] ?? 0)));
            if (guess == (int)target.Profile - 1) right++;
            await RecordAsync(api, administrator, Participation(target.PersonId, initiative, "WITHDRAWN", "2026-11-02"));
        }
        return ((double)right / targets.Count, shown);
    }

    [Fact]
    public async Task No_reach_row_says_that_all_but_fewer_than_k_of_a_units_participants_share_one_profile()
    {
        var revealing = await RowsNamingEveryonesProfileAsync(protectedApi);
        var exactRevealing = await RowsNamingEveryonesProfileAsync(exactApi);
        output.WriteLine($"Rows that tell everyone's profile: {revealing.Count} with perturbation ({string.Join("; ", revealing.Take(4))}), {exactRevealing.Count} without ({string.Join("; ", exactRevealing.Take(3))}).");

        Assert.NotEmpty(exactRevealing);
        Assert.Empty(revealing);
    }

    /// <summary>
    /// Every reach row, for every unit and both waves, that tells an evaluator that (all but fewer than k of) the assessed
    /// participants share one profile: three profiles shown as 0 beside a shown fourth, or a shown total within k of one shown profile.
    /// Anyone who knows one of those participants then knows their profile.
    /// </summary>
    private static async Task<List<string>> RowsNamingEveryonesProfileAsync(ApiFactory api)
    {
        var evaluator = api.CreateGraphQLClient(Roles.Evaluator);
        await using var db = api.OpenDb();
        var units = await db.Units().Select(u => new { u.Id, u.Code }).ToListAsync();
        var waves = await db.SurveyWaves().Select(w => w.Id).ToListAsync();
        const int K = ProtectedFigures.DefaultMinimumGroupSize;
        var revealing = new List<string>();
        foreach (var unit in units)
            foreach (var wave in waves)
            {
                var rows = (await evaluator.QueryAsync("""
                    query($wave: ID!, $unit: ID!) { reachMatrix(filter: { waveId: $wave, unitId: $unit }) { rows { initiative { code } totalParticipants cells { participants } } } }
                    """, new { wave = GlobalIds.Of("SurveyWave", wave), unit = GlobalIds.Of("OrganisationUnit", unit.Id) }))["reachMatrix"]!["rows"]!.AsArray();
                foreach (var row in rows)
                {
                    var profiles = row!["cells"]!.AsArray().Take(4).Select(c => (long?)c!["participants"]).ToList();
                    var total = (long?)row["totalParticipants"];
                    var zeros = profiles.Count(p => p == 0);
                    var shown = profiles.Where(p => p > 0).ToList();
                    if ((zeros == 3 && shown.Count == 1) || (total is { } t && shown.Any(p => t - p < K)))
                        revealing.Add($"{row["initiative"]!["code"]} in {unit.Code}, wave {wave}: [{string.Join(",", profiles)}] of {total}");
                }
            }
        return revealing;
    }

    [Fact]
    public async Task Laying_a_reach_matrix_beside_the_participants_transition_table_recovers_small_counts_no_more_often_than_documented()
    {
        var (hits, cases) = await PairTablesAsync(protectedApi);
        var (exactHits, exactCases) = await PairTablesAsync(exactApi);
        output.WriteLine($"Table pairing: {hits} of {cases} small counts recovered exactly with perturbation, {exactHits} of {exactCases} without.");

        Assert.True(exactHits >= 3, $"without perturbation the attack should recover small counts ({exactHits} of {exactCases})");
        Assert.True(cases >= 10, $"too few small counts to judge ({cases})");
        Assert.True((double)hits / cases <= TablePairingBound, $"{hits} of {cases} small counts recovered; the documented bound is {TablePairingBound:P0}");
    }

    /// <summary>
    /// For every initiative, department and first-wave profile: participants in the first wave's reach matrix, less the
    /// participants' transition row (assessed in both waves), is the participants not assessed in the second wave (or
    /// who took part outside the waves). Of all those figures that are truly 1 to k−1, counts how often the estimate is
    /// exactly right; a withheld cell counts as 0, the attacker's best guess.
    /// </summary>
    private static async Task<(int Hits, int Cases)> PairTablesAsync(ApiFactory api)
    {
        var evaluator = api.CreateGraphQLClient(Roles.Evaluator);
        await using var db = api.OpenDb();
        var waves = await db.SurveyWaves().OrderBy(w => w.HeldOn).ToListAsync();
        var (first, second) = (waves[0], waves[1]);
        var units = await db.Units().Where(u => u.ParentId == null || db.Units().Any(p => p.Id == u.ParentId && p.ParentId == null)).ToListAsync();
        var initiatives = await db.Initiatives().ToListAsync();
        var firstProfile = await db.Assessments().Where(a => a.WaveId == first.Id).ToDictionaryAsync(a => a.PersonId);
        var inSecond = (await db.Assessments().Where(a => a.WaveId == second.Id).Select(a => a.PersonId).ToListAsync()).ToHashSet();
        var participations = await db.Participations().Where(p => p.Status != ParticipationStatus.Withdrawn).ToListAsync();
        var paths = await db.Units().ToDictionaryAsync(u => u.Id, u => u.Path);
        bool BetweenWaves(Participation p) => (p.StartedOn ?? p.EnrolledOn) > first.HeldOn && (p.StartedOn ?? p.EnrolledOn) <= second.HeldOn;

        var (hits, cases) = (0, 0);
        foreach (var unit in units)
        {
            var matrix = (await evaluator.QueryAsync("""
                query($wave: ID!, $unit: ID!) { reachMatrix(filter: { waveId: $wave, unitId: $unit }) { rows { initiative { code } cells { participants } } } }
                """, new { wave = GlobalIds.Of("SurveyWave", first.Id), unit = GlobalIds.Of("OrganisationUnit", unit.Id) }))["reachMatrix"]!["rows"]!.AsArray();
            foreach (var initiative in initiatives)
            {
                var transitions = (await evaluator.QueryAsync("""
                    query($from: ID!, $to: ID!, $filter: TransitionFilter) { profileTransitions(fromWaveId: $from, toWaveId: $to, filter: $filter) { participants { cells { count } } } }
                    """, new
                {
                    from = GlobalIds.Of("SurveyWave", first.Id), to = GlobalIds.Of("SurveyWave", second.Id),
                    filter = new { unitId = GlobalIds.Of("OrganisationUnit", unit.Id), initiativeId = GlobalIds.Of("Initiative", initiative.Id) },
                }))["profileTransitions"]!["participants"]!["cells"]!.AsArray().Select(c => (long?)c!["count"]).ToList();
                var row = matrix.Single(r => (string)r!["initiative"]!["code"]! == initiative.Code)!["cells"]!.AsArray();
                var mine = participations.Where(p => p.InitiativeId == initiative.Id && firstProfile.TryGetValue(p.PersonId, out var a)
                    && paths[a.UnitId].StartsWith(unit.Path, StringComparison.Ordinal)).ToList();
                for (var level = 1; level <= 4; level++)
                {
                    // The truth behind the subtraction: reached in the first wave, less those in the transition row.
                    var reachedPeople = mine.Where(p => (int)firstProfile[p.PersonId].Profile == level).Select(p => p.PersonId).ToHashSet();
                    var inRow = mine.Where(p => (int)firstProfile[p.PersonId].Profile == level && inSecond.Contains(p.PersonId) && BetweenWaves(p)).Select(p => p.PersonId).ToHashSet();
                    var truth = reachedPeople.Count - inRow.Count;
                    if (truth is < 1 or >= ProtectedFigures.DefaultMinimumGroupSize) continue;
                    cases++;
                    // The attacker's best guess: a withheld transition cell is most likely empty, so it counts as 0.
                    var reached = (long?)row[level - 1]!["participants"];
                    var moved = transitions.Skip((level - 1) * 4).Take(4).Sum(c => c ?? 0);
                    if (reached - moved == truth) hits++;
                }
            }
        }
        return (hits, cases);
    }

    [Fact]
    public async Task Naming_a_co_author_their_acceptance_and_a_first_comment_change_no_figure_an_evaluator_or_manager_can_read()
    {
        var competition = await new CompetitionDriver(protectedApi, "ATTACK-2").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var evaluator = protectedApi.CreateGraphQLClient(Roles.Evaluator);
        async Task<string> FiguresAsync() =>
            (await evaluator.QueryAsync("""
                { latest: reachMatrix { rows { initiative { code } totalParticipants cells { participants } } }
                  first: reachMatrix(filter: { waveId: "U3VydmV5V2F2ZTox" }) { rows { initiative { code } totalParticipants cells { participants } } }
                  byKind: reachMatrix(filter: { groupByKind: true }) { rows { kind totalParticipants cells { participants } } } }
                """)).ToJsonString()
            + (await competition.Manager.QueryAsync("query($id: ID!) { node(id: $id) { ... on Initiative { reach { participants } participations { totalCount } } } }",
                new { id = competition.InitiativeId })).ToJsonString();

        await using var db = protectedApi.OpenDb();
        var coAuthor = await db.Persons().Where(p => p.Key == "demo-0702").Select(p => p.Id).SingleAsync();
        var proposal = (string)(await competition.SubmitAsync(competition.Employee("demo-0701")))["proposal"]!["id"]!;
        var before = await FiguresAsync();

        await competition.SubmitAsync(competition.Employee("demo-0703"), coAuthorIds: [GlobalIds.Of("Person", coAuthor)]);
        Assert.Equal(before, await FiguresAsync());
        await competition.Employee("demo-0702").QueryAsync("mutation($input: CoAuthorshipInput!) { acceptCoAuthorship(input: $input) { errors { __typename } } }",
            new { input = new { proposalId = (string)(await competition.Employee("demo-0702").QueryAsync("{ me { coAuthorInvitations { proposal { id } } } }"))["me"]!["coAuthorInvitations"]![0]!["proposal"]!["id"]! } });
        Assert.Equal(before, await FiguresAsync());
        await competition.Employee("demo-0704").QueryAsync("mutation($input: AddCommentInput!) { addComment(input: $input) { errors { __typename } } }",
            new { input = new { proposalId = proposal, text = "Første kommentar" } });
        Assert.Equal(before, await FiguresAsync());
    }
}
