using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;

namespace DigitalInitiativer.Api.Surveys;

public static class SurveysFeature
{
    public static IServiceCollection AddSurveys(this IServiceCollection services) => services
        .AddFieldsFor<ViewerType, OwnAssessments>()
        .AddNodeSource<SurveyWave>(SurveyWaveType.TypeName)
        // An assessed profile is its person's alone: not even an administrator reads another's.
        .AddNodeSource<Assessment>(AssessmentType.TypeName, (sp, assessment) => sp.GetRequiredService<Viewer>().SeesDataOfAsync(assessment.PersonId, managersToo: false));
}
