using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.Organisation;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Imports;

public static class ImportMutations
{
    public static void AddImportMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<ImportReportType, ImportReport, ImportUnitsErrorType>>>("importUnits")
            .Description("Imports the organisation tree from CSV (code;name;parent_code). All or nothing. Administrators only.")
            .Argument<NonNullGraphType<ImportInputType>>("input", "The file and whether to only check it.")
            .AuthorizeWithRoles(Roles.Administrator)
            .Resolve().WithService<ImportService>()
            .ResolveAsync(async (ctx, imports) => await imports.UnitsAsync(ctx.GetArgument<ImportInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ImportReportType, ImportReport, ImportSurveyWaveErrorType>>>("importSurveyWave")
            .Description("Imports one survey wave's results from CSV, replacing that wave's earlier assessments. All or nothing. Administrators only.")
            .Argument<NonNullGraphType<ImportSurveyWaveInputType>>("input", "The wave's year, the file and whether to only check it.")
            .AuthorizeWithRoles(Roles.Administrator)
            .Resolve().WithService<ImportService>()
            .ResolveAsync(async (ctx, imports) => await imports.SurveyWaveAsync(ctx.GetArgument<ImportInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<ImportReportType, ImportReport, ImportParticipationsErrorType>>>("importParticipations")
            .Description("Imports participation records from CSV or xAPI JSON; a record for a known person and initiative updates it. All or nothing. Administrators only.")
            .Argument<NonNullGraphType<ImportParticipationsInputType>>("input", "The file, its format and whether to only check it.")
            .AuthorizeWithRoles(Roles.Administrator)
            .Resolve().WithService<ImportService>()
            .ResolveAsync(async (ctx, imports) => await imports.ParticipationsAsync(ctx.GetArgument<ImportInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<PersonType, Person, ErasePersonErrorType>>>("erasePerson")
            .Description("Erases a person on request: assessments, participations and ballots are deleted; their votes stay counted but belong to nobody; "
                + "proposals and comments they wrote stay as \"deleted user\"; audit entries stay tied to no one. See docs/imports.md for what is kept and why. Administrators only.")
            .Argument<NonNullGraphType<ErasePersonInputType>>("input", "The person to erase.")
            .AuthorizeWithRoles(Roles.Administrator)
            .Resolve().WithService<ImportService>()
            .ResolveAsync(async (ctx, imports) => await imports.EraseAsync(ctx.GetArgument<ErasePersonInput>("input").PersonId, ctx.CancellationToken));
    }
}
