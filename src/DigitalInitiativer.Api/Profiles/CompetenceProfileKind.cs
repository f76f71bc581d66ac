using System.ComponentModel;

namespace DigitalInitiativer.Api.Profiles;

/// <summary>The four digital competence profiles. The numeric value is the profile's level, 1 (lowest) to 4.</summary>
public enum CompetenceProfileKind
{
    [Description("Level 1, Afventende (Anna): keeps away from digital tools and waits for help.")]
    Awaiting = 1,

    [Description("Level 2, Tøvende (Torben): some contact with digital tools, but afraid of making mistakes.")]
    Hesitant = 2,

    [Description("Level 3, Velvillig (Victor): confident with the systems he is given; solves most problems with a guide.")]
    Willing = 3,

    [Description("Level 4, Selvkørende (Signe): knows the shortcuts and leads the way on new digital solutions.")]
    SelfDriven = 4,
}
