using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Analytics;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Tests.Features;

public sealed class ProfilesAndSurveysTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _client = api.CreateGraphQLClient();

    [Fact]
    public async Task Competence_profiles_are_listed_by_level_with_their_Danish_labels()
    {
        var data = await _client.QueryAsync("{ competenceProfiles { kind level name persona description } }");

        var profiles = data["competenceProfiles"]!.AsArray();
        Assert.Equal(["AWAITING", "HESITANT", "WILLING", "SELF_DRIVEN"], profiles.Select(p => (string)p!["kind"]!));
        Assert.Equal([1, 2, 3, 4], profiles.Select(p => (int)p!["level"]!));
        Assert.Equal(["Afventende", "Tøvende", "Velvillig", "Selvkørende"], profiles.Select(p => (string)p!["name"]!));
        Assert.Equal(["Anna Afventende", "Torben Tøvende", "Victor Velvillig", "Signe Selvkørende"], profiles.Select(p => (string)p!["persona"]!));
        Assert.All(profiles, p => Assert.False(string.IsNullOrWhiteSpace((string?)p!["description"])));
    }

    [Fact]
    public async Task Demo_waves_reproduce_the_articles_figures_within_half_a_percentage_point_after_perturbation()
    {
        var data = await _client.QueryAsync("{ surveyWaves { year profileDistribution { total maximumPerturbation groups { profile { kind } count share } } } }");

        var waves = data["surveyWaves"]!.AsArray();
        var shares = waves.ToDictionary(
            w => (int)w!["year"]!,
            w => w!["profileDistribution"]!["groups"]!.AsArray().ToDictionary(g => (string)g!["profile"]!["kind"]!, g => (double)g!["share"]!));
        Assert.Equal([2015, 2017], shares.Keys);
        Assert.InRange(shares[2015]["SELF_DRIVEN"], 0.255, 0.265);
        Assert.InRange(shares[2015]["AWAITING"], 0.035, 0.045);
        Assert.InRange(shares[2017]["SELF_DRIVEN"], 0.535, 0.545);
        Assert.InRange(shares[2017]["AWAITING"], 0.005, 0.015);
        // Each count is perturbed on its own, so the shares add up to 1 only within the perturbation of five counts.
        var slack = 5.0 * (int)waves[0]!["profileDistribution"]!["maximumPerturbation"]! / (int)waves[0]!["profileDistribution"]!["total"]!;
        Assert.All(shares.Values, s => Assert.InRange(s.Values.Sum(), 1 - slack, 1 + slack));
    }

    [Fact]
    public async Task Most_people_are_assessed_in_both_waves()
    {
        await using var db = api.OpenDb();
        var assessedTwice = await db.Assessments().GroupBy(a => a.PersonId).CountAsync(g => g.Count() == 2);
        var persons = await db.Persons().CountAsync();

        Assert.True(assessedTwice >= 0.8 * persons, $"{assessedTwice} of {persons} assessed in both waves");
    }

    [Theory]
    [InlineData("ARB", null)]
    [InlineData("ARB-JC", null)]
    [InlineData("ESB", "LEADER")]
    [InlineData("SO", "EMPLOYEE")]
    [InlineData("BD-PRJ", null)]
    public async Task Distribution_by_unit_includes_sub_units_and_matches_an_independent_count(string unitCode, string? role)
    {
        await using var db = api.OpenDb();
        var units = await db.Units().ToListAsync();
        var root = units.Single(u => u.Code == unitCode);
        var inTree = units.Where(u => u.Path.StartsWith(root.Path)).Select(u => u.Id).ToHashSet();
        var wave = await db.SurveyWaves().SingleAsync(w => w.Year == 2017);
        var counted = (await db.Assessments().Where(a => a.WaveId == wave.Id).ToListAsync())
            .Where(a => inTree.Contains(a.UnitId) && (role is null || a.Role == Enum.Parse<PersonRole>(role, ignoreCase: true)))
            .ToList();
        var expected = Enum.GetValues<DigitalInitiativer.Api.Profiles.CompetenceProfileKind>()
            .ToDictionary(kind => kind.ToString(), kind => (long)counted.Count(a => a.Profile == kind));
        expected["TOTAL"] = counted.Count;

        var data = await _client.QueryAsync(
            """
            query($unit: ID, $role: PersonRole) {
              surveyWaves { year profileDistribution(unitId: $unit, role: $role) { total groups { profile { level } count } } }
            }
            """,
            new { unit = GlobalIds.Of("OrganisationUnit", root.Id), role });

        var distribution = data["surveyWaves"]!.AsArray().Single(w => (int)w!["year"]! == 2017)!["profileDistribution"]!;
        var actual = distribution["groups"]!.AsArray().ToDictionary(
            g => ((DigitalInitiativer.Api.Profiles.CompetenceProfileKind)(int)g!["profile"]!["level"]!).ToString(), g => (long?)g!["count"]);
        actual["TOTAL"] = (long?)distribution["total"];
        ProtectedFigures.AssertMatch(expected, actual, maximumPerturbation: ProtectedFigures.DefaultMaximumPerturbation);
        // A unit with staff shows its total; an empty one (BD-PRJ) is withheld like any count below k.
        Assert.Equal(expected["TOTAL"] >= ProtectedFigures.DefaultMinimumGroupSize + ProtectedFigures.DefaultMaximumPerturbation, actual["TOTAL"] is not null);
    }

    [Fact]
    public async Task Organisation_tree_includes_Jobcenter_Esbjerg_under_Arbejdsmarked()
    {
        var data = await _client.QueryAsync("""{ organisationUnit(code: "ARB-JC") { name parent { name parent { name parent { id } } } children { code } } }""");

        var jobcenter = data["organisationUnit"]!;
        Assert.Equal("Jobcenter Esbjerg", (string?)jobcenter["name"]);
        Assert.Equal("Arbejdsmarked", (string?)jobcenter["parent"]!["name"]);
        Assert.Equal("Esbjerg Kommune", (string?)jobcenter["parent"]!["parent"]!["name"]);
        Assert.Null(jobcenter["parent"]!["parent"]!["parent"]);
        Assert.NotEmpty(jobcenter["children"]!.AsArray());

        var roots = await _client.QueryAsync("{ organisationUnits { code children { code } } }");
        Assert.Equal("ESB", (string?)roots["organisationUnits"]!.AsArray().Single()!["code"]);
    }
}
