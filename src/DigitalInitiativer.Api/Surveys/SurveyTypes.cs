using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Surveys;

public sealed class SurveyWaveType : NodeType<SurveyWave>
{
    public const string TypeName = "SurveyWave";

    public SurveyWaveType() : base(TypeName, "One round of the digital competence survey, in which every employee and leader is placed in a profile.")
    {
        Field(w => w.Year).Description("The year of the wave, e.g. 2015.");
        Field(w => w.Title).Description("The wave's title.");
        Field<NonNullGraphType<DateType>>("heldOn").Description("The date the wave's results refer to.").Resolve(ctx => ctx.Source.HeldOn);
        Field<NonNullGraphType<ProfileDistributionType>>("profileDistribution")
            .Description("How the people assessed in this wave spread over the four profiles.")
            .Argument<IdGraphType>("unitId", "Only count people in this unit or any unit below it, as they were placed when the wave ran.")
            .Argument<PersonRoleType>("role", "Only count employees or only leaders.")
            .AuthorizeWithRoles(Roles.Analysts)
            .ResolveAsync(async ctx =>
            {
                var db = ctx.Db();
                var tree = await OrgTree.LoadAsync(db, ctx.CancellationToken);
                var unit = tree.UnitIndex(ctx.GetArgument<string?>("unitId"), "unitId");
                var population = await Population.ComputeAsync(db, tree, ctx.Source.Id, ctx.DisclosureRules(), ctx.CancellationToken);
                return ProfileDistribution.From(ctx.Source, population, unit, Population.SlotOf(ctx.GetArgument<PersonRole?>("role")));
            });
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
        Field<FloatGraphType>("share").Description("The profile's share of the total, 0 to 1; null when the count or the total is withheld.").Resolve(ctx => ctx.Source.Share);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Description("True when count is withheld to protect individuals.").Resolve(ctx => ctx.Source.Count.Suppressed);
    }
}

public sealed class AssessmentType : NodeType<Assessment>
{
    public const string TypeName = "Assessment";

    public AssessmentType() : base(TypeName, "The profile one person was placed in by one survey wave.")
    {
        Field<NonNullGraphType<PersonType>>("person").Description("The person assessed.").Resolve(ctx => ctx.LoadById<Person>(ctx.Source.PersonId));
        Field<NonNullGraphType<SurveyWaveType>>("wave").Description("The wave the assessment belongs to.").Resolve(ctx => ctx.LoadById<SurveyWave>(ctx.Source.WaveId));
        Field<NonNullGraphType<CompetenceProfileType>>("profile").Description("The profile the person was placed in.").Resolve(ctx => CompetenceProfile.Of(ctx.Source.Profile));
        Field<NonNullGraphType<OrganisationUnitType>>("unit").Description("The unit the person belonged to when the wave ran.").Resolve(ctx => ctx.LoadById<OrganisationUnit>(ctx.Source.UnitId));
        Field<NonNullGraphType<PersonRoleType>>("role").Description("The person's role when the wave ran.").Resolve(ctx => ctx.Source.Role);
    }
}

public static class SurveyQueries
{
    public static void AddSurveyQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyWaveType>>>>("surveyWaves")
            .Description("Every survey wave, oldest first.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveAsync(async ctx => await ctx.Db().SurveyWaves().OrderBy(w => w.Year).ToListAsync(ctx.CancellationToken));
    }
}
