using System.Text.RegularExpressions;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Initiatives;

/// <summary>The rules an initiative's fields must keep, shared by the initiative itself and by imports.</summary>
public static partial class InitiativeRules
{
    public const int MaxCodeLength = 50;
    public const int MaxTitleLength = 150;
    public const int MaxDescriptionLength = 4000;
    public const int MaxUrlLength = 500;
    public static readonly DateOnly EarliestDate = new(2000, 1, 1), LatestDate = new(2100, 12, 31);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CodePattern();

    public static void CheckCode(Refusals refusals, string? code)
    {
        refusals.Required("code", code);
        refusals.MaxLength("code", code, MaxCodeLength);
        if (!string.IsNullOrWhiteSpace(code) && code.Length <= MaxCodeLength && !CodePattern().IsMatch(code))
            refusals.Invalid("code", RefusalCodes.InvalidFormat, InitiativeTexts.CodeFormat.Format());
    }

    public static void CheckDetails(Refusals refusals, InitiativeDetails details)
    {
        refusals.Required("title", details.Title);
        refusals.MaxLength("title", details.Title?.Trim(), MaxTitleLength);
        refusals.MaxLength("description", details.Description, MaxDescriptionLength);
        refusals.Within("startsOn", details.StartsOn, EarliestDate, LatestDate);
        refusals.Within("endsOn", details.EndsOn, EarliestDate, LatestDate);
        refusals.NotBefore("endsOn", details.EndsOn, "startsOn", details.StartsOn);
        refusals.MaxLength("englishTitle", details.EnglishTitle?.Trim(), MaxTitleLength);
        refusals.MaxLength("englishDescription", details.EnglishDescription, MaxDescriptionLength);
        refusals.WebAddress("url", details.Url, MaxUrlLength);
    }
}
