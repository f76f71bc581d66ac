using DigitalInitiativer.Tests.Infrastructure;
using static DigitalInitiativer.Tests.Analytics.SmallOrganisationFactory;

namespace DigitalInitiativer.Tests.Analytics;

/// <summary>
/// Small groups on purpose, and every way we know to work them out: row and column totals, sibling cells, employees
/// against all staff, a unit against its sub-units, participants against everyone, kinds against their initiatives,
/// coverage against counts. Whatever the attacker derives must be zero or at least k.
/// </summary>
public sealed class DisclosureControlTests(SmallOrganisationFactory api) : IClassFixture<SmallOrganisationFactory>
{
    private const int K = ProtectedFigures.DefaultMinimumGroupSize;
    private static readonly int[] Units = [Root, A, B, B1, C];
    private static readonly Dictionary<int, int[]> ChildrenOf = new() { [Root] = [A, B, C], [B] = [B1] };
    private static readonly string?[] RoleFilters = [null, "EMPLOYEE", "LEADER"];
    private static readonly string[] Profiles = ["AWAITING", "HESITANT", "WILLING", "SELF_DRIVEN"];
    private static readonly string[] Groups = [.. Profiles, "UNASSESSED"];
    private static readonly int[] Waves = [1, 2];

    private readonly GraphQLClient _evaluator = api.CreateGraphQLClient("Evaluator");

    private static string Unit(int id) => GlobalIds.Of("OrganisationUnit", id);
    private static string Role(string? role) => role ?? "ALL";

    /// <summary>A figure for every unit and role, related the way the organisation relates them. Units R and C have no staff of their own.</summary>
    private static void RelateUnitsAndRoles(Attacker attacker, Func<int, string, string> key, string ownPrefix)
    {
        foreach (var unit in Units)
            attacker.Sum(key(unit, "ALL"), [key(unit, "EMPLOYEE"), key(unit, "LEADER")]);
        foreach (var (parent, children) in ChildrenOf)
            foreach (var role in RoleFilters.Select(Role))
            {
                var own = parent == B ? [$"own {ownPrefix} {role}"] : Array.Empty<string>();
                attacker.Sum(key(parent, role), [.. children.Select(c => key(c, role)), .. own]);
            }
        attacker.Sum($"own {ownPrefix} ALL", [$"own {ownPrefix} EMPLOYEE", $"own {ownPrefix} LEADER"]);
    }

    private async Task CollectDistributionsAsync(Attacker attacker)
    {
        foreach (var unit in Units)
            foreach (var role in RoleFilters)
            {
                var data = await _evaluator.QueryAsync("query($unit: ID, $role: PersonRole) { surveyWaves { profileDistribution(unitId: $unit, role: $role) { total groups { count } } } }",
                    new { unit = Unit(unit), role });
                foreach (var (wave, node) in Waves.Zip(data["surveyWaves"]!.AsArray()))
                {
                    var distribution = node!["profileDistribution"]!;
                    attacker.Learn($"D{wave} {unit} {Role(role)} TOTAL", (double?)distribution["total"]);
                    foreach (var (profile, group) in Profiles.Zip(distribution["groups"]!.AsArray()))
                        attacker.Learn($"D{wave} {unit} {Role(role)} {profile}", (double?)group!["count"]);
                }
            }
        foreach (var wave in Waves)
            foreach (var member in Profiles.Append("TOTAL"))
                RelateUnitsAndRoles(attacker, (u, r) => $"D{wave} {u} {r} {member}", $"D{wave} {member}");
        foreach (var wave in Waves)
            foreach (var unit in Units)
                foreach (var role in RoleFilters.Select(Role))
                    attacker.Sum($"D{wave} {unit} {role} TOTAL", Profiles.Select(p => $"D{wave} {unit} {role} {p}"));
    }

