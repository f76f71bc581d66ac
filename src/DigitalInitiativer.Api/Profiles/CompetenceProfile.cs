namespace DigitalInitiativer.Api.Profiles;

/// <summary>
/// One of the four profiles the survey places people in. The profiles are fixed by the survey's method,
/// so they are a catalogue in code rather than rows that could drift between installations.
/// </summary>
public sealed record CompetenceProfile(CompetenceProfileKind Kind, string Name, string Persona, string Description)
{
    public int Level => (int)Kind;

    public static IReadOnlyList<CompetenceProfile> All { get; } =
    [
        new(CompetenceProfileKind.Awaiting, "Afventende", "Anna Afventende",
            "Keeps away from digital tools where she can and waits for someone to help when a system gets in the way."),
        new(CompetenceProfileKind.Hesitant, "Tøvende", "Torben Tøvende",
            "Uses a few digital tools but worries about doing something wrong, so he avoids trying new features on his own."),
        new(CompetenceProfileKind.Willing, "Velvillig", "Victor Velvillig",
            "Works confidently with the systems he has been given and sorts out most problems himself when there is a guide to follow."),
        new(CompetenceProfileKind.SelfDriven, "Selvkørende", "Signe Selvkørende",
            "Finds the quick ways through every system, helps colleagues along and is first to take up new digital solutions."),
    ];

    public static CompetenceProfile Of(CompetenceProfileKind kind) => All[(int)kind - 1];
}
