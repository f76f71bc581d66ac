using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Participations;

/// <summary>The messages about participations that people read.</summary>
public static class ParticipationTexts
{
    public static readonly Text ScoreOutOfRange = new("'score' skal ligge mellem 0 og 100; den var {0}.", "'score' must be between 0 and 100; it was {0}.");
    public static readonly Text NoItems = new("'items' skal indeholde mindst én deltagelse.", "'items' must hold at least one participation.");
    public static readonly Text TooManyItems = new("'items' indeholder {0} deltagelser; højst {1} er tilladt.", "'items' holds {0} participations; at most {1} are allowed.");
    public static readonly Text DuplicateItem = new(
        "Element {0} registrerer allerede denne person i dette initiativ.",
        "Item {0} already records this person in this initiative.");
}