    private async Task CollectReachAsync(Attacker attacker)
    {
        var targets = new Dictionary<string, int> { ["I1"] = Root, ["I2"] = B, ["I3"] = A };
        foreach (var wave in Waves)
        {
            foreach (var unit in Units)
                foreach (var role in RoleFilters)
                    foreach (var byKind in new[] { false, true })
                    {
                        var data = await _evaluator.QueryAsync("""
                            query($filter: ReachFilter) { reachMatrix(filter: $filter) { rows { initiative { code } kind totalParticipants cells { participants coverage } } } }
                            """, new { filter = new { waveId = GlobalIds.Of("SurveyWave", wave), unitId = Unit(unit), role, groupByKind = byKind } });
                        foreach (var row in data["reachMatrix"]!["rows"]!.AsArray())
                        {
                            var name = (string?)row!["initiative"]?["code"] ?? (string)row["kind"]!;
                            attacker.Learn($"R{wave} {name} {unit} {Role(role)} TOTAL", (double?)row["totalParticipants"]);
                            foreach (var (group, cell) in Groups.Zip(row["cells"]!.AsArray()))
                            {
                                var participants = (double?)cell!["participants"];
                                attacker.Learn($"R{wave} {name} {unit} {Role(role)} {group}", participants);
                                // Coverage is reached ÷ everyone in the group within the target: with the count, the group's size follows.
                                if ((double?)cell["coverage"] is { } coverage && coverage > 0 && targets.TryGetValue(name, out var target) && group != "UNASSESSED")
                                {
                                    var within = Overlap(unit, target);
                                    if (attacker.Known.TryGetValue($"R{wave} {name} {within} {Role(role)} {group}", out var reached))
                                        attacker.Learn($"D{wave} {within} {Role(role)} {group}", Math.Round(reached / coverage));
                                }
                            }
                        }
                    }
            foreach (var name in new[] { "I1", "I2", "I3", "COURSE", "DROP_IN_CAFE" })
                foreach (var member in Groups.Append("TOTAL"))
                    RelateUnitsAndRoles(attacker, (u, r) => $"R{wave} {name} {u} {r} {member}", $"R{wave} {name} {member}");
            foreach (var name in new[] { "I1", "I2", "I3", "COURSE", "DROP_IN_CAFE" })
                foreach (var unit in Units)
                    foreach (var role in RoleFilters.Select(Role))
                    {
                        attacker.Sum($"R{wave} {name} {unit} {role} TOTAL", Groups.Select(g => $"R{wave} {name} {unit} {role} {g}"));
                        foreach (var member in Groups.Append("TOTAL"))
                        {
                            string Key(string n) => $"R{wave} {n} {unit} {role} {member}";
                            attacker.Balance([Key("I1"), Key("I2")], [Key("COURSE"), $"overlap {Key("COURSE")}"]);
                            attacker.Sum(Key("DROP_IN_CAFE"), [Key("I3")]);
                        }
                    }
        }
    }

    private static int Overlap(int unit, int target) => unit == target || unit == Root ? target : target == Root ? unit : unit == B1 && target == B ? B1 : unit;

