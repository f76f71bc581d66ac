using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Profiles;

/// <summary>
/// One of the four profiles the survey places people in. The profiles are fixed by the survey's method,
/// so they are a catalogue in code rather than rows that could drift between installations. The name and
/// description are read in the caller's language; the persona is the survey's Danish label in both.
/// </summary>
public sealed record CompetenceProfile(CompetenceProfileKind Kind, Text NameText, string Persona, Text DescriptionText)
{
    public int Level => (int)Kind;

    /// <summary>The name in the caller's language, e.g. Selvkørende or Self-driven.</summary>
    public string Name => NameText.Format();

    /// <summary>What characterises people in this profile, in the caller's language.</summary>
    public string Description => DescriptionText.Format();

    public static IReadOnlyList<CompetenceProfile> All { get; } =
    [
        new(CompetenceProfileKind.Awaiting, ProfileTexts.AwaitingName, "Anna Afventende", ProfileTexts.AwaitingDescription),
        new(CompetenceProfileKind.Hesitant, ProfileTexts.HesitantName, "Torben Tøvende", ProfileTexts.HesitantDescription),
        new(CompetenceProfileKind.Willing, ProfileTexts.WillingName, "Victor Velvillig", ProfileTexts.WillingDescription),
        new(CompetenceProfileKind.SelfDriven, ProfileTexts.SelfDrivenName, "Signe Selvkørende", ProfileTexts.SelfDrivenDescription),
    ];

    public static CompetenceProfile Of(CompetenceProfileKind kind) => All[(int)kind - 1];
}
