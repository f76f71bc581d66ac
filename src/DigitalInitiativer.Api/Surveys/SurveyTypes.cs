using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Surveys;

/// <summary>A survey wave; Analytics adds its protected profile distribution.</summary>
public sealed class SurveyWaveType : NodeType<SurveyWave>
{
    public const string TypeName = "SurveyWave";

    public SurveyWaveType(IEnumerable<IFieldsFor<SurveyWaveType>> contributions) : base(TypeName, "One round of the digital competence survey, in which every employee and leader is placed in a profile.")
    {
        Field(w => w.Year).Description("The year of the wave, e.g. 2015.");
        Field(w => w.Title).Description("The wave's title.");
        Field<NonNullGraphType<DateType>>("heldOn").Description("The date the wave's results refer to.").Resolve(ctx => ctx.Source.HeldOn);
        this.AddFields(contributions);
    }
}

public sealed class AssessmentType : NodeType<Assessment>
{
    public const string TypeName = "Assessment";

    public AssessmentType() : base(TypeName, "The profile one person was placed in by one survey wave.")
    {
        Field<NonNullGraphType<PersonType>>("person").Description("The person assessed.").ResolveById<Assessment, Person>(a => a.PersonId);
        Field<NonNullGraphType<SurveyWaveType>>("wave").Description("The wave the assessment belongs to.").ResolveById<Assessment, SurveyWave>(a => a.WaveId);
        Field<NonNullGraphType<CompetenceProfileType>>("profile").Description("The profile the person was placed in.").Resolve(ctx => CompetenceProfile.Of(ctx.Source.Profile));
        Field<NonNullGraphType<OrganisationUnitType>>("unit").Description("The unit the person belonged to when the wave ran.").ResolveById<Assessment, OrganisationUnit>(a => a.UnitId);
        Field<NonNullGraphType<PersonRoleType>>("role").Description("The person's role when the wave ran.").Resolve(ctx => ctx.Source.Role);
    }
}

/// <summary>me.assessments: the caller's own profiles, the only way anyone reads an assessed profile.</summary>
public sealed class OwnAssessments : IFieldsFor<ViewerType>
{
    public void AddTo(ViewerType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentType>>>>("assessments")
            .Description("The caller's own assessed profile in each survey wave, oldest first.")
            .Resolve().WithService<AppDbContext>()
            .ResolveAsync(async (ctx, db) => ctx.Source.PersonId is { } id
                ? await db.Assessments().Where(a => a.PersonId == id).OrderBy(a => a.Wave!.HeldOn).ToListAsync(ctx.CancellationToken)
                : []);
}
