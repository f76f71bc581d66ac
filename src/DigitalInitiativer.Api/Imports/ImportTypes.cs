using System.Text;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using GraphQL;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Imports;

public sealed record ImportRejectedError(string Message, IReadOnlyList<string> Path, int ProblemCount, IReadOnlyList<ImportProblem> Problems)
    : UserError(Message, ImportErrorCodes.ImportRejected, Path);

public sealed record PseudonymisationNotConfiguredError(string Message, IReadOnlyList<string> Path)
    : UserError(Message, ImportErrorCodes.PseudonymisationNotConfigured, Path);

public static class ImportErrorCodes
{
    public const string ImportRejected = "IMPORT_REJECTED";
    public const string PseudonymisationNotConfigured = "PSEUDONYMISATION_NOT_CONFIGURED";
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
        Field(p => p.Message).Description("What is wrong, in English. It never repeats an employee number.");
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

public sealed class ImportRejectedErrorType : UserErrorType<ImportRejectedError>
{
    public ImportRejectedErrorType() : base("The file has problems, so nothing was imported. Fix every problem listed and import the whole file again. Code IMPORT_REJECTED.")
    {
        Field(e => e.ProblemCount).Description("How many problems were found; at most 1,000 are listed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportProblemType>>>>("problems").Description("The problems, in file order.").Resolve(ctx => ctx.Source.Problems);
    }
}

public sealed class PseudonymisationNotConfiguredErrorType() : UserErrorType<PseudonymisationNotConfiguredError>(
    "Pseudonymisation:Key is not configured, so employee numbers cannot be pseudonymised; nothing was imported. Code PSEUDONYMISATION_NOT_CONFIGURED.");

public sealed class ImportUnitsErrorType() : UserErrorUnion("ImportUnitsError", "importUnits", typeof(InvalidInputErrorType), typeof(ImportRejectedErrorType));

public sealed class ImportSurveyWaveErrorType() : UserErrorUnion("ImportSurveyWaveError", "importSurveyWave",
    typeof(InvalidInputErrorType), typeof(ImportRejectedErrorType), typeof(PseudonymisationNotConfiguredErrorType));

public sealed class ImportParticipationsErrorType() : UserErrorUnion("ImportParticipationsError", "importParticipations",
    typeof(InvalidInputErrorType), typeof(ImportRejectedErrorType), typeof(PseudonymisationNotConfiguredErrorType));

public sealed class ErasePersonErrorType() : UserErrorUnion("ErasePersonError", "erasePerson", typeof(NotFoundErrorType));

public static class ImportMutations
{
    public static void AddImportMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<ImportReportType, ImportReport, ImportUnitsErrorType>>>("importUnits")
            .Description("Imports the organisation tree from CSV (code;name;parent_code). All or nothing. Administrators only.")
            .Argument<NonNullGraphType<ImportInputType>>("input", "The file and whether to only check it.")
            .AuthorizeWithRoles(Roles.Administrator)
            .ResolveAsync(ctx => RunAsync(ctx, (importer, file, input) => importer.ImportUnitsAsync(file, input.DryRun, ctx.CancellationToken)));

        mutation.Field<NonNullGraphType<PayloadType<ImportReportType, ImportReport, ImportSurveyWaveErrorType>>>("importSurveyWave")
            .Description("Imports one survey wave's results from CSV, replacing that wave's earlier assessments. All or nothing. Administrators only.")
            .Argument<NonNullGraphType<ImportSurveyWaveInputType>>("input", "The wave's year, the file and whether to only check it.")
            .AuthorizeWithRoles(Roles.Administrator)
            .ResolveAsync(ctx => RunAsync(ctx, (importer, file, input) => importer.ImportSurveyAsync(file, input.Year!.Value, input.HeldOn, input.DryRun, ctx.CancellationToken)));

        mutation.Field<NonNullGraphType<PayloadType<ImportReportType, ImportReport, ImportParticipationsErrorType>>>("importParticipations")
            .Description("Imports participation records from CSV or xAPI JSON; a record for a known person and initiative updates it. All or nothing. Administrators only.")
            .Argument<NonNullGraphType<ImportParticipationsInputType>>("input", "The file, its format and whether to only check it.")
            .AuthorizeWithRoles(Roles.Administrator)
            .ResolveAsync(ctx => RunAsync(ctx, (importer, file, input) => importer.ImportParticipationsAsync(file, input.Format, input.DryRun, ctx.CancellationToken)));

        mutation.Field<NonNullGraphType<PayloadType<PersonType, Person, ErasePersonErrorType>>>("erasePerson")
            .Description("Erases a person on request: assessments, participations and ballots are deleted; their votes stay counted but belong to nobody; "
                + "proposals and comments they wrote stay as \"deleted user\"; audit entries stay tied to no one. See docs/imports.md for what is kept and why. Administrators only.")
            .Argument<NonNullGraphType<ErasePersonInputType>>("input", "The person to erase.")
            .AuthorizeWithRoles(Roles.Administrator)
            .ResolveAsync(async ctx =>
            {
                var id = ctx.GetArgument<Dictionary<string, object?>>("input")["personId"] as string;
                var erased = GlobalId.TryParseKey(id, PersonType.TypeName) is { } key
                    ? await Erasure.ErasePersonAsync(ctx.Db(), key, ctx.Now(), ctx.CancellationToken)
                    : null;
                return erased is null
                    ? Payload<Person>.Failed(new NotFoundError("No person (not already erased) has this id.", ["input", "personId"], id ?? ""))
                    : Payload<Person>.Ok(erased);
            });
    }

    private static async Task<object?> RunAsync(IResolveFieldContext context, Func<Importer, Stream, ImportInput, Task<ImportReport>> import)
    {
        var input = context.GetArgument<ImportInput>("input");
        if (string.IsNullOrWhiteSpace(input.Content))
            return Payload<ImportReport>.Failed(new InvalidInputError("'content' must hold the file.", ErrorCodes.Required, ["input", "content"]));
        if (input.Year is < 1990 or > 2100)
            return Payload<ImportReport>.Failed(new InvalidInputError($"'year' must be from 1990 to 2100; it was {input.Year}.", ErrorCodes.OutOfRange, ["input", "year"]));
        try
        {
            using var file = new MemoryStream(Encoding.UTF8.GetBytes(input.Content));
            var report = await import(context.RequestServices!.GetRequiredService<Importer>(), file, input);
            return report.Rejected
                ? Payload<ImportReport>.Failed(new ImportRejectedError(report.Summary(), ["input", "content"], report.ProblemCount, report.Problems))
                : Payload<ImportReport>.Ok(report);
        }
        catch (ImportRefusedException refused)
        {
            return Payload<ImportReport>.Failed(new PseudonymisationNotConfiguredError(refused.Message, ["input"]));
        }
    }
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

public sealed class ErasePersonInputType : InputObjectGraphType
{
    public ErasePersonInputType()
    {
        Name = "ErasePersonInput";
        Description = "The person to erase.";
        Field<NonNullGraphType<IdGraphType>>("personId").Description("The person's id.");
    }
}