    private async Task CollectTransitionsAsync(Attacker attacker)
    {
        var scopes = new (string Name, object? Filter)[]
        {
            ("any", null), ("I1", new { initiativeId = GlobalIds.Of("Initiative", 1) }), ("I2", new { initiativeId = GlobalIds.Of("Initiative", 2) }),
            ("COURSE", new { initiativeKind = "COURSE" }), ("DROP_IN_CAFE", new { initiativeKind = "DROP_IN_CAFE" }),
        };
        string[] cells = [.. Profiles.SelectMany(f => Profiles.Select(t => $"{f}>{t}"))];
        string[] members = [.. cells, "n", "up", "stay", "down"];
        foreach (var (scope, filter) in scopes)
        {
            foreach (var unit in Units)
                foreach (var role in RoleFilters)
                {
                    var data = (await _evaluator.QueryAsync("""
                        query($filter: TransitionFilter) { profileTransitions(fromWaveId: "U3VydmV5V2F2ZTox", toWaveId: "U3VydmV5V2F2ZToy", filter: $filter) {
                          all { ...T } participants { ...T } nonParticipants { ...T } } }
                        fragment T on TransitionTable { n movedUpShare stayedShare movedDownShare cells { count } }
                        """, new { filter = new Dictionary<string, object?>(ToPairs(filter)) { ["unitId"] = Unit(unit), ["role"] = role } }))["profileTransitions"]!;
                    foreach (var table in new[] { "all", "participants", "nonParticipants" })
                    {
                        var name = table == "all" ? "all" : $"{table} {scope}";
                        var node = data[table]!;
                        var n = (double?)node["n"];
                        attacker.Learn($"T {name} {unit} {Role(role)} n", n);
                        foreach (var (cell, value) in cells.Zip(node["cells"]!.AsArray()))
                            attacker.Learn($"T {name} {unit} {Role(role)} {cell}", (double?)value!["count"]);
                        foreach (var (movement, share) in new[] { ("up", "movedUpShare"), ("stay", "stayedShare"), ("down", "movedDownShare") })
                            if ((double?)node[share] is { } s && n is { } total)
                                attacker.Learn($"T {name} {unit} {Role(role)} {movement}", Math.Round(s * total));
                    }
                }
            foreach (var name in new[] { "all", $"participants {scope}", $"nonParticipants {scope}" })
            {
                foreach (var member in members)
                    RelateUnitsAndRoles(attacker, (u, r) => $"T {name} {u} {r} {member}", $"T {name} {member}");
                foreach (var unit in Units)
                    foreach (var role in RoleFilters.Select(Role))
                    {
                        string Key(string member) => $"T {name} {unit} {role} {member}";
                        attacker.Sum(Key("n"), cells.Select(Key));
                        attacker.Sum(Key("n"), [Key("up"), Key("stay"), Key("down")]);
                        attacker.Sum(Key("up"), cells.Where(c => Level(c, 1) > Level(c, 0)).Select(Key));
                        attacker.Sum(Key("stay"), cells.Where(c => Level(c, 1) == Level(c, 0)).Select(Key));
                        attacker.Sum(Key("down"), cells.Where(c => Level(c, 1) < Level(c, 0)).Select(Key));
                    }
            }
            foreach (var unit in Units)
                foreach (var role in RoleFilters.Select(Role))
                    foreach (var member in members)
                        attacker.Sum($"T all {unit} {role} {member}", [$"T participants {scope} {unit} {role} {member}", $"T nonParticipants {scope} {unit} {role} {member}"]);
        }
    }

    private static int Level(string cell, int side) => Array.IndexOf(Profiles, cell.Split('>')[side]);

    private static IEnumerable<KeyValuePair<string, object?>> ToPairs(object? filter) =>
        filter?.GetType().GetProperties().Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(filter))) ?? [];

    [Fact]
    public async Task Nothing_below_k_can_be_worked_out_from_everything_an_evaluator_can_ask()
    {
        var attacker = new Attacker();
        await CollectDistributionsAsync(attacker);
        await CollectReachAsync(attacker);
        await CollectTransitionsAsync(attacker);

        var derived = attacker.Solve();

        var exposed = attacker.Known.Where(x => x.Value is > 0 and < K).Select(x => attacker.Explain(x.Key)).ToList();
        Assert.True(exposed.Count == 0, $"{exposed.Count} small figures can be worked out, e.g. {string.Join("; ", exposed.Take(8))}");
        // The attack had material to work with: much was published, and some withheld figures could be derived (large ones).
        // (A small organisation publishes few profile breakdowns: each needs 2k people.)
        Assert.True(attacker.Published > 400, $"{attacker.Published} figures published");
        Assert.NotEmpty(derived);
    }

    [Fact]
    public async Task The_small_groups_exist_and_are_withheld_where_they_are_asked_for_directly()
    {
        // B1 has three people, two of them AWAITING and one a leader.
        var data = await _evaluator.QueryAsync("""
            query($b1: ID!, $b: ID!) {
              b1: surveyWaves { profileDistribution(unitId: $b1) { total suppressed groups { count suppressed } } }
              b: surveyWaves { profileDistribution(unitId: $b) { total groups { count } } }
              leaders: surveyWaves { profileDistribution(unitId: $b, role: LEADER) { total suppressed } }
            }
            """, new { b1 = Unit(B1), b = Unit(B) });

        var b1 = data["b1"]!.AsArray()[0]!["profileDistribution"]!;
        Assert.True((bool)b1["suppressed"]!);
        Assert.Null(b1["groups"]![0]!["count"]);
        Assert.True((bool)data["leaders"]!.AsArray()[0]!["profileDistribution"]!["suppressed"]!);
        // B's own staff are seven; its AWAITING figure (3, one of them its own) must not let B1's two be subtracted out.
        Assert.Null(data["b"]!.AsArray()[0]!["profileDistribution"]!["groups"]![0]!["count"]);
    }
}
