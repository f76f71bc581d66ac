using DigitalInitiativer.Api.Analytics.Disclosure;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Analytics;

public sealed class ReachCellType : ObjectGraphType<ReachCell>
{
    public ReachCellType()
    {
        Name = "ReachCell";
        Description = "How many distinct participants fall in one profile group, and what share of that group they are.";
        Field<CompetenceProfileType>("profile").Description("The profile group; null for people not assessed (in the wave, or before their participation began).").Resolve(ctx => ctx.Source.Profile);
        Field<IntGraphType>("participants")
            .Description("Distinct participants in the group (withdrawn participations excluded), perturbed by up to ±maximumPerturbation; null when withheld to protect individuals.")
            .Resolve(ctx => ctx.Source.Participants.Value);
        Field<FloatGraphType>("coverage")
            .Description("Participants inside the initiative's target unit (sub-units included) as a share, 0 to 1, of everyone in the group there. "
                + "Null when either figure is withheld, when the unit filter lies outside the target, or when reach is not tied to a wave.")
            .Resolve(ctx => Share.Rounded(ctx.Source.Coverage));
        Field<NonNullGraphType<BooleanGraphType>>("suppressed")
            .Description("True when participants is withheld because it rests on too few people or could be worked out from a figure that does.")
            .Resolve(ctx => ctx.Source.Participants.Suppressed);
    }
}

public sealed class ReachRowType : ObjectGraphType<ReachRow>
{
    public ReachRowType()
    {
        Name = "ReachRow";
        Description = "One initiative, or all initiatives of one kind, and whom it reached per profile group.";
        Field<InitiativeType>("initiative").Description("The initiative; null when rows are grouped by kind.").Resolve(ctx => ctx.Source.Initiative);
        Field<NonNullGraphType<InitiativeKindType>>("kind").Description("The initiative's kind, or the kind the row groups.").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachCellType>>>>("cells")
            .Description("Five cells: the four profiles by level, then the group not assessed (in the wave, or before the participation began).")
            .Resolve(ctx => ctx.Source.Cells);
        Field<IntGraphType>("totalParticipants").Description("Distinct participants in all groups; null when withheld.").Resolve(ctx => ctx.Source.Total.Value);
        Field<NonNullGraphType<BooleanGraphType>>("totalSuppressed").Description("True when totalParticipants is withheld.").Resolve(ctx => ctx.Source.Total.Suppressed);
    }
}

public sealed class ReachMatrixType : ObjectGraphType<ReachMatrixResult>
{
    public ReachMatrixType()
    {
        Name = "ReachMatrix";
        Description = "Which initiatives reached which profile groups, and how much of each group. Small groups are withheld and every count is perturbed; see caveats.";
        Field<SurveyWaveType>("wave").Description("The wave asked for in filter.waveId, which places people in profile groups; null when none was asked for and each participant is placed by their profile when they began.").Resolve(ctx => ctx.Source.Wave);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachRowType>>>>("rows")
            .Description("One row per initiative (by start date, then code), or per kind (in the kind's order) when grouped by kind.")
            .Resolve(ctx => ctx.Source.Rows);
        this.AddDisclosureFields(result => result.Rules, result => result.Rows.Any(r => r.Total.Suppressed || r.Cells.Any(c => c.Participants.Suppressed)));
    }
}

/// <summary>The fields every protected answer carries, so a reader always knows how its figures were protected.</summary>
public static class DisclosureFields
{
    /// <param name="anyWithheld">Whether any figure of the answer is withheld, for the caveats; null when the type words its own caveats.</param>
    public static void AddDisclosureFields<T>(this ObjectGraphType<T> type, Func<T, DisclosureRules> rulesOf, Func<T, bool>? anyWithheld)
    {
        type.Field<NonNullGraphType<IntGraphType>>("minimumGroupSize").Description("k: figures resting on fewer people than this are withheld.")
            .Resolve(ctx => rulesOf(ctx.Source).MinimumGroupSize);
        type.Field<NonNullGraphType<IntGraphType>>("maximumPerturbation")
            .Description("D: every published count lies within ±D of the true count (the cell-key method); see the caveats.").Resolve(ctx => rulesOf(ctx.Source).MaximumPerturbation);
        if (anyWithheld is null) return;
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("caveats")
            .Description("How the figures are protected and what that means for reading them, e.g. that cells may not add up exactly to their totals, in the caller's language. Show them with the figures.")
            .Resolve(ctx => DisclosureCaveats.For(rulesOf(ctx.Source), anyWithheld(ctx.Source)).ToList());
    }
}

