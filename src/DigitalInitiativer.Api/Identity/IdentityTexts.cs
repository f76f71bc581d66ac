using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Identity;

/// <summary>The messages about sign-in that people read.</summary>
public static class IdentityTexts
{
    public static readonly Text PersonNotLinked = new(
        "Dit log-ind er ikke knyttet til en person, så du kan ikke deltage.",
        "Your sign-in is not linked to a person, so you cannot take part.");
}
