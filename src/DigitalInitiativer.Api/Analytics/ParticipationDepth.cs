using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Analytics;

/// <summary>
/// How deeply someone must have taken part to count: any participation that was not withdrawn, or only completed ones,
/// or only those with at least so many recorded visits. Each depth is its own set of figures, protected like any other.
/// </summary>
public sealed record ParticipationDepth(bool CompletedOnly = false, int MinVisits = 0)
{
    /// <summary>
    /// The thresholds minVisits may take. Each is a set of people nested in the one before; hosts know exactly who came
    /// how often, so a few coarse steps leave fewer differences of two noisy counts to read one person from.
    /// </summary>
    public static readonly int[] MinVisitsSteps = [0, 1, 2, 3, 5, 10];

    public static readonly ParticipationDepth Any = new();

    public static readonly Text MinVisitsOutOfRange = new("'minVisits' skal være en af {0}; den var {1}.", "'minVisits' must be one of {0}; it was {1}.");

    public IQueryable<CountedParticipation> Apply(IQueryable<CountedParticipation> participations) =>
        this == Any ? participations : participations.Where(p => (!CompletedOnly || p.Completed) && p.Visits >= MinVisits);

    /// <summary>The same condition for SQL over analytics_participations; only a constant and an integer go in.</summary>
    public string SqlCondition => this == Any ? "" : $"""WHERE {(CompletedOnly ? "\"Completed\" AND " : "")}"Visits" >= {MinVisits}""";

    public string Describe() => this == Any ? ""
        : " " + (CompletedOnly ? MinVisits > 0 ? CompletedWithVisits : CompletedCount : WithVisits).Format(MinVisits);

    private static readonly Text CompletedCount = new("Kun gennemførte deltagelser tæller.", "Only completed participations count.");
    private static readonly Text WithVisits = new("Kun deltagelser med mindst {0} registrerede besøg tæller.", "Only participations with at least {0} recorded visits count.");
    private static readonly Text CompletedWithVisits = new("Kun gennemførte deltagelser med mindst {0} registrerede besøg tæller.", "Only completed participations with at least {0} recorded visits count.");

    public override string ToString() => $"{(CompletedOnly ? "completed" : "any")}:{MinVisits}";
}
