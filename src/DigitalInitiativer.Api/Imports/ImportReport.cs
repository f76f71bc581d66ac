namespace DigitalInitiativer.Api.Imports;

public enum ImportKind
{
    [System.ComponentModel.Description("The organisation tree (code;name;parent_code).")]
    Units = 1,

    [System.ComponentModel.Description("One survey wave's results (employee_number;unit_code;role;profile, or answer columns q1..qN).")]
    Survey = 2,

    [System.ComponentModel.Description("Participation records (CSV or xAPI).")]
    Participations = 3,
}

/// <summary>One thing wrong with an import file: where (line and column, both from 1; column 0 for the whole line) and why.</summary>
public sealed record ImportProblem(int Line, int Column, string ColumnName, string Code, string Message);

/// <summary>What an import found and did. Any problem rejects the whole file; nothing is written then.</summary>
public sealed class ImportReport(ImportKind kind, bool dryRun)
{
    /// <summary>At most this many problems are listed; the count includes all of them.</summary>
    public const int MaxListedProblems = 1000;

    private readonly List<ImportProblem> _problems = [];

    public ImportKind Kind { get; } = kind;
    public bool DryRun { get; } = dryRun;
    public int RowsRead { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Removed { get; set; }
    public int PersonsCreated { get; set; }
    public char? Delimiter { get; set; }
    public int ProblemCount { get; private set; }
    public IReadOnlyList<ImportProblem> Problems => _problems;
    public bool Rejected => ProblemCount > 0;

    /// <summary>True when the file was valid and its rows were saved.</summary>
    public bool Applied => !Rejected && !DryRun;

    public void Problem(int line, int column, string columnName, string code, string message)
    {
        ProblemCount++;
        if (_problems.Count < MaxListedProblems) _problems.Add(new ImportProblem(line, column, columnName, code, message));
    }

    public string Summary() => Rejected
        ? ImportTexts.Rejected.Format(ProblemCount, RowsRead)
        : (DryRun ? ImportTexts.DryRun : ImportTexts.Imported).Format(RowsRead, Created, Updated, Removed, PersonsCreated);
}

/// <summary>The stable codes of import problems, listed in docs/imports.md and docs/errors.md.</summary>
public static class ImportCodes
{
    public const string Encoding = "NOT_UTF8";
    public const string Delimiter = "BAD_DELIMITER";
    public const string MissingColumn = "MISSING_COLUMN";
    public const string ColumnCount = "WRONG_COLUMN_COUNT";
    public const string Required = "REQUIRED";
    public const string UnknownUnit = "UNKNOWN_UNIT";
    public const string UnknownInitiative = "UNKNOWN_INITIATIVE";
    public const string BadRole = "BAD_ROLE";
    public const string BadProfile = "BAD_PROFILE";
    public const string BadStatus = "BAD_STATUS";
    public const string BadDate = "BAD_DATE";
    public const string BadAnswer = "BAD_ANSWER";
    public const string ScoreOutOfRange = "SCORE_OUT_OF_RANGE";
    public const string DuplicateEmployee = "DUPLICATE_EMPLOYEE";
    public const string DuplicateCode = "DUPLICATE_CODE";
    public const string ParentCycle = "PARENT_CYCLE";
    public const string TooLong = "TOO_LONG";
    public const string BadJson = "BAD_JSON";
    public const string BadStatement = "BAD_STATEMENT";
    public const string ForbiddenCharacters = "FORBIDDEN_CHARACTERS";
}
