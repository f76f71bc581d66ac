using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Sessions;
using DigitalInitiativer.Api.Superusers;

namespace DigitalInitiativer.Api.Demo;

/// <summary>
/// Sessions of the AI course to enrol in, and digital superusers to ask. Superusers are named as the demo's dev
/// tokens name people ("Demo demo-0003"), as their own sign-in would. Nothing here draws from the seed's random numbers.
/// </summary>
public static class DemoSessions
{
    public static void Seed(AppDbContext db, IReadOnlyList<Person> persons, IReadOnlyDictionary<string, OrganisationUnit> units, IReadOnlyList<Initiative> initiatives)
    {
        var course = initiatives.Single(i => i.Code == "COURSE-AI-2026");
        db.Sessions().AddRange(
            new InitiativeSession(course.Id, new SessionDetails(new DateTime(2027, 1, 12, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 12, 11, 0, 0, DateTimeKind.Utc),
                "Esbjerg Rådhus, mødelokale 1, Torvegade 74", null, 12, null)),
            new InitiativeSession(course.Id, new SessionDetails(new DateTime(2027, 2, 9, 12, 0, 0, DateTimeKind.Utc), new DateTime(2027, 2, 9, 14, 0, 0, DateTimeKind.Utc),
                null, "https://moede.esbjerg.dk/ai-kursus", 30, null)));

        var registered = new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var code in new[] { "ARB-JC", "BK-SKO", "SO-HJP" })
        {
            var superuser = persons.First(p => p.UnitId == units[code].Id && p.Role == PersonRole.Employee);
            db.DigitalSuperusers().Add(new DigitalSuperuser(superuser.Id, units[code].Id, registered, $"Demo {superuser.Key}", $"{superuser.Key}@esbjerg.invalid"));
        }
        db.SaveChanges();
    }
}
