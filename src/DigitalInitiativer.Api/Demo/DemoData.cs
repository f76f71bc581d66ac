using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Strategy;
using DigitalInitiativer.Api.Surveys;
using Microsoft.EntityFrameworkCore;
using static DigitalInitiativer.Api.Profiles.CompetenceProfileKind;

namespace DigitalInitiativer.Api.Demo;

/// <summary>
/// A deterministic demo municipality: about 2,000 staff, the 2015 and 2017 survey waves with the article's
/// figures (26 % → 54 % SELF_DRIVEN, 4 % → 1 % AWAITING), and initiatives of every kind with participation.
/// Same seed, same data, same keys (demo-0001 ...), every time; seeding twice changes nothing.
/// </summary>
public static class DemoData
{
    public const int PersonCount = 2000;
    private const int Seed = 2015;

    /// <summary>Exact profile counts per wave (1,900 assessed in each). The middle two are our choice; see README.</summary>
    public static readonly IReadOnlyDictionary<int, IReadOnlyDictionary<CompetenceProfileKind, int>> WaveCounts = new Dictionary<int, IReadOnlyDictionary<CompetenceProfileKind, int>>
    {
        [2015] = new Dictionary<CompetenceProfileKind, int> { [Awaiting] = 76, [Hesitant] = 570, [Willing] = 760, [SelfDriven] = 494 },
        [2017] = new Dictionary<CompetenceProfileKind, int> { [Awaiting] = 19, [Hesitant] = 228, [Willing] = 627, [SelfDriven] = 1026 },
    };

    // code, name, parent code, share of staff (0 = a unit with no staff of its own)
    private static readonly (string Code, string Name, string? Parent, int Weight)[] Units =
    [
        ("ESB", "Esbjerg Kommune", null, 0),
        ("ARB", "Arbejdsmarked", "ESB", 2),
        ("ARB-JC", "Jobcenter Esbjerg", "ARB", 8),
        ("ARB-JC-VIRK", "Virksomhedsservice", "ARB-JC", 4),
        ("ARB-JC-UNG", "Ungeindsatsen", "ARB-JC", 4),
        ("ARB-YDL", "Ydelsesservice", "ARB", 4),
        ("BK", "Børn & Kultur", "ESB", 2),
        ("BK-DAG", "Dagtilbud", "BK", 10),
        ("BK-SKO", "Skoler", "BK", 14),
        ("BK-KUL", "Kultur & Fritid", "BK", 3),
        ("SO", "Sundhed & Omsorg", "ESB", 2),
        ("SO-HJP", "Hjemmeplejen", "SO", 12),
        ("SO-PLC", "Plejecentre", "SO", 10),
        ("SO-SYG", "Sygeplejen", "SO", 5),
        ("BD", "Borgerservice & Digitalisering", "ESB", 1),
        ("BD-BSC", "Borgerservice", "BD", 4),
        ("BD-DIG", "Digitalisering & IT", "BD", 3),
        ("BD-PRJ", "Projektkontoret", "BD", 0),
        ("TM", "Teknik & Miljø", "ESB", 2),
        ("TM-BYG", "Byggeri", "TM", 4),
        ("TM-VEJ", "Vej & Park", "TM", 6),
    ];

    /// <summary>Titles and descriptions in Danish, with their English translations for those who ask for English.</summary>
    private sealed record InitiativeSpec(string Code, InitiativeKind Kind, string Title, string Description, string EnglishTitle, string EnglishDescription, string? Url, string Unit,
        CompetenceProfileKind[] Targets, DateOnly StartsOn, DateOnly? EndsOn, double[] TakeUpByLevel);

