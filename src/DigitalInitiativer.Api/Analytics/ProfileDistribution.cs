using DigitalInitiativer.Api.Analytics.Disclosure;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Analytics;

public sealed record ProfileGroupCount(CompetenceProfile Profile, ProtectedCount Count, double? Share);

public sealed record ProfileDistribution(SurveyWave Wave, ProtectedCount Total, IReadOnlyList<ProfileGroupCount> Groups, DisclosureRules Rules)
{
    public bool AnyWithheld => Total.Suppressed || Groups.Any(g => g.Count.Suppressed);

    /// <summary>One wave's distribution for a unit (sub-units included) and role, read from the protected population table.</summary>
    public static ProfileDistribution From(SurveyWave wave, Population population, int unit, RoleSlot role, DisclosureRules rules)
    {
        var total = new ProtectedCount(population.Figures.Published(unit, role, Population.Assessed));
        return new ProfileDistribution(wave, total, CompetenceProfile.All.Select(p =>
        {
            var count = new ProtectedCount(population.Figures.Published(unit, role, p.Level - 1));
            return new ProfileGroupCount(p, count, count.ShareOf(total));
        }).ToList(), rules);
    }
}

public sealed class ProfileDistributionType : ObjectGraphType<ProfileDistribution>
{
    public ProfileDistributionType()
    {
        Name = "ProfileDistribution";
        Description = "How many people were placed in each profile. Counts resting on fewer than k people, or that would let one be worked out, are withheld, and every count is perturbed; see caveats.";
        Field<IntGraphType>("total").Description("The number of people assessed, perturbed on its own (the groups may not add up to it exactly); null when withheld.").Resolve(ctx => ctx.Source.Total.Value);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Description("True when total is withheld.").Resolve(ctx => ctx.Source.Total.Suppressed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProfileGroupCountType>>>>("groups")
            .Description("One entry per profile, ordered by level; profiles with no one in them are included with count 0.")
            .Resolve(ctx => ctx.Source.Groups);
        this.AddDisclosureFields(distribution => distribution.Rules, distribution => distribution.AnyWithheld);
    }
}

public sealed class ProfileGroupCountType : ObjectGraphType<ProfileGroupCount>
{
    public ProfileGroupCountType()
    {
        Name = "ProfileGroupCount";
        Description = "The number of people in one profile.";
        Field<NonNullGraphType<CompetenceProfileType>>("profile").Description("The profile.").Resolve(ctx => ctx.Source.Profile);
        Field<IntGraphType>("count").Description("How many people were placed in the profile, perturbed by up to ±maximumPerturbation; null when withheld.").Resolve(ctx => ctx.Source.Count.Value);
        Field<FloatGraphType>("share").Description("The profile's share of the total, 0 to 1; null when the count or the total is withheld.").Resolve(ctx => Share.Rounded(ctx.Source.Share));
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Description("True when count is withheld to protect individuals.").Resolve(ctx => ctx.Source.Count.Suppressed);
    }
}
