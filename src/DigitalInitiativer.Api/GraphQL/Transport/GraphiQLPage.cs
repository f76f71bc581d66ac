using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace DigitalInitiativer.Api.GraphQL.Transport;

/// <summary>
/// The GraphiQL IDE, in Development only: a browser asking for HTML at /graphql gets the page, and its bundle is served
/// from GraphiQL/dist at /graphiql. Everything else at /graphql is the API as usual.
/// </summary>
public static class GraphiQLPage
{
    public const string AssetsPath = "/graphiql";

    public static string Folder(IWebHostEnvironment environment) => Path.Combine(environment.ContentRootPath, "GraphiQL");

    public static bool IsAvailable(IWebHostEnvironment environment) =>
        environment.IsDevelopment() && File.Exists(Path.Combine(Folder(environment), "dist", "ide.js"));

    public static void UseGraphiQLAssets(this WebApplication app)
    {
        if (!IsAvailable(app.Environment)) return;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(Folder(app.Environment), "dist")),
            RequestPath = AssetsPath,
        });
    }

    /// <summary>A browser navigation: a GET whose Accept header lists text/html (API clients ask for JSON).</summary>
    public static bool IsRequestedBy(HttpRequest request, IWebHostEnvironment environment) =>
        HttpMethods.IsGet(request.Method)
        && MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
        && IsAvailable(environment);

    public static Task WriteAsync(HttpContext http, IWebHostEnvironment environment)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.SendFileAsync(Path.Combine(Folder(environment), "index.html"));
    }
}
