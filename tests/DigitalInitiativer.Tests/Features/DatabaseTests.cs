using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace DigitalInitiativer.Tests.Features;

public sealed class DatabaseTests(EmptyApiFactory api) : IClassFixture<EmptyApiFactory>
{
    [Fact]
    public async Task The_committed_migrations_match_the_model()
    {
        _ = api.Services; // start the app: it applies the migrations
        await using var db = api.OpenDb();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: see README, Database migrations");
    }

    [Fact]
    public async Task Without_demo_seeding_the_database_starts_empty()
    {
        var data = await api.CreateGraphQLClient().QueryAsync("{ surveyWaves { id } initiatives { totalCount } }");

        Assert.Empty(data["surveyWaves"]!.AsArray());
        Assert.Equal(0, (int)data["initiatives"]!["totalCount"]!);
    }

    [Fact]
    public void The_default_database_is_a_file_in_a_data_folder_the_app_creates()
    {
        var root = Path.Combine(Path.GetTempPath(), $"content-root-{Guid.NewGuid():N}");

        var connectionString = SqliteConnectionStrings.Resolve(null, root);

        Assert.Contains(Path.Combine(root, "data", "digitalinitiativer.db"), connectionString);
        Assert.True(Directory.Exists(Path.Combine(root, "data")));
        Directory.Delete(root, recursive: true);
    }

    [Theory]
    [InlineData("Oracle", null, "use Sqlite or Postgres")]
    [InlineData("Postgres", null, "must name the PostgreSQL database")]
    public void A_wrong_database_setting_stops_the_app_with_a_message_that_says_what_to_set(string provider, string? connectionString, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseConnection.ProviderKey] = provider,
            ["ConnectionStrings:DigitalInitiativer"] = connectionString,
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => DatabaseConnection.FromConfiguration(configuration, Path.GetTempPath()));

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("postgres", DatabaseProvider.Postgres)]
    public void The_provider_is_SQLite_unless_PostgreSQL_is_chosen(string? provider, DatabaseProvider expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseConnection.ProviderKey] = provider,
            ["ConnectionStrings:DigitalInitiativer"] = provider is null ? null : "Host=localhost;Database=x",
        }).Build();

        Assert.Equal(expected, DatabaseConnection.FromConfiguration(configuration, Path.Combine(Path.GetTempPath(), "digitalinitiativer-tests")).Provider);
    }

    [SqliteFact]
    public async Task The_app_starts_on_an_existing_database_that_is_not_in_WAL_mode_and_switches_it()
    {
        // Leaving WAL mode needs every other connection closed, including the idle ones this class's app keeps pooled.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(api.ConnectionString + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE";
            command.ExecuteNonQuery();
        }
        await using var restarted = new RestartedApp(api.DatabasePath);

        var data = await restarted.CreateGraphQLClient().QueryAsync("{ competenceProfiles { kind } }");

        Assert.Equal(4, data["competenceProfiles"]!.AsArray().Count);
        using var check = new Microsoft.Data.Sqlite.SqliteConnection(api.ConnectionString + ";Pooling=False");
        check.Open();
        using var mode = check.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", mode.ExecuteScalar());
    }

    /// <summary>The app started again on a database file that already exists.</summary>
    private sealed class RestartedApp(string path) : ApiFactory
    {
        protected override bool WithDemoData => false;
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("ConnectionStrings:DigitalInitiativer", $"Data Source={path}")];
    }
}
