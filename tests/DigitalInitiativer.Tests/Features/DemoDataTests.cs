using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Demo;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;

namespace DigitalInitiativer.Tests.Features;

public sealed class DemoDataTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _client = api.CreateGraphQLClient();

    [Fact]
    public async Task Demo_data_is_the_same_every_time_it_is_generated()
    {
        // The snapshot is what a fresh seed produced when it was recorded; any change to the generator shows up here.
        var data = await _client.QueryAsync("""
            {
              surveyWaves { year title heldOn profileDistribution { total groups { profile { kind } count } } }
              initiatives(first: 100) { totalCount nodes { code kind unit { code } reach { profile { kind } participants } participations(first: 1) { totalCount } } }
              finished: initiative(code: "IDEA-2016") { ...Competition }
              open: initiative(code: "IDEA-2026") { ...Competition }
            }
            fragment Competition on Initiative {
              competition { phase rules { votesPerPerson allowSelfVoting proposalsPerPerson } proposals(first: 20, order: { field: VOTES }) { nodes { title state voteCount mergedInto { title } realisation { realisedOn solution } } } }
            }
            """);

        Snapshot.Match(data.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var db = api.OpenDb();
        var before = await CountsAsync(db);

        await DemoData.SeedAsync(db);

        Assert.Equal(before, await CountsAsync(db));
        Assert.Equal(DemoData.PersonCount, before.Persons);
    }

    [Fact]
    public async Task Demo_persons_have_stable_readable_keys_with_both_leaders_and_employees_among_the_first()
    {
        await using var db = api.OpenDb();
        var first = await db.Persons().Where(p => p.Key.StartsWith("demo-")).OrderBy(p => p.Key).Take(10).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"demo-{n:0000}"), first.Select(p => p.Key));
        Assert.Contains(first, p => p.Role == PersonRole.Leader);
        Assert.Contains(first, p => p.Role == PersonRole.Employee);
        Assert.True(await db.Persons().AnyAsync(p => p.Key == "demo-2000"));
    }

    [Fact]
    public async Task Demo_covers_every_initiative_kind_and_Jobcenter_Esbjergs_cafes_and_superusers()
    {
        await using var db = api.OpenDb();
        var kinds = await db.Initiatives().Select(i => i.Kind).Distinct().ToListAsync();
        var jobcenter = await db.Units().SingleAsync(u => u.Name == "Jobcenter Esbjerg");

        Assert.Equal(Enum.GetValues<DigitalInitiativer.Api.Initiatives.InitiativeKind>().Order(), kinds.Order());
        Assert.True(await db.Initiatives().AnyAsync(i => i.UnitId == jobcenter.Id && i.Kind == DigitalInitiativer.Api.Initiatives.InitiativeKind.DropInCafe));
        Assert.True(await db.Initiatives().AnyAsync(i => i.UnitId == jobcenter.Id && i.Kind == DigitalInitiativer.Api.Initiatives.InitiativeKind.PeerTraining));
    }

    private static async Task<(int Units, int Persons, int Waves, int Assessments, int Initiatives, int Participations)> CountsAsync(AppDbContext db) =>
        (await db.Units().CountAsync(), await db.Persons().CountAsync(), await db.SurveyWaves().CountAsync(),
         await db.Assessments().CountAsync(), await db.Initiatives().CountAsync(), await db.Participations().CountAsync());
}