    // TakeUpByLevel: chance that someone in the unit takes part, by 2015 profile (unassessed, AWAITING, HESITANT, WILLING, SELF_DRIVEN).
    private static readonly InitiativeSpec[] Initiatives =
    [
        new("IDEA-2016", InitiativeKind.IdeaCompetition, "Digitaliseringskonkurrencen 2016",
            "Alle medarbejdere kunne foreslå digitale løsninger, der ville gøre hverdagen lettere. Kollegerne stemte, og de bedste forslag blev bygget.",
            "The digitalisation competition 2016", "All staff could propose digital solutions that would make their daily work easier. Colleagues voted, and the best proposals were built.", null,
            "ESB", [], new(2016, 2, 1), new(2016, 9, 30), [0.05, 0.02, 0.06, 0.14, 0.25]),
        new("COURSE-OFFICE", InitiativeKind.Course, "Kursus: kom godt i gang med Office 365",
            "Et praktisk kursus i mail, kalender og delte dokumenter for dem, der bruger dem mindst.",
            "Course: getting started with Office 365", "A hands-on course in mail, calendar and shared documents for those who use them the least.", null,
            "ESB", [Awaiting, Hesitant], new(2015, 9, 1), new(2017, 6, 30), [0.05, 0.45, 0.30, 0.06, 0.01]),
        new("COURSE-ESDH", InitiativeKind.Course, "Kursus: journalisering i ESDH",
            "Sagsbehandling og journalisering i ESDH-systemet, fra det grundlæggende til gode vaner.",
            "Course: filing in the document management system", "Case handling and filing in the document management system, from the basics to good habits.", null,
            "ESB", [Hesitant, Willing], new(2015, 10, 1), new(2016, 12, 31), [0.03, 0.05, 0.12, 0.15, 0.04]),
        new("ELEARN-SECURITY", InitiativeKind.ELearning, "E-læring: it-sikkerhed og persondata",
            "Et kort onlineforløb om phishing, adgangskoder og sikker håndtering af persondata.",
            "E-learning: IT security and personal data", "A short online programme on phishing, passwords and handling personal data safely.", "https://laering.esbjerg.dk/it-sikkerhed",
            "ESB", [], new(2015, 11, 1), null, [0.10, 0.08, 0.20, 0.30, 0.35]),
        new("ELEARN-DIGIPOST", InitiativeKind.ELearning, "E-læring: Digital Post i sagsbehandlingen",
            "Sådan sender, modtager og journaliserer du Digital Post som en del af sagsbehandlingen.",
            "E-learning: Digital Post in case work", "How to send, receive and file Digital Post as part of case work.", "https://laering.esbjerg.dk/digital-post",
            "ESB", [Hesitant, Willing], new(2016, 1, 15), null, [0.04, 0.04, 0.12, 0.16, 0.08]),
        new("VIDEO-GUIDES", InitiativeKind.VideoGuide, "Videovejledninger til fagsystemerne",
            "Videoer på to minutter, der viser én opgave ad gangen i de mest brugte systemer.",
            "Video guides to the case systems", "Two-minute videos that show one task at a time in the most used systems.", "https://video.esbjerg.dk/vejledninger",
            "ESB", [], new(2015, 8, 15), null, [0.08, 0.05, 0.18, 0.22, 0.12]),
        new("JC-CAFE", InitiativeKind.DropInCafe, "Drop-in café i Jobcenter Esbjerg",
            "Åbne møder, hvor medarbejdere prøver og øver nye systemer, før de går i drift, med hjælp ved hånden.",
            "Drop-in café at Jobcenter Esbjerg", "Open sessions where staff try out and practise new systems before they go live, with help at hand.", null,
            "ARB-JC", [Awaiting, Hesitant], new(2015, 10, 1), new(2017, 3, 31), [0.15, 0.55, 0.60, 0.25, 0.08]),
        new("JC-SUPERUSERS", InitiativeKind.PeerTraining, "Sidemandsoplæring ved digitale superbrugere",
            "Udpegede digitale superbrugere hjælper kollegaen ved siden af, så snart der opstår et digitalt problem.",
            "Peer training by digital superusers", "Appointed digital superusers help the colleague next to them as soon as a digital problem comes up.", null,
            "ARB-JC", [Hesitant, Willing], new(2015, 11, 1), null, [0.10, 0.45, 0.55, 0.30, 0.05]),
        new("INSPIRATION-2016", InitiativeKind.Other, "Digital inspirationsdag for ledere",
            "En dag for ledere om at lede digital forandring i egen enhed.",
            "Digital inspiration day for leaders", "A day for leaders on leading digital change in their own unit.", null,
            "ESB", [], new(2016, 4, 12), new(2016, 4, 12), [0.02, 0.01, 0.02, 0.04, 0.06]),
        new("COURSE-AI-2026", InitiativeKind.Course, "Kursus: kunstig intelligens i sagsbehandlingen",
            "Hvad AI-assistenter kan og ikke kan i sagsbehandlingen, og hvordan du bruger dem inden for reglerne.",
            "Course: artificial intelligence in case work", "What AI assistants can and cannot do in case work, and how to use them within the rules.", null,
            "ESB", [Willing, SelfDriven], new(2026, 9, 1), new(2027, 3, 31), [0.0, 0.0, 0.0, 0.0, 0.0]),
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        // Only into an empty database, so demo people never mix with imported or generated ones.
        if (await db.Persons().AnyAsync(cancellationToken)) return;

        var random = new Random(Seed);
        // Record keys from a generator of their own, so every other demo figure stays what the seed always gave.
        var recordKeys = new Random(~Seed);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var units = await SeedUnitsAsync(db, cancellationToken);
        var staffed = Units.Where(u => u.Weight > 0).ToArray();
        var totalWeight = staffed.Sum(u => u.Weight);
        var persons = Enumerable.Range(1, PersonCount).Select(n =>
        {
            var pick = random.Next(totalWeight);
            var unit = staffed.First(u => (pick -= u.Weight) < 0);
            return new Person
            {
                Key = $"demo-{n:0000}",
                // Every tenth person is a leader, starting with demo-0002, so both roles are easy to try.
                Role = n % 10 == 2 ? PersonRole.Leader : PersonRole.Employee,
                UnitId = units[unit.Code].Id,
                RecordKey = Person.RecordKeyFrom((ulong)recordKeys.NextInt64()),
            };
        }).ToList();
        db.Persons().AddRange(persons);
        await db.SaveChangesAsync(cancellationToken);

        var wave2015 = new SurveyWave { Year = 2015, Title = "Digital modenhed 2015", HeldOn = new(2015, 4, 15) };
        var wave2017 = new SurveyWave { Year = 2017, Title = "Digital modenhed 2017", HeldOn = new(2017, 4, 15) };
        db.SurveyWaves().AddRange(wave2015, wave2017);

        // Persons 1..1900 answered in 2015; 101..2000 in 2017 (100 left, 100 joined): 1,800 answered both.
        var in2015 = persons.Take(1900).ToList();
        var in2017 = persons.Skip(100).ToList();
        var profile2015 = Shuffle(Multiset(WaveCounts[2015]), random).Select((kind, i) => (in2015[i], kind)).ToDictionary(x => x.Item1, x => x.kind);

        var initiatives = Initiatives.Select(spec => new Initiative(spec.Code, spec.Kind,
            new InitiativeDetails(spec.Title, spec.Description, units[spec.Unit].Id, spec.Targets, spec.StartsOn, spec.EndsOn, spec.Url, spec.EnglishTitle, spec.EnglishDescription))).ToList();
        db.Initiatives().AddRange(initiatives);
        await db.SaveChangesAsync(cancellationToken);

        var participationCount = persons.ToDictionary(p => p, _ => 0);
        var unitPaths = units.Values.ToDictionary(u => u.Id, u => u.Path);
        for (var i = 0; i < Initiatives.Length; i++)
        {
            var spec = Initiatives[i];
            var target = initiatives[i];
            var rootPath = units[spec.Unit].Path;
            foreach (var person in persons.Where(p => unitPaths[p.UnitId].StartsWith(rootPath, StringComparison.Ordinal)))
            {
                var level = profile2015.TryGetValue(person, out var kind) ? (int)kind : 0;
                if (random.NextDouble() >= spec.TakeUpByLevel[level]) continue;
                db.Participations().Add(MakeParticipation(person, target, spec, random));
                participationCount[person]++;
            }
        }

        // 2017: rank everyone by where they started plus a nudge for each initiative they took part in, then hand out
        // the 2017 profiles in that order. The totals match the article exactly and most people move up or stay.
        var ranked = in2017
            .OrderBy(p => (profile2015.TryGetValue(p, out var k) ? (int)k : 2.5) + 0.35 * Math.Min(participationCount[p], 3) + random.NextDouble() * 1.6)
            .ToList();
        var profile2017 = Multiset(WaveCounts[2017]).Select((kind, i) => (ranked[i], kind));

        db.Assessments().AddRange(profile2015.Select(x => new Assessment { PersonId = x.Key.Id, WaveId = wave2015.Id, Profile = x.Value, UnitId = x.Key.UnitId, Role = x.Key.Role }));
        db.Assessments().AddRange(profile2017.Select(x => new Assessment { PersonId = x.Item1.Id, WaveId = wave2017.Id, Profile = x.kind, UnitId = x.Item1.UnitId, Role = x.Item1.Role }));
        db.StrategyGoals().AddRange(
            new StrategyGoal(new GoalTarget("60 % selvkørende i 2020", SelfDriven, GoalComparison.AtLeast, 0.60, 2020, UnitId: null)),
            // 2 %, not exactly the 1 % the 2017 wave reached: published counts are perturbed by up to ±D, and a goal met to the person could read either way.
            new StrategyGoal(new GoalTarget("Højst 2 % afventende i 2020", Awaiting, GoalComparison.AtMost, 0.02, 2020, UnitId: null)),
            new StrategyGoal(new GoalTarget("Jobcenter Esbjerg: 60 % selvkørende i 2017", SelfDriven, GoalComparison.AtLeast, 0.60, 2017, units["ARB-JC"].Id)));
        await db.SaveChangesAsync(cancellationToken);
        DemoCompetitions.Seed(db, persons, units, initiatives.Single(i => i.Code == "IDEA-2016"), random);
        DemoSessions.Seed(db, persons, units, initiatives);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Dictionary<string, OrganisationUnit>> SeedUnitsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var units = new Dictionary<string, OrganisationUnit>();
        foreach (var (code, name, parent, _) in Units)
        {
            var unit = new OrganisationUnit { Code = code, Name = name, ParentId = parent is null ? null : units[parent].Id };
            db.Units().Add(unit);
            await db.SaveChangesAsync(cancellationToken);
            unit.Path = OrganisationUnit.PathUnder(parent is null ? null : units[parent].Path, unit.Id);
            units[code] = unit;
        }
        await db.SaveChangesAsync(cancellationToken);
        return units;
    }

