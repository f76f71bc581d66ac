using System.Text.RegularExpressions;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Errors;

namespace DigitalInitiativer.Api.Initiatives;

/// <summary>The rules an initiative's fields must keep, shared by create, update and imports.</summary>
public static partial class InitiativeRules
{
    public const int MaxCodeLength = 50;
    public const int MaxTitleLength = 150;
    public const int MaxDescriptionLength = 4000;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CodePattern();

    public static void CheckCode(UserErrorList errors, string? code)
    {
        errors.Required("code", code);
        errors.MaxLength("code", code, MaxCodeLength);
        if (!string.IsNullOrWhiteSpace(code) && code.Length <= MaxCodeLength && !CodePattern().IsMatch(code))
            errors.Invalid("code", ErrorCodes.InvalidFormat, "'code' may hold only letters A-Z, digits, '.', '_' and '-', and must start with a letter or digit.");
    }

    public static void CheckTitle(UserErrorList errors, string? title)
    {
        errors.Required("title", title);
        errors.MaxLength("title", title, MaxTitleLength);
    }

    public static void CheckDescription(UserErrorList errors, string? description) =>
        errors.MaxLength("description", description, MaxDescriptionLength);

    public static void CheckPeriod(UserErrorList errors, DateOnly startsOn, DateOnly? endsOn) =>
        errors.NotBefore("endsOn", endsOn, "startsOn", startsOn);
}
