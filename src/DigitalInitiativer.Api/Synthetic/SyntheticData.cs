using System.Data.Common;
using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Imports;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DigitalInitiativer.Api.Synthetic;

public sealed record SyntheticOptions(int Persons, int Participations, int Initiatives = 100, int Seed = 1);

/// <summary>
/// A synthetic organisation of any size for benchmarks and for tests that check analytics against figures computed
/// independently: units (some without staff), staff, two waves (some people in only one), initiatives and
/// participations (some before the first wave). Deterministic per seed; ids are assigned here, so the rows in
/// memory are exactly the rows written.
/// </summary>
public sealed class SyntheticData
{
    public const string KeyPrefix = "syn-";
    public List<OrganisationUnit> Units { get; } = [];
    public List<Person> Persons { get; } = [];
    public List<SurveyWave> Waves { get; } = [];
    public List<Assessment> Assessments { get; } = [];
    public List<Initiative> Initiatives { get; } = [];
    public List<Participation> Participations { get; } = [];

    private static readonly InitiativeKind[] Kinds =
        [InitiativeKind.Course, InitiativeKind.ELearning, InitiativeKind.VideoGuide, InitiativeKind.DropInCafe, InitiativeKind.PeerTraining, InitiativeKind.Other];

    public static SyntheticData Generate(SyntheticOptions options)
    {
        var random = new Random(options.Seed);
        // Record keys from a generator of their own, so the rest of the data stays what this seed always gave.
        var recordKeys = new Random(~options.Seed);
        var data = new SyntheticData();
        data.AddUnits(Math.Max(12, options.Persons / 250), random);

        // Every seventh unit has no staff of its own, the root included.
        var staffed = data.Units.Where(u => u.Id % 7 != 1).ToArray();
        for (var n = 1; n <= options.Persons; n++)
        {
            data.Persons.Add(new Person
            {
                Id = n, Key = $"{KeyPrefix}{n:000000}", Role = random.NextDouble() < 0.1 ? PersonRole.Leader : PersonRole.Employee,
                UnitId = staffed[random.Next(staffed.Length)].Id, RecordKey = Person.RecordKeyFrom((ulong)recordKeys.NextInt64()),
            });
        }

        var first = new SurveyWave { Id = 1, Year = 2021, Title = "Syntetisk måling 2021", HeldOn = new(2021, 4, 15) };
        var second = new SurveyWave { Id = 2, Year = 2023, Title = "Syntetisk måling 2023", HeldOn = new(2023, 4, 15) };
        data.Waves.AddRange(first, second);

        // The first 95 % answered the first wave and the last 95 % the second: 90 % answered both.
        var firstProfile = new Dictionary<int, CompetenceProfileKind>();
        foreach (var person in data.Persons.Take(options.Persons * 95 / 100))
        {
            var roll = random.NextDouble();
            firstProfile[person.Id] = roll < 0.05 ? CompetenceProfileKind.Awaiting : roll < 0.35 ? CompetenceProfileKind.Hesitant : roll < 0.75 ? CompetenceProfileKind.Willing : CompetenceProfileKind.SelfDriven;
        }

        data.AddInitiatives(options.Initiatives, random);
        var taken = data.AddParticipations(options.Participations, first, second, random);

        var assessmentId = 0;
        foreach (var (personId, profile) in firstProfile)
        {
            var person = data.Persons[personId - 1];
            data.Assessments.Add(new Assessment { Id = ++assessmentId, PersonId = personId, WaveId = first.Id, Profile = profile, UnitId = person.UnitId, Role = person.Role });
        }
        foreach (var person in data.Persons.Skip(options.Persons * 5 / 100))
        {
            var start = firstProfile.TryGetValue(person.Id, out var p) ? (int)p : 1 + random.Next(4);
            var roll = random.NextDouble();
            var up = 0.15 + 0.08 * Math.Min(taken.GetValueOrDefault(person.Id), 3);
            var level = Math.Clamp(roll < up ? start + 1 : roll > 0.95 ? start - 1 : start, 1, 4);
            // One in twenty has moved to another unit by the second wave.
            var unitId = random.NextDouble() < 0.05 ? staffed[random.Next(staffed.Length)].Id : person.UnitId;
            data.Assessments.Add(new Assessment { Id = ++assessmentId, PersonId = person.Id, WaveId = second.Id, Profile = (CompetenceProfileKind)level, UnitId = unitId, Role = person.Role });
        }
        return data;
    }

