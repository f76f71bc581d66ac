using System.Data.Common;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.Imports;

/// <summary>Thrown when no import may run at all, e.g. without a pseudonymisation key in Production.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);

/// <summary>
/// The one importer behind the CLI and the GraphQL mutations. Files are streamed row by row; valid rows are written
/// as they come, inside one transaction that is rolled back when any problem turned up or the run is a dry run.
/// Employee numbers are pseudonymised on the way in and never written or logged.
/// </summary>
public sealed partial class Importer(AppDbContext db, Pseudonymiser pseudonymiser, IOptions<ImportSettings> settings, TimeProvider clock)
{
    private void RequirePseudonymisation()
    {
        if (!pseudonymiser.IsConfigured)
            throw new ImportRefusedException(ImportTexts.PseudonymisationNotConfigured.Format());
    }

    /// <summary>Runs <paramref name="work"/> in a transaction and keeps its writes only if the report has no problems and it is not a dry run.</summary>
    private async Task<ImportReport> InTransactionAsync(ImportReport report, Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work(db.Database.GetDbConnection(), transaction.GetDbTransaction());
        if (report.Applied) await transaction.CommitAsync(cancellationToken);
        else await transaction.RollbackAsync(cancellationToken);
        return report;
    }

    /// <summary>Everyone already known, by pseudonym; creates people on first sight.</summary>
    private sealed class PersonDirectory(Dictionary<string, (int Id, int UnitId, PersonRole Role)> known, SqlBatch insert, SqlBatch move, ImportReport report)
    {
        public static async Task<PersonDirectory> LoadAsync(AppDbContext db, DbConnection connection, DbTransaction transaction, ImportReport report, CancellationToken cancellationToken)
        {
            var known = await db.Persons().ToDictionaryAsync(p => p.Key, p => (p.Id, p.UnitId, p.Role), cancellationToken);
            return new PersonDirectory(known,
                new SqlBatch(connection, transaction, """INSERT INTO "persons" ("Key", "Role", "UnitId", "RecordKey") VALUES (@p0, @p1, @p2, @p3) RETURNING "Id" """, 4),
                new SqlBatch(connection, transaction, """UPDATE "persons" SET "UnitId" = @p1, "Role" = @p2 WHERE "Id" = @p0""", 3),
                report);
        }

        public async Task<int> GetOrCreateAsync(string key, int unitId, PersonRole role, CancellationToken cancellationToken)
        {
            if (known.TryGetValue(key, out var person)) return person.Id;
            var id = (int)await insert.ScalarAsync(cancellationToken, key, (int)role, unitId, Person.NewRecordKey());
            known[key] = (id, unitId, role);
            report.PersonsCreated++;
            return id;
        }

        /// <summary>Records where someone works now, from the latest survey wave.</summary>
        public async Task PlaceAsync(int id, string key, int unitId, PersonRole role, CancellationToken cancellationToken)
        {
            var person = known[key];
            if (person.UnitId == unitId && person.Role == role) return;
            await move.ExecuteAsync(cancellationToken, id, unitId, (int)role);
            known[key] = (id, unitId, role);
        }

        public async ValueTask DisposeAsync()
        {
            await insert.DisposeAsync();
            await move.DisposeAsync();
        }
    }
}
