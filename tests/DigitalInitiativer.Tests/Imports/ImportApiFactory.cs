using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalInitiativer.Tests.Imports;

/// <summary>The demo app with every log line captured, and a way to search the whole database for a text.</summary>
public sealed class ImportApiFactory : ApiFactory
{
    public LogCapture Logs { get; } = new();

    // These tests import again and again; the once-a-period limit on placing imports has its own test.
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Logging:LogLevel:Default", "Trace"), new("Imports:PlacementImportHours", "0")];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);

    /// <summary>Every table and column whose stored value contains <paramref name="text"/>.</summary>
    public List<string> FindInDatabase(string text)
    {
        var found = new List<string>();
        using var db = OpenDb();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = TestDatabase.IsPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
                for (var i = 0; i < reader.FieldCount; i++)
                    if (!reader.IsDBNull(i) && Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!.Contains(text, StringComparison.Ordinal))
                        found.Add($"{table}.{reader.GetName(i)}");
        }
        return found;
    }
}
