using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Api.Synthetic;

namespace DigitalInitiativer.Tests.Analytics;

/// <summary>
/// The analytics figures computed the plain way: LINQ over the rows in memory, one person at a time. Shares the
/// definitions with the API (documented in docs/analytics.md), not its code.
/// </summary>
public sealed class Expected(SyntheticData data)
{
    public const string Unassessed = "UNASSESSED";
    public static readonly string[] Groups = ["AWAITING", "HESITANT", "WILLING", "SELF_DRIVEN", Unassessed];

    private readonly Dictionary<int, string> _pathOf = data.Units.ToDictionary(u => u.Id, u => u.Path);
    private readonly Dictionary<(int PersonId, int WaveId), Assessment> _assessment = data.Assessments.ToDictionary(a => (a.PersonId, a.WaveId));
    private readonly Dictionary<int, Person> _person = data.Persons.ToDictionary(p => p.Id);

    public static string Name(CompetenceProfileKind kind) => kind switch
    {
        CompetenceProfileKind.Awaiting => "AWAITING",
        CompetenceProfileKind.Hesitant => "HESITANT",
        CompetenceProfileKind.Willing => "WILLING",
        _ => "SELF_DRIVEN",
    };

    public bool Within(int unitId, int? rootUnitId) => rootUnitId is not { } root || _pathOf[unitId].StartsWith(_pathOf[root], StringComparison.Ordinal);

    /// <summary>Where a person is counted in a wave: their assessment's profile, unit and role, or unassessed at their current unit.</summary>
    public (string Group, int UnitId, PersonRole Role) Placement(int personId, int waveId)
    {
        var person = _person[personId];
        return !_assessment.TryGetValue((personId, waveId), out var assessment) ? (Unassessed, person.UnitId, person.Role) : (Name(assessment.Profile), assessment.UnitId, assessment.Role);
    }

    private bool Counts((string Group, int UnitId, PersonRole Role) placed, int? unitId, PersonRole? role) =>
        Within(placed.UnitId, unitId) && (role is null || placed.Role == role);

    public IEnumerable<int> ParticipantsOf(IEnumerable<int> initiativeIds)
    {
        var ids = initiativeIds.ToHashSet();
        return data.Participations.Where(p => ids.Contains(p.InitiativeId) && p.Status != ParticipationStatus.Withdrawn).Select(p => p.PersonId).Distinct();
    }

    public long Reached(IEnumerable<int> initiativeIds, string group, int waveId, int? unitId, PersonRole? role) =>
        ParticipantsOf(initiativeIds).Select(p => Placement(p, waveId)).Count(x => x.Group == group && Counts(x, unitId, role));

    /// <summary>
    /// Where a participant is counted without a wave: by their latest assessment on or before they began (its profile,
    /// unit and role), or unassessed at their current unit; a kind's row by their first participation of the kind.
    /// </summary>
    public (string Group, int UnitId, PersonRole Role) PlacementAtStart(int personId, DateOnly beganOn)
    {
        var wave = data.Waves.Where(w => w.HeldOn <= beganOn && _assessment.ContainsKey((personId, w.Id))).MaxBy(w => w.HeldOn);
        return wave is null ? (Unassessed, _person[personId].UnitId, _person[personId].Role) : Placement(personId, wave.Id);
    }

    public long ReachedAtStart(IEnumerable<int> initiativeIds, string? group, int? unitId, PersonRole? role)
    {
        var ids = initiativeIds.ToHashSet();
        return data.Participations.Where(p => ids.Contains(p.InitiativeId) && p.Status != ParticipationStatus.Withdrawn)
            .GroupBy(p => p.PersonId)
            .Select(g => PlacementAtStart(g.Key, g.Min(p => p.StartedOn ?? p.EnrolledOn)))
            .Count(x => (group is null || x.Group == group) && Counts(x, unitId, role));
    }

    public long Population(string group, int waveId, int? unitId, PersonRole? role) =>
        data.Persons.Select(p => Placement(p.Id, waveId)).Count(x => x.Group == group && Counts(x, unitId, role));

    /// <summary>The people assessed in both waves with (from, to) profile, placed as the earlier wave placed them.</summary>
    public List<(int PersonId, CompetenceProfileKind From, CompetenceProfileKind To)> Pairs(SurveyWave from, SurveyWave to, int? unitId, PersonRole? role) =>
        data.Assessments.Where(a => a.WaveId == from.Id && Within(a.UnitId, unitId) && (role is null || a.Role == role))
            .Join(data.Assessments.Where(a => a.WaveId == to.Id), a => a.PersonId, b => b.PersonId, (a, b) => (a.PersonId, a.Profile, b.Profile))
            .ToList();

    public HashSet<int> TookPartBetween(SurveyWave from, SurveyWave to, Func<Initiative, bool> counts)
    {
        var initiatives = data.Initiatives.Where(counts).Select(i => i.Id).ToHashSet();
        return data.Participations
            .Where(p => initiatives.Contains(p.InitiativeId) && p.Status != ParticipationStatus.Withdrawn)
            .Where(p => (p.StartedOn ?? p.EnrolledOn) > from.HeldOn && (p.StartedOn ?? p.EnrolledOn) <= to.HeldOn)
            .Select(p => p.PersonId).ToHashSet();
    }
}
