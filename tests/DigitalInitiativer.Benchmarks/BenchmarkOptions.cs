namespace DigitalInitiativer.Benchmarks;

public sealed record BenchmarkOptions(int Persons, int Participations, int Initiatives, int Runs, string Folder, string? Postgres)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int Number(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
        var persons = Number("--persons", 100_000);
        return new BenchmarkOptions(persons, Number("--participations", persons * 5), Number("--initiatives", 100), Number("--runs", 7),
            Path.Combine(Path.GetTempPath(), "digitalinitiativer-benchmarks"), Array.IndexOf(args, "--postgres") is var p and >= 0 && p + 1 < args.Length ? args[p + 1] : null);
    }

    /// <summary>The generated database is kept between runs: generating 600,000 rows takes longer than the benchmark.</summary>
    /// <summary>On PostgreSQL (<c>--postgres "Host=…;Username=…"</c>), a database of its own per size, kept between runs too.</summary>
    public string PostgresDatabase => $"digitalinitiativer_bench_{Persons}_{Participations}_{Initiatives}";

    public string DatabasePath => Path.Combine(Folder, $"synthetic-{Persons}-{Participations}-{Initiatives}.db");
}
