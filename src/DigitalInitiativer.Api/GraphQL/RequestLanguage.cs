using System.Globalization;
using GraphQL;
using GraphQL.DI;

namespace DigitalInitiativer.Api.GraphQL;

/// <summary>The languages texts people read come in: Danish unless the request asks for English.</summary>
public enum TextLanguage
{
    Danish,
    English,
}

/// <summary>
/// The language of one operation, as ASP.NET Core's request localization chose it from Accept-Language (or
/// ?ui-culture=). Held per operation, because the events of a subscription are written while another request runs.
/// </summary>
public sealed class RequestLanguage : ICarriedToEventScope
{
    public static readonly string[] Supported = ["da", "en"];

    public TextLanguage Language { get; private set; } = TextLanguage.Danish;

    /// <summary>The UI culture that makes <see cref="SeedWork.Text"/> choose this language.</summary>
    public CultureInfo UICulture => new(Language == TextLanguage.English ? "en" : "da");

    public void From(CultureInfo culture) =>
        Language = culture.TwoLetterISOLanguageName == "en" ? TextLanguage.English : TextLanguage.Danish;

    public void CarryTo(IServiceProvider eventScope) => eventScope.GetRequiredService<RequestLanguage>().Language = Language;
}

/// <summary>Notes the operation's language before anything runs, whichever transport carried it.</summary>
public sealed class RequestLanguageFromCulture : IConfigureExecution
{
    public float SortOrder => 100;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        options.RequestServices!.GetRequiredService<RequestLanguage>().From(CultureInfo.CurrentUICulture);
        return next(options);
    }
}