    private void AddUnits(int count, Random random)
    {
        Units.Add(new OrganisationUnit { Id = 1, Code = "SYN", Name = "Syntetisk Kommune", Path = "/1/" });
        for (var id = 2; id <= count; id++)
        {
            // Eight divisions under the root, then departments and teams under earlier units.
            var parent = id <= 9 ? Units[0] : Units[1 + random.Next(Math.Min(Units.Count - 1, 8 + (id - 9) / 3))];
            Units.Add(new OrganisationUnit { Id = id, Code = $"SYN-{id:0000}", Name = $"Enhed {id}", ParentId = parent.Id, Path = OrganisationUnit.PathUnder(parent.Path, id) });
        }
    }

    private void AddInitiatives(int count, Random random)
    {
        for (var id = 1; id <= count; id++)
        {
            // A third for everyone; the rest for one unit. A few started before the first wave.
            var unit = id % 3 == 1 ? Units[0] : Units[random.Next(Units.Count)];
            var starts = new DateOnly(2020, 9, 1).AddDays(random.Next(900));
            Initiatives.Add(new Initiative($"SYN-I{id:0000}", Kinds[id % Kinds.Length], new InitiativeDetails(
                $"Syntetisk initiativ {id}", null, unit.Id,
                random.NextDouble() < 0.5 ? [] : [(CompetenceProfileKind)(1 + random.Next(4))],
                starts, random.NextDouble() < 0.3 ? null : starts.AddDays(30 + random.Next(300))), id));
        }
    }

    /// <summary>Adds participations, mostly by staff of each initiative's unit; returns how many each person took part in.</summary>
    private Dictionary<int, int> AddParticipations(int count, SurveyWave first, SurveyWave second, Random random)
    {
        var staffUnder = Units.ToDictionary(u => u.Id, _ => new List<int>());
        var pathOf = Units.ToDictionary(u => u.Id, u => u.Path);
        foreach (var person in Persons)
            foreach (var ancestor in pathOf[person.UnitId].Split('/', StringSplitOptions.RemoveEmptyEntries))
                staffUnder[int.Parse(ancestor)].Add(person.Id);

        var seen = new HashSet<long>();
        var taken = new Dictionary<int, int>();
        var attempts = 0;
        while (Participations.Count < count && attempts++ < count * 20)
        {
            var initiative = Initiatives[random.Next(Initiatives.Count)];
            var staff = staffUnder[initiative.UnitId];
            var personId = staff.Count == 0 || random.NextDouble() < 0.03 ? 1 + random.Next(Persons.Count) : staff[random.Next(staff.Count)];
            if (!seen.Add(((long)initiative.Id << 32) | (uint)personId)) continue;

            var last = initiative.EndsOn ?? second.HeldOn.AddDays(60);
            var enrolled = initiative.StartsOn.AddDays(random.Next(Math.Max(1, last.DayNumber - initiative.StartsOn.DayNumber)));
            var roll = random.NextDouble();
            var status = roll < 0.06 ? ParticipationStatus.Withdrawn : roll < 0.15 ? ParticipationStatus.Enrolled : roll < 0.3 ? ParticipationStatus.Started : ParticipationStatus.Completed;
            DateOnly? started = status is ParticipationStatus.Enrolled || (status is ParticipationStatus.Withdrawn && roll < 0.03) ? null : enrolled.AddDays(random.Next(10));
            Participations.Add(new Participation(personId, initiative.Id, new ParticipationRecord(status, enrolled, started,
                status == ParticipationStatus.Completed ? started!.Value.AddDays(random.Next(30)) : null,
                status == ParticipationStatus.Completed && initiative.Kind is InitiativeKind.Course or InitiativeKind.ELearning ? Math.Round(50 + random.NextDouble() * 50, 1) : null),
                id: Participations.Count + 1));
            var date = started ?? enrolled;
            if (status != ParticipationStatus.Withdrawn && date > first.HeldOn && date <= second.HeldOn)
                taken[personId] = taken.GetValueOrDefault(personId) + 1;
        }
        return taken;
    }

