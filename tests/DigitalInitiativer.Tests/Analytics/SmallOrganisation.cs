using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Api.Synthetic;
using static DigitalInitiativer.Api.Profiles.CompetenceProfileKind;

namespace DigitalInitiativer.Tests.Analytics;

/// <summary>
/// A tiny organisation built to tempt an attacker: a sub-unit of three people (two AWAITING, one a leader), a unit
/// whose own staff are few, a unit and a root without staff, one leader in a small unit, and courses that overlap.
/// </summary>
public sealed class SmallOrganisationFactory : SyntheticApiFactory
{
    public const int Root = 1, A = 2, B = 3, B1 = 4, C = 5;
    public static readonly DateOnly Between = new(2022, 1, 10);

    protected override SyntheticData CreateData()
    {
        var data = new SyntheticData();
        data.Units.AddRange(
            Unit(Root, "R", null, "/1/"), Unit(A, "A", Root, "/1/2/"), Unit(B, "B", Root, "/1/3/"), Unit(B1, "B1", B, "/1/3/4/"), Unit(C, "C", Root, "/1/5/"));
        var first = new SurveyWave { Id = 1, Year = 2021, Title = "Første", HeldOn = new(2021, 4, 15) };
        var second = new SurveyWave { Id = 2, Year = 2023, Title = "Anden", HeldOn = new(2023, 4, 15) };
        data.Waves.AddRange(first, second);

        // (unit, leader?, first-wave profile) for persons 1..40; person 30 is assessed only in the first wave.
        var staff = new List<(int Unit, bool Leader, CompetenceProfileKind Profile)>();
        CompetenceProfileKind[] inA = [.. Enumerable.Repeat(Awaiting, 6), .. Enumerable.Repeat(Hesitant, 8), .. Enumerable.Repeat(Willing, 9), .. Enumerable.Repeat(SelfDriven, 7)];
        staff.AddRange(inA.Select((p, i) => (A, i < 4, p)));
        staff.AddRange(new[] { Awaiting, Hesitant, Hesitant, Hesitant, Willing, Willing, SelfDriven }.Select((p, i) => (B, i == 0, p)));
        staff.AddRange(new[] { Awaiting, Awaiting, Hesitant }.Select((p, i) => (B1, i == 0, p)));
        foreach (var (member, id) in staff.Select((s, i) => (s, i + 1)))
            data.Persons.Add(new Person { Id = id, Key = $"small-{id}", UnitId = member.Unit, Role = member.Leader ? PersonRole.Leader : PersonRole.Employee });
        data.Persons.Add(new Person { Id = 41, Key = "small-41", UnitId = A, Role = PersonRole.Employee });

        data.Initiatives.AddRange(
            Initiative(1, "I1", InitiativeKind.Course, Root), Initiative(2, "I2", InitiativeKind.Course, B), Initiative(3, "I3", InitiativeKind.DropInCafe, A));
        int[][] participants = [[.. Enumerable.Range(1, 12), 31, 32, 33, 34, 38, 39], [32, 33, 34, 35, 36, 40], [.. Enumerable.Range(5, 11), 31]];
        for (var i = 0; i < participants.Length; i++)
            foreach (var personId in participants[i])
                data.Participations.Add(new Participation(personId, i + 1,
                    new ParticipationRecord(ParticipationStatus.Completed, Between, Between, Between.AddDays(5)), id: data.Participations.Count + 1));
        data.Participations.Add(new Participation(20, 1, new ParticipationRecord(ParticipationStatus.Completed, new(2021, 1, 5)), id: data.Participations.Count + 1));

        var tookPart = data.Participations.Where(p => p.EnrolledOn == Between).Select(p => p.PersonId).ToHashSet();
        foreach (var person in data.Persons)
        {
            var start = person.Id <= staff.Count ? staff[person.Id - 1].Profile : Hesitant;
            if (person.Id != 41) data.Assessments.Add(Assessment(data, person, first, start));
            var moved = (CompetenceProfileKind)Math.Clamp((int)start + (tookPart.Contains(person.Id) ? 1 : 0) - (person.Id % 11 == 0 ? 1 : 0), 1, 4);
            if (person.Id != 30) data.Assessments.Add(Assessment(data, person, second, moved));
        }
        return data;
    }

    private static OrganisationUnit Unit(int id, string code, int? parent, string path) => new() { Id = id, Code = code, Name = code, ParentId = parent, Path = path };

    private static Initiative Initiative(int id, string code, InitiativeKind kind, int unit) =>
        new(code, kind, new InitiativeDetails(code, null, unit, [], new(2021, 1, 1), null), id);

    private static Assessment Assessment(SyntheticData data, Person person, SurveyWave wave, CompetenceProfileKind profile) =>
        new() { Id = data.Assessments.Count + 1, PersonId = person.Id, WaveId = wave.Id, Profile = profile, UnitId = person.UnitId, Role = person.Role };
}