    private static Participation MakeParticipation(Person person, Initiative initiative, InitiativeSpec spec, Random random)
    {
        var lastDay = spec.EndsOn ?? new DateOnly(2017, 3, 31);
        var span = Math.Max(0, lastDay.DayNumber - spec.StartsOn.DayNumber);
        var enrolledOn = spec.StartsOn.AddDays(random.Next(span + 1));
        var roll = random.NextDouble();
        var status = roll < 0.06 ? ParticipationStatus.Withdrawn : roll < 0.18 ? ParticipationStatus.Started : ParticipationStatus.Completed;
        var startedOn = status == ParticipationStatus.Withdrawn && random.NextDouble() < 0.5 ? (DateOnly?)null : enrolledOn.AddDays(random.Next(0, 15));
        var completedOn = status == ParticipationStatus.Completed ? startedOn!.Value.AddDays(random.Next(0, 30)) : (DateOnly?)null;
        var scored = spec.Kind is InitiativeKind.Course or InitiativeKind.ELearning && status == ParticipationStatus.Completed;
        return new Participation(person.Id, initiative.Id,
            new ParticipationRecord(status, enrolledOn, startedOn, completedOn, scored ? Math.Round(60 + random.NextDouble() * 40, 1) : null));
    }

    private static List<CompetenceProfileKind> Multiset(IReadOnlyDictionary<CompetenceProfileKind, int> counts) =>
        counts.OrderBy(c => c.Key).SelectMany(c => Enumerable.Repeat(c.Key, c.Value)).ToList();

    private static List<T> Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }
}
