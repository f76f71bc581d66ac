using System.Globalization;
using System.Text;

namespace DigitalInitiativer.Api.SeedWork;

/// <summary>
/// What text people enter may hold, and how long it is. Control characters (but tab and line breaks), the
/// bidirectional embeddings, overrides, isolates and marks ("Trojan Source"), and invisible format characters (zero-width
/// space, byte order mark, line and paragraph separators, interlinear annotation) are refused everywhere text comes in;
/// lengths are counted in characters as people see them (text elements), so an emoji counts once. The zero-width
/// joiners and emoji tag characters stay allowed: emoji sequences and flags are made of them.
/// </summary>
public static class PlainText
{
    /// <summary>
    /// Storage allows this many code points per allowed character: an emoji with a skin tone or a flag is 2 to 4. Text whose
    /// characters are heavier on average (e.g. stacked combining marks) is refused as too long.
    /// </summary>
    public const int CodePointsPerCharacter = 4;

    public static bool IsForbidden(Rune rune) =>
        rune.Value is (< 0x20 and not ('\t' or '\n' or '\r')) or (>= 0x7F and <= 0x9F)
            or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069)
            or 0x200B or 0x200E or 0x200F or 0x061C or 0x2028 or 0x2029 or 0xFEFF or (>= 0xFFF9 and <= 0xFFFB) or 0xE0001;

    /// <summary>A byte order mark is allowed as the first character: files saved as "CSV UTF-8" start with one.</summary>
    public static bool HasForbiddenCharacters(string text)
    {
        foreach (var rune in AfterByteOrderMark(text).EnumerateRunes())
            if (IsForbidden(rune)) return true;
        return false;
    }

    private static string AfterByteOrderMark(string text) => text.StartsWith('\uFEFF') ? text[1..] : text;

    /// <summary>The text without forbidden characters, for text we cannot send back, e.g. a name from a sign-in token.</summary>
    public static string WithoutForbiddenCharacters(string text)
    {
        if (!HasForbiddenCharacters(text)) return text;
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
            if (!IsForbidden(rune)) clean.Append(rune.ToString());
        return clean.ToString();
    }

    /// <summary>Characters as people see them.</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>Whether <paramref name="text"/> fits a limit of <paramref name="max"/> characters and its storage.</summary>
    public static bool Fits(string text, int max) =>
        text.Length <= max || Length(text) <= max && text.EnumerateRunes().Count() <= StorageLength(max);

    /// <summary>The column size (in code points, as PostgreSQL counts) for a text of at most <paramref name="max"/> characters.</summary>
    public static int StorageLength(int max) => max * CodePointsPerCharacter;

    /// <summary>The first <paramref name="max"/> characters, for names that come from elsewhere and are shortened rather than refused.</summary>
    public static string Truncate(string text, int max)
    {
        if (Fits(text, max)) return text;
        var shortened = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        for (var i = 0; i < max && elements.MoveNext(); i++)
        {
            var element = elements.GetTextElement();
            if (!Fits(shortened + element, max)) break;
            shortened.Append(element);
        }
        return shortened.ToString();
    }
}
