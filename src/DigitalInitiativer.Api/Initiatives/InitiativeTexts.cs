using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Initiatives;

/// <summary>The messages about initiatives that people read.</summary>
public static class InitiativeTexts
{
    public static readonly Text NoInitiative = new("Intet initiativ har dette id.", "No initiative has this id.");
    public static readonly Text StartsOnCannotBeCleared = new("'startsOn' skal have en værdi og kan ikke fjernes.", "'startsOn' cannot be cleared.");
    public static readonly Text CodeFormat = new(
        "'code' må kun indeholde bogstaverne A-Z, cifre, '.', '_' og '-' og skal begynde med et bogstav eller et ciffer.",
        "'code' may hold only letters A-Z, digits, '.', '_' and '-', and must start with a letter or digit.");
}
