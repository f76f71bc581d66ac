using GraphQL;

namespace DigitalInitiativer.Api.Exports;

/// <summary>The three exports. Their query-string parameters are the queries' arguments, by the same names.</summary>
public static class ExportDefinitions
{
    public static readonly Export ReachMatrix = new(
        "reach-matrix.csv",
        """
        query($filter: ReachFilter) { reachMatrix(filter: $filter) {
          wave { year }
          rows { initiative { code title } kind totalParticipants totalSuppressed cells { profile { kind } participants coverage suppressed } }
        } }
        """,
        ["waveId", "unitId", "role", "kinds", "from", "to", "groupByKind", "completedOnly", "minVisits"],
        query => Variables(("filter", Filter(query, "waveId", "unitId", "role", "kinds", "from", "to", "groupByKind", "completedOnly", "minVisits"))),
        data =>
        {
            var matrix = data["reachMatrix"]!;
            var wave = (int?)matrix["wave"]?["year"];
            return (["wave_year", "initiative_code", "initiative_title", "kind", "total_participants", "total_suppressed", "profile", "participants", "coverage", "suppressed"],
                matrix["rows"]!.AsArray().SelectMany(row => row!["cells"]!.AsArray().Select(cell => new object?[]
                {
                    wave, (string?)row["initiative"]?["code"], (string?)row["initiative"]?["title"], (string?)row["kind"],
                    (int?)row["totalParticipants"], (bool)row["totalSuppressed"]!,
                    (string?)cell!["profile"]?["kind"] ?? "UNASSESSED", (int?)cell["participants"], (double?)cell["coverage"], (bool)cell["suppressed"]!,
                })));
        });

    public static readonly Export ProfileTransitions = new(
        "profile-transitions.csv",
        """
        query($fromWaveId: ID!, $toWaveId: ID!, $filter: TransitionFilter) {
          profileTransitions(fromWaveId: $fromWaveId, toWaveId: $toWaveId, filter: $filter) {
            all { ...Table } participants { ...Table } nonParticipants { ...Table }
            difference { estimate ciLow ciHigh suppressed }
          }
        }
        fragment Table on TransitionTable { n movedUpShare stayedShare movedDownShare suppressed cells { from { kind } to { kind } count suppressed } }
        """,
        ["fromWaveId", "toWaveId", "initiativeId", "initiativeKind", "unitId", "role", "completedOnly", "minVisits"],
        query => Variables(("fromWaveId", query["fromWaveId"].FirstOrDefault()), ("toWaveId", query["toWaveId"].FirstOrDefault()),
            ("filter", Filter(query, "initiativeId", "initiativeKind", "unitId", "role", "completedOnly", "minVisits"))),
        data =>
        {
            var transitions = data["profileTransitions"]!;
            IEnumerable<object?[]> Table(string group)
            {
                var table = transitions[group]!;
                var suppressed = (bool)table["suppressed"]!;
                yield return [group, "n", null, null, (double?)table["n"], suppressed];
                yield return [group, "moved_up_share", null, null, (double?)table["movedUpShare"], suppressed];
                yield return [group, "stayed_share", null, null, (double?)table["stayedShare"], suppressed];
                yield return [group, "moved_down_share", null, null, (double?)table["movedDownShare"], suppressed];
                foreach (var cell in table["cells"]!.AsArray())
                    yield return [group, "count", (string?)cell!["from"]!["kind"], (string?)cell["to"]!["kind"], (double?)cell["count"], (bool)cell["suppressed"]!];
            }
            var difference = transitions["difference"]!;
            var differenceSuppressed = (bool)difference["suppressed"]!;
            return (["group", "measure", "from_profile", "to_profile", "value", "suppressed"],
                Table("all").Concat(Table("participants")).Concat(Table("nonParticipants")).Concat(
                [
                    ["difference", "moved_up_share_estimate", null, null, (double?)difference["estimate"], differenceSuppressed],
                    ["difference", "ci_low", null, null, (double?)difference["ciLow"], differenceSuppressed],
                    ["difference", "ci_high", null, null, (double?)difference["ciHigh"], differenceSuppressed],
                ]));
        });

    public static readonly Export ProfileDistribution = new(
        "profile-distribution.csv",
        """
        query($unitId: ID, $role: PersonRole) { surveyWaves { year heldOn
          profileDistribution(unitId: $unitId, role: $role) { total suppressed groups { profile { kind } count share suppressed } }
        } }
        """,
        ["unitId", "role"],
        query => Variables(("unitId", query["unitId"].FirstOrDefault()), ("role", query["role"].FirstOrDefault())),
        data => (["wave_year", "held_on", "profile", "count", "share", "suppressed"],
            data["surveyWaves"]!.AsArray().SelectMany(wave =>
            {
                var distribution = wave!["profileDistribution"]!;
                return new[] { new object?[] { (int)wave["year"]!, (string?)wave["heldOn"], "ALL", (int?)distribution["total"], null, (bool)distribution["suppressed"]! } }
                    .Concat(distribution["groups"]!.AsArray().Select(group => new object?[]
                    {
                        (int)wave["year"]!, (string?)wave["heldOn"], (string?)group!["profile"]!["kind"], (int?)group["count"], (double?)group["share"], (bool)group["suppressed"]!,
                    }));
            })));

    public static readonly Export[] All = [ReachMatrix, ProfileTransitions, ProfileDistribution];

    private static Inputs Variables(params (string Name, object? Value)[] values) =>
        new(values.Where(v => v.Value is not null).ToDictionary(v => v.Name, v => v.Value));

    /// <summary>An input object from the named parameters that were given: lists comma-separated, booleans true/false.</summary>
    private static Dictionary<string, object?>? Filter(IQueryCollection query, params string[] names)
    {
        var filter = new Dictionary<string, object?>();
        foreach (var name in names)
        {
            if (query[name].FirstOrDefault() is not { } value) continue;
            filter[name] = name switch
            {
                "kinds" => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Cast<object?>().ToList(),
                "groupByKind" or "completedOnly" when bool.TryParse(value, out var flag) => flag,
                "minVisits" when int.TryParse(value, out var visits) => visits,
                _ => value,
            };
        }
        return filter.Count == 0 ? null : filter;
    }
}
