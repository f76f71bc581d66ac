using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Strategy;

/// <summary>The messages about strategy goals that people read.</summary>
public static class StrategyTexts
{
    public static readonly Text NoGoal = new("Intet strategisk mål har dette id.", "No strategy goal has this id.");
    public static readonly Text ShareOutOfRange = new(
        "'targetShare' skal være en andel fra 0 til 1 (0.6 for 60 %); den var {0}.",
        "'targetShare' must be a share from 0 to 1 (0.6 for 60 %); it was {0}.");
    public static readonly Text YearOutOfRange = new("'targetYear' skal ligge fra {0} til {1}; det var {2}.", "'targetYear' must be from {0} to {1}; it was {2}.");
}
