using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Limits;
using GraphQL;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Exports;

/// <summary>
/// The evaluators' figures as CSV files for Excel. Each export runs the same GraphQL query a client would, as the caller,
/// so it gives exactly the protected figures the API gives, with the same roles and the same error codes; a suppressed
/// figure stays empty and its row says so in the <c>suppressed</c> column.
/// </summary>
public static class ExportEndpoints
{
    public const string Path = "/exports";

    public static WebApplication MapExports(this WebApplication app)
    {
        foreach (var export in ExportDefinitions.All)
            app.MapGet($"{Path}/{export.FileName}", http => RunAsync(http, export)).LimitedPerCaller();
        return app;
    }

    private static async Task RunAsync(HttpContext http, Export export)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteErrorsAsync(http, StatusCodes.Status401Unauthorized, new ExecutionError(ExportTexts.SignIn.Format()) { Code = ErrorCodes.NotAuthenticated });
            return;
        }
        var unknown = http.Request.Query.Keys.Except(export.Parameters, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            await WriteErrorsAsync(http, StatusCodes.Status400BadRequest, new ExecutionError(ExportTexts.UnknownParameter.Format(unknown[0], string.Join(", ", export.Parameters))) { Code = ErrorCodes.InvalidRequest });
            return;
        }

        var result = await http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = export.Query,
            Variables = export.Variables(http.Request.Query),
            User = http.User,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
        });
        if (result.Errors is { Count: > 0 } errors)
        {
            var status = AccessDeniedError.StatusOf(errors) ?? StatusCodes.Status400BadRequest;
            await WriteErrorsAsync(http, status, [.. errors]);
            return;
        }

        var data = JsonNode.Parse(http.RequestServices.GetRequiredService<IGraphQLTextSerializer>().Serialize(result))!["data"]!;
        var (header, rows) = export.Table(data);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName}\"";
        await http.Response.Body.WriteAsync(SpreadsheetCsv.Write(header, rows), http.RequestAborted);
    }

    private static async Task WriteErrorsAsync(HttpContext http, int status, params ExecutionError[] errors)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        var result = new ExecutionResult();
        foreach (var error in errors) result.AddError(error);
        await http.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}

/// <summary>One export: its file, the query it runs, the query-string parameters it takes, and how the answer becomes rows.</summary>
public sealed record Export(
    string FileName, string Query, string[] Parameters, Func<IQueryCollection, Inputs> Variables,
    Func<JsonNode, (string[] Header, IEnumerable<object?[]> Rows)> Table);
