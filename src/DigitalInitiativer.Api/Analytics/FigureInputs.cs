using DigitalInitiativer.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalInitiativer.Api.Analytics;

/// <summary>
/// A counter that moves whenever anything the figures count changes. Database triggers move it in the same transaction
/// as the write (see the AnalyticsInputsVersion migrations), so no code path can change a figure's input without
/// moving it: imports, erasure, refreshes and hand-written SQL included. Every instance on the database reads it.
/// </summary>
public sealed class FigureInputsVersion
{
    public const int SingleRow = 1;

    public int Id { get; private set; } = SingleRow;
    public long Version { get; private set; }
}

public sealed class FigureInputsVersionConfiguration : IEntityTypeConfiguration<FigureInputsVersion>
{
    public void Configure(EntityTypeBuilder<FigureInputsVersion> version)
    {
        version.ToTable("analytics_inputs_version");
        version.Property(v => v.Id).ValueGeneratedNever();
        version.HasData(new { Id = FigureInputsVersion.SingleRow, Version = 0L });
    }
}

public static class FigureInputs
{
    /// <summary>The tables the figures count, and the columns of each whose change moves a figure (null: every change does).</summary>
    public static readonly IReadOnlyList<(string Table, string[]? Columns)> Tables =
    [
        ("analytics_participations", null),
        ("persons", ["UnitId", "Role", "RecordKey", "ErasedAtUtc"]),
        ("assessments", null),
        ("survey_waves", ["HeldOn"]),
        ("organisation_units", ["ParentId", "Path"]),
        ("initiatives", ["Kind", "UnitId"]),
    ];

    public static Task<long> VersionAsync(this AppDbContext db, CancellationToken cancellationToken) =>
        db.Set<FigureInputsVersion>().Where(v => v.Id == FigureInputsVersion.SingleRow).Select(v => v.Version).SingleAsync(cancellationToken);

    /// <summary>
    /// Moves the version first, in a transaction that writes several inputs (the refresh, an erasure). On PostgreSQL the
    /// counter's row stays locked until commit; taken first, two such transactions queue for it instead of each holding
    /// rows the other needs (an erasure deleting a person's counted participations while the refresh replaces them all).
    /// </summary>
    public static Task ClaimFigureInputsAsync(this AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(Bump, cancellationToken);

    private const string Bump = """UPDATE analytics_inputs_version SET "Version" = "Version" + 1""";

    private static readonly string[] Operations = ["INSERT", "UPDATE", "DELETE"];

    private static string PostgresTrigger(string table) => $"{table}_moves_figures";

    private static string SqliteTrigger(string table, string operation) => $"{table}_moves_figures_{operation.ToLowerInvariant()}";

    /// <summary>The UPDATE event, restricted to the columns that move a figure when the table has such a list.</summary>
    private static string UpdateOf(string[]? columns) => columns is null ? "UPDATE" : $"UPDATE OF {string.Join(", ", columns.Select(c => $"\"{c}\""))}";

    /// <summary>SQLite has row triggers only; one bump per row costs microseconds.</summary>
    public static IEnumerable<string> SqliteTriggers() =>
        from input in Tables
        from operation in Operations
        select $"CREATE TRIGGER {SqliteTrigger(input.Table, operation)} AFTER {(operation == "UPDATE" ? UpdateOf(input.Columns) : operation)} ON {input.Table} BEGIN {Bump}; END;";

    /// <summary>The triggers the migrations create, by name: a later migration that rebuilds a table (as EF Core does on SQLite) drops its triggers.</summary>
    public static IEnumerable<string> TriggerNames(bool postgres) => postgres
        ? Tables.Select(input => PostgresTrigger(input.Table))
        : from input in Tables from operation in Operations select SqliteTrigger(input.Table, operation);

    public static IEnumerable<string> DropSqliteTriggers() => TriggerNames(postgres: false).Select(name => $"DROP TRIGGER {name};");

    public static IEnumerable<string> DropPostgresTriggers() =>
        Tables.Select(input => $"DROP TRIGGER {PostgresTrigger(input.Table)} ON {input.Table};").Append("DROP FUNCTION analytics_inputs_changed();");

    /// <summary>PostgreSQL: one bump per statement (COPY included), whatever the number of rows.</summary>
    public static IEnumerable<string> PostgresTriggers() =>
        new[]
        {
            $"""
            CREATE FUNCTION analytics_inputs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN {Bump}; RETURN NULL; END $$;
            """,
        }.Concat(
            from input in Tables
            select $"CREATE TRIGGER {PostgresTrigger(input.Table)} AFTER INSERT OR {UpdateOf(input.Columns)} OR DELETE OR TRUNCATE ON {input.Table} FOR EACH STATEMENT EXECUTE FUNCTION analytics_inputs_changed();");
}
