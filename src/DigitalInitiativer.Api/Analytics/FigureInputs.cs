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

    /// <summary>SQLite has row triggers only; one bump per row costs microseconds.</summary>
    public static IEnumerable<string> SqliteTriggers() =>
        from input in Tables
        from operation in new[] { "INSERT", "UPDATE", "DELETE" }
        let @event = operation == "UPDATE" && input.Columns is { } columns ? $"UPDATE OF {string.Join(", ", columns.Select(c => $"\"{c}\""))}" : operation
        select $"CREATE TRIGGER {input.Table}_moves_figures_{operation.ToLowerInvariant()} AFTER {@event} ON {input.Table} BEGIN {Bump}; END;";

    /// <summary>The triggers the migrations create, by name: a later migration that rebuilds a table (as EF Core does on SQLite) drops its triggers.</summary>
    public static IEnumerable<string> TriggerNames(bool postgres) => postgres
        ? Tables.Select(input => $"{input.Table}_moves_figures")
        : from input in Tables from operation in new[] { "insert", "update", "delete" } select $"{input.Table}_moves_figures_{operation}";

    public static IEnumerable<string> DropSqliteTriggers() =>
        from input in Tables from operation in new[] { "insert", "update", "delete" } select $"DROP TRIGGER {input.Table}_moves_figures_{operation};";

    public static IEnumerable<string> DropPostgresTriggers() =>
        Tables.Select(input => $"DROP TRIGGER {input.Table}_moves_figures ON {input.Table};").Append("DROP FUNCTION analytics_inputs_changed();");

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
            let update = input.Columns is { } columns ? $"UPDATE OF {string.Join(", ", columns.Select(c => $"\"{c}\""))}" : "UPDATE"
            select $"CREATE TRIGGER {input.Table}_moves_figures AFTER INSERT OR {update} OR DELETE OR TRUNCATE ON {input.Table} FOR EACH STATEMENT EXECUTE FUNCTION analytics_inputs_changed();");
}
