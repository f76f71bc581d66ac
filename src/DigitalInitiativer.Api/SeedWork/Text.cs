using System.Globalization;

namespace DigitalInitiativer.Api.SeedWork;

/// <summary>
/// A text people read, in Danish and in English, with {0}, {1}, … where values go. Danish is shown unless the request's
/// UI culture is English, which ASP.NET Core's request localization sets from Accept-Language (or ?ui-culture=en).
/// Each feature keeps its texts in one catalogue of <c>static readonly Text</c> fields; a test checks every one has
/// both languages with the same placeholders.
/// </summary>
public sealed record Text(string Danish, string English)
{
    public static bool EnglishWanted => IsEnglish(CultureInfo.CurrentUICulture);

    /// <summary>The text in the caller's language, with the values put in (dates and numbers formatted invariantly).</summary>
    public string Format(params object?[] values) => FormatIn(CultureInfo.CurrentUICulture, values);

    /// <summary>The text in the language of <paramref name="uiCulture"/>, for code that runs outside the request it answers.</summary>
    public string FormatIn(CultureInfo uiCulture, params object?[] values) =>
        string.Format(CultureInfo.InvariantCulture, IsEnglish(uiCulture) ? English : Danish, values);

    private static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    public override string ToString() => Format();
}
