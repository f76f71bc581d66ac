using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.SeedWork;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Imports;

public sealed record ImportRejected(string Message, int ProblemCount, IReadOnlyList<ImportProblem> Problems) : Refusal(Message, ImportErrorCodes.ImportRejected);

public sealed record PseudonymisationNotConfigured(string Message) : Refusal(Message, ImportErrorCodes.PseudonymisationNotConfigured);

public sealed record ImportTooSoon(string Message, DateTime RetryAfter) : Refusal(Message, ImportErrorCodes.ImportTooSoon);

public static class ImportErrorCodes
{
    public const string ImportRejected = "IMPORT_REJECTED";
    public const string PseudonymisationNotConfigured = "PSEUDONYMISATION_NOT_CONFIGURED";
    public const string ImportTooSoon = "IMPORT_TOO_SOON";
}

public sealed class ImportKindType : EnumerationGraphType<ImportKind>
{
    public ImportKindType()
    {
        Name = "ImportKind";
        Description = "What an import brings in.";
    }
}

public sealed class ParticipationFormatType : EnumerationGraphType<ParticipationFormat>
{
    public ParticipationFormatType()
    {
        Name = "ParticipationFormat";
        Description = "The format of a participation import: CSV, or a JSON array of xAPI statements (see docs/imports.md).";
    }
}

public sealed class ImportProblemType : ObjectGraphType<ImportProblem>
{
    public ImportProblemType()
    {
        Name = "ImportProblem";
        Description = "One thing wrong with an import file.";
        Field(p => p.Line).Description("The line in the file, from 1 (the header is line 1); for xAPI, the statement's position in the array.");
        Field(p => p.Column).Description("The column, from 1; 0 when the problem is with the whole line or file.");
        Field(p => p.ColumnName).Description("The column's name in the header (for xAPI, the statement's field); empty for the whole line.");
        Field(p => p.Code).Description("A stable code, e.g. UNKNOWN_UNIT or BAD_DATE (see docs/imports.md).");
        Field(p => p.Message).Description("What is wrong, in the caller's language: Danish unless Accept-Language asks for English. It never repeats a value from the file, which could be an employee number.");
    }
}

public sealed class ImportReportType : ObjectGraphType<ImportReport>
{
    public ImportReportType()
    {
        Name = "ImportReport";
        Description = "What an import found and did.";
        Field<NonNullGraphType<ImportKindType>>("kind").Description("What was imported.").Resolve(ctx => ctx.Source.Kind);
        Field(r => r.DryRun).Description("True when the file was only checked, and nothing was written.");
        Field(r => r.Applied).Description("True when the rows were saved.");
        Field(r => r.RowsRead).Description("Data rows (or xAPI statements) read.");
        Field(r => r.Created).Description("Records added: units, assessments or participations.");
        Field(r => r.Updated).Description("Existing records changed: units renamed or moved, participations updated.");
        Field(r => r.Removed).Description("Records replaced: a wave's earlier assessments.");
        Field(r => r.PersonsCreated).Description("People seen for the first time (by pseudonym).");
        Field<StringGraphType>("delimiter").Description("The CSV delimiter detected, ';' or ','.").Resolve(ctx => ctx.Source.Delimiter?.ToString());
    }
}

public sealed class ImportRejectedErrorType : UserErrorType<ImportRejected>
{
    public ImportRejectedErrorType() : base("The file has problems, so nothing was imported. Fix every problem listed and import the whole file again. Code IMPORT_REJECTED.")
    {
        Field(e => e.ProblemCount).Description("How many problems were found; at most 1,000 are listed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportProblemType>>>>("problems").Description("The problems, in file order.").Resolve(ctx => ctx.Source.Problems);
    }
}

public sealed class PseudonymisationNotConfiguredErrorType() : UserErrorType<PseudonymisationNotConfigured>(
    "Pseudonymisation:Key is not configured, so employee numbers cannot be pseudonymised; nothing was imported. Code PSEUDONYMISATION_NOT_CONFIGURED.");

public sealed class ImportTooSoonErrorType : UserErrorType<ImportTooSoon>
{
    public ImportTooSoonErrorType() : base("An import of this kind was applied within the last analytics refresh period (Analytics:RefreshHours). "
        + "Unit trees and survey waves place people in the figures at once, so each kind applies at most once per period; a dry run is always allowed. Code IMPORT_TOO_SOON.")
    {
        Field<NonNullGraphType<DateTimeGraphType>>("retryAfter").Description("When an import of this kind can be applied again (UTC).").Resolve(ctx => ctx.Source.RetryAfter);
    }
}

public sealed class ImportUnitsErrorType() : UserErrorUnion("ImportUnitsError", "importUnits", typeof(InvalidInputErrorType), typeof(ImportRejectedErrorType), typeof(ImportTooSoonErrorType));

public sealed class ImportSurveyWaveErrorType() : UserErrorUnion("ImportSurveyWaveError", "importSurveyWave",
    typeof(InvalidInputErrorType), typeof(ImportRejectedErrorType), typeof(PseudonymisationNotConfiguredErrorType), typeof(ImportTooSoonErrorType));

public sealed class ImportParticipationsErrorType() : UserErrorUnion("ImportParticipationsError", "importParticipations",
    typeof(InvalidInputErrorType), typeof(ImportRejectedErrorType), typeof(PseudonymisationNotConfiguredErrorType));

public sealed class ErasePersonErrorType() : UserErrorUnion("ErasePersonError", "erasePerson", typeof(NotFoundErrorType));

public sealed class ErasePersonInput
{
    public string PersonId { get; set; } = "";
}

public sealed class ImportInput
{
    public string Content { get; set; } = "";
    public bool DryRun { get; set; }
    public int? Year { get; set; }
    public DateOnly? HeldOn { get; set; }
    public ParticipationFormat Format { get; set; } = ParticipationFormat.Csv;
}

public class ImportInputType : InputObjectGraphType<ImportInput>
{
    public ImportInputType() : this("ImportUnitsInput", "The organisation tree to import.")
    {
    }

    protected ImportInputType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<StringGraphType>>("content").Description("The whole file as text (within the request size limit; use the CLI for bigger files).");
        Field<BooleanGraphType>("dryRun").Description("Only check the file and report what would happen; nothing is written.").DefaultValue(false);
    }
}

public sealed class ImportSurveyWaveInputType : ImportInputType
{
    public ImportSurveyWaveInputType() : base("ImportSurveyWaveInput", "One survey wave's results to import.")
    {
        Field<NonNullGraphType<IntGraphType>>("year").Description("The wave's year; the wave is created if it does not exist.");
        Field<DateType>("heldOn").Description("The date the results refer to; 15 April of the year for a new wave when left out.");
    }
}

public sealed class ImportParticipationsInputType : ImportInputType
{
    public ImportParticipationsInputType() : base("ImportParticipationsInput", "Participation records to import.") =>
        Field<ParticipationFormatType>("format").Description("CSV (the default) or XAPI.").DefaultValue(ParticipationFormat.Csv);
}

public sealed class ErasePersonInputType : InputObjectGraphType<ErasePersonInput>
{
    public ErasePersonInputType()
    {
        Name = "ErasePersonInput";
        Description = "The person to erase.";
        Field<NonNullGraphType<IdGraphType>>("personId").Description("The person's id.");
    }
}
