using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Profiles;

/// <summary>The profiles' names and descriptions, as people read them.</summary>
public static class ProfileTexts
{
    public static readonly Text AwaitingName = new("Afventende", "Awaiting");
    public static readonly Text HesitantName = new("Tøvende", "Hesitant");
    public static readonly Text WillingName = new("Velvillig", "Willing");
    public static readonly Text SelfDrivenName = new("Selvkørende", "Self-driven");

    public static readonly Text AwaitingDescription = new(
        "Holder sig fra digitale værktøjer, hvor hun kan, og venter på, at nogen hjælper, når et system driller.",
        "Keeps away from digital tools where she can and waits for someone to help when a system gets in the way.");

    public static readonly Text HesitantDescription = new(
        "Bruger nogle få digitale værktøjer, men er bange for at gøre noget forkert og prøver derfor ikke nye funktioner på egen hånd.",
        "Uses a few digital tools but worries about doing something wrong, so he avoids trying new features on his own.");

    public static readonly Text WillingDescription = new(
        "Arbejder sikkert med de systemer, han har fået, og løser selv de fleste problemer, når der er en vejledning at følge.",
        "Works confidently with the systems he has been given and sorts out most problems himself when there is a guide to follow.");

    public static readonly Text SelfDrivenDescription = new(
        "Finder de hurtige veje gennem alle systemer, hjælper kollegerne videre og er den første til at tage nye digitale løsninger i brug.",
        "Finds the quick ways through every system, helps colleagues along and is first to take up new digital solutions.");
}
