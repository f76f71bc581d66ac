using System.Globalization;
using System.Text;

namespace DigitalInitiativer.Api.SeedWork;

/// <summary>
/// Text folded for searching the way Danish readers expect, computed in .NET so SQLite and PostgreSQL search alike:
/// case is ignored and accents are dropped ("cafe" finds "Café"), while æ, ø and å stay letters of their own ("bar"
/// does not find "bår"). The old spelling "aa" is read as å ("Aarhus" finds "Århus"), and ä and ö as æ and ø, as
/// Danish alphabetises them. "ae" and "oe" are left alone: they are common in loanwords and names ("Michael").
/// Stored folded next to the text and compared with a plain substring match.
/// </summary>
public static class SearchText
{
    public static string Fold(params string?[] texts)
    {
        var folded = new StringBuilder();
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (folded.Length > 0) folded.Append('\n');
            foreach (var rune in text.Normalize(NormalizationForm.FormC).ToLowerInvariant().EnumerateRunes())
            {
                switch (rune.Value)
                {
                    case 'æ' or 'ä': folded.Append('æ'); continue;
                    case 'ø' or 'ö': folded.Append('ø'); continue;
                    case 'å': folded.Append('å'); continue;
                }
                foreach (var part in rune.ToString().Normalize(NormalizationForm.FormD).EnumerateRunes())
                    if (Rune.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark) folded.Append(part.ToString());
            }
        }
        return folded.Replace("aa", "å").ToString();
    }
}