    /// <summary>Writes every row with prepared INSERTs in one transaction: an empty database gets all of it or none.</summary>
    public async Task WriteAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await InsertAsync(connection, transaction, "organisation_units", ["Id", "Code", "Name", "ParentId", "Path"], Units, u => [u.Id, u.Code, u.Name, u.ParentId, u.Path], cancellationToken);
            await InsertAsync(connection, transaction, "persons", ["Id", "Key", "Role", "UnitId", "RecordKey"], Persons, p => [p.Id, p.Key, (int)p.Role, p.UnitId, p.RecordKey], cancellationToken);
            await InsertAsync(connection, transaction, "survey_waves", ["Id", "Year", "Title", "HeldOn"], Waves, w => [w.Id, w.Year, w.Title, w.HeldOn], cancellationToken);
            await InsertAsync(connection, transaction, "assessments", ["Id", "PersonId", "WaveId", "Profile", "UnitId", "Role"], Assessments,
                a => [a.Id, a.PersonId, a.WaveId, (int)a.Profile, a.UnitId, (int)a.Role], cancellationToken);
            await InsertAsync(connection, transaction, "initiatives", ["Id", "Code", "Kind", "Title", "Description", "UnitId", "TargetProfileMask", "StartsOn", "EndsOn"], Initiatives,
                i => [i.Id, i.Code, (int)i.Kind, i.Title, i.Description, i.UnitId, i.TargetProfileMask, i.StartsOn, i.EndsOn], cancellationToken);
            await InsertAsync(connection, transaction, "participations", ["Id", "PersonId", "InitiativeId", "Status", "EnrolledOn", "StartedOn", "CompletedOn", "Score"], Participations,
                p => [p.Id, p.PersonId, p.InitiativeId, (int)p.Status, p.EnrolledOn, p.StartedOn, p.CompletedOn, p.Score], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (db.Database.IsNpgsql())
        {
            // The rows carry their own ids, so PostgreSQL's identity sequences must be moved past them.
            foreach (var table in new[] { "organisation_units", "persons", "survey_waves", "assessments", "initiatives", "participations" })
#pragma warning disable EF1002 // table names are the constants above
                await db.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{table}\"), 1))", cancellationToken);
#pragma warning restore EF1002
        }
        // Loaded data is new data: the figures count it from now on, not from the next scheduled refresh.
        await AnalyticsSnapshot.RefreshAsync(db, TimeProvider.System.GetUtcNow().UtcDateTime, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
    }

    private static async Task InsertAsync<T>(DbConnection connection, DbTransaction transaction, string table, string[] columns, IEnumerable<T> rows,
        Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, table, columns, rows, values, cancellationToken);
            return;
        }
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        await using var insert = new SqlBatch(connection, transaction, sql, columns.Length);
        foreach (var row in rows) await insert.ExecuteAsync(cancellationToken, values(row));
    }

    /// <summary>PostgreSQL's bulk path: COPY in binary, some ten times faster than prepared INSERTs for millions of rows.</summary>
    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, string[] columns, IEnumerable<T> rows, Func<T, object?[]> values,
        CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            foreach (var value in values(row))
            {
                var write = value switch
                {
                    null => copy.WriteNullAsync(cancellationToken),
                    int number => copy.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
                    long number => copy.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
                    double number => copy.WriteAsync(number, NpgsqlDbType.Double, cancellationToken),
                    string text => copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
                    DateOnly day => copy.WriteAsync(day, NpgsqlDbType.Date, cancellationToken),
                    _ => throw new NotSupportedException($"No COPY mapping for {value.GetType().Name}."),
                };
                await write;
            }
        }
        await copy.CompleteAsync(cancellationToken);
    }
}