public sealed class ReachFilter
{
    public string? WaveId { get; set; }
    public string? UnitId { get; set; }
    public PersonRole? Role { get; set; }
    public List<InitiativeKind>? Kinds { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public bool GroupByKind { get; set; }
    public bool CompletedOnly { get; set; }
    public int MinVisits { get; set; }
}

public sealed class ReachFilterType : InputObjectGraphType<ReachFilter>
{
    public ReachFilterType()
    {
        Name = "ReachFilter";
        Description = "Which people and initiatives the reach matrix counts.";
        Field<IdGraphType>("waveId").Description("The wave whose profiles group people, with coverage. Left out, each participant is grouped by their latest assessment "
            + "on or before the day their participation started (their profile when the initiative reached them, as Initiative.reach does), and coverage is null.");
        Field<IdGraphType>("unitId").Description("Only people in this unit or a unit below it, as placed by the assessment that groups them; unassessed people by their current unit.");
        Field<PersonRoleType>("role").Description("Only employees or only leaders.");
        Field<ListGraphType<NonNullGraphType<InitiativeKindType>>>("kinds").Description("Only initiatives of these kinds.");
        Field<DateType>("from").Description("Only initiatives still running on or after this day. Not together with groupByKind.");
        Field<DateType>("to").Description("Only initiatives that started on or before this day. Not together with groupByKind.");
        Field<BooleanGraphType>("groupByKind").Description("One row per initiative kind, counting each person once per kind over every initiative of the kind (without a wave, by their profile when their first participation of the kind began), instead of one row per initiative. "
            + "Not together with from or to (CONFLICTING_FILTERS): rows of one kind over many periods would let the same people be read many times with fresh noise.").DefaultValue(false);
        Field<BooleanGraphType>("completedOnly").Description("Only completed participations count. Default false.").DefaultValue(false);
        Field<IntGraphType>("minVisits").Description($"Only participations with at least this many recorded session visits count: one of {string.Join(", ", ParticipationDepth.MinVisitsSteps)}. Default 0.").DefaultValue(0);
    }
}

public sealed class TransitionCellType : ObjectGraphType<TransitionCell>
{
    public TransitionCellType()
    {
        Name = "TransitionCell";
        Description = "How many people moved from one profile in the first wave to one profile in the second.";
        Field<NonNullGraphType<CompetenceProfileType>>("from").Description("The profile in the first wave.").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<CompetenceProfileType>>("to").Description("The profile in the second wave.").Resolve(ctx => ctx.Source.To);
        Field<IntGraphType>("count").Description("The number of people, perturbed by up to ±maximumPerturbation; null when withheld.").Resolve(ctx => ctx.Source.Count.Value);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Description("True when count is withheld to protect individuals.").Resolve(ctx => ctx.Source.Count.Suppressed);
    }
}

public sealed class TransitionTableType : ObjectGraphType<TransitionTable>
{
    public TransitionTableType()
    {
        Name = "TransitionTable";
        Description = "The 4×4 profile transition matrix of one group of people, and the shares that moved up, stayed or moved down.";
        Field<IntGraphType>("n").Description("The number of people in the group (perturbed), the n behind every share; null when withheld.").Resolve(ctx => ctx.Source.N.Value);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Description("True when n is withheld.").Resolve(ctx => ctx.Source.N.Suppressed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TransitionCellType>>>>("cells")
            .Description("Sixteen cells, ordered by first-wave profile and then second-wave profile, each by level.")
            .Resolve(ctx => ctx.Source.Cells);
        Field<FloatGraphType>("movedUpShare").Description("The share, 0 to 1, that moved up at least one level; null when withheld.").Resolve(ctx => Share.Rounded(ctx.Source.MovedUpShare));
        Field<FloatGraphType>("stayedShare").Description("The share that stayed in the same profile; null when withheld.").Resolve(ctx => Share.Rounded(ctx.Source.StayedShare));
        Field<FloatGraphType>("movedDownShare").Description("The share that moved down at least one level; null when withheld.").Resolve(ctx => Share.Rounded(ctx.Source.MovedDownShare));
    }
}

public sealed class MovedUpDifferenceType : ObjectGraphType<MovedUpDifference>
{
    public MovedUpDifferenceType()
    {
        Name = "MovedUpDifference";
        Description = "Participants' moved-up share minus non-participants' (a difference-in-differences on moving up), with a 95 % confidence interval.";
        Field<FloatGraphType>("estimate").Description("The difference in moved-up share, -1 to 1; null when withheld.").Resolve(ctx => Share.Rounded(ctx.Source.Estimate));
        Field<FloatGraphType>("ciLow").Description("The lower end of the 95 % confidence interval.").Resolve(ctx => Share.Rounded(ctx.Source.CiLow));
        Field<FloatGraphType>("ciHigh").Description("The upper end of the 95 % confidence interval.").Resolve(ctx => Share.Rounded(ctx.Source.CiHigh));
        Field<NonNullGraphType<BooleanGraphType>>("suppressed")
            .Description("True when the difference is withheld because a share or n it rests on is withheld, or a group is empty.")
            .Resolve(ctx => ctx.Source.Suppressed);
    }
}

public sealed class ProfileTransitionsType : ObjectGraphType<ProfileTransitionsResult>
{
    public ProfileTransitionsType()
    {
        Name = "ProfileTransitions";
        Description = "How the people assessed in both of two waves moved between profiles, for everyone and split by participation.";
        Field<NonNullGraphType<SurveyWaveType>>("fromWave").Description("The earlier wave.").Resolve(ctx => ctx.Source.FromWave);
        Field<NonNullGraphType<SurveyWaveType>>("toWave").Description("The later wave.").Resolve(ctx => ctx.Source.ToWave);
        Field<NonNullGraphType<TransitionTableType>>("all").Description("Everyone assessed in both waves.").Resolve(ctx => ctx.Source.All);
        Field<NonNullGraphType<TransitionTableType>>("participants").Description("Those who took part between the waves (see participantDefinition).").Resolve(ctx => ctx.Source.Participants);
        Field<NonNullGraphType<TransitionTableType>>("nonParticipants").Description("Everyone else assessed in both waves.").Resolve(ctx => ctx.Source.NonParticipants);
        Field<NonNullGraphType<MovedUpDifferenceType>>("difference").Description("How much more often participants moved up than non-participants.").Resolve(ctx => ctx.Source.Difference);
        Field<NonNullGraphType<StringGraphType>>("participantDefinition").Description("Who counts as a participant in this answer, in words, in the caller's language.").Resolve(ctx => ctx.Source.ParticipantDefinition);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("caveats")
            .Description("What the figures cannot show, e.g. self-selection and that two waves cannot test parallel trends, in the caller's language. Show them with the figures.")
            .Resolve(ctx => ctx.Source.Caveats);
        this.AddDisclosureFields(result => result.Rules, anyWithheld: null);
    }
}

public sealed class TransitionFilter
{
    public string? UnitId { get; set; }
    public PersonRole? Role { get; set; }
    public string? InitiativeId { get; set; }
    public InitiativeKind? InitiativeKind { get; set; }
    public bool CompletedOnly { get; set; }
    public int MinVisits { get; set; }
}

public sealed class TransitionFilterType : InputObjectGraphType<TransitionFilter>
{
    public TransitionFilterType()
    {
        Name = "TransitionFilter";
        Description = "Which people the transitions count, and who counts as a participant.";
        Field<IdGraphType>("unitId").Description("Only people in this unit or a unit below it, as placed by the earlier wave.");
        Field<PersonRoleType>("role").Description("Only employees or only leaders, as placed by the earlier wave.");
        Field<IdGraphType>("initiativeId").Description("Participants are those who took part in this initiative between the waves.");
        Field<InitiativeKindType>("initiativeKind").Description("Participants are those who took part in an initiative of this kind between the waves. Not together with initiativeId.");
        Field<BooleanGraphType>("completedOnly").Description("Participants are only those who completed. Default false.").DefaultValue(false);
        Field<IntGraphType>("minVisits").Description($"Participants are only those with at least this many recorded session visits: one of {string.Join(", ", ParticipationDepth.MinVisitsSteps)}. Default 0.").DefaultValue(0);
    }
}
