using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Tests.Features;

/// <summary>Nested fields are batched per level, so the number of SQL statements does not grow with the page size.</summary>
public sealed class BatchingTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _api;
    private readonly GraphQLClient _client;

    public BatchingTests(ApiFactory api)
    {
        _api = api;
        _client = api.CreateGraphQLClient();
    }

    private const string CatalogueWithReach = """
        query($first: Int!) {
          initiatives(first: $first, order: { field: STARTS_ON }) {
            totalCount
            nodes {
              code
              unit { name parent { name } }
              targetProfiles { kind }
              reach { profile { kind } participants }
              participations(first: 2) { totalCount nodes { person { key unit { code } } } }
            }
          }
        }
        """;

    public async Task InitializeAsync()
    {
        // The demo catalogue has 10 initiatives; a page of 50 needs more, each with participants.
        await using var db = _api.OpenDb();
        if (await db.Initiatives().CountAsync() >= 60) return;
        var units = await db.Units().Select(u => u.Id).ToListAsync();
        var persons = await db.Persons().OrderBy(p => p.Id).Select(p => p.Id).Take(300).ToListAsync();
        for (var n = 0; n < 60; n++)
        {
            var initiative = new Initiative($"BATCH-{n:00}", InitiativeKind.VideoGuide,
                new InitiativeDetails($"Video {n:00}", null, units[n % units.Count], [], new DateOnly(2016, 1, 1).AddDays(n), null));
            db.Initiatives().Add(initiative);
            await db.SaveChangesAsync();
            db.Participations().AddRange(persons.Skip(n * 5).Take(5).Select(p =>
                new Participation(p, initiative.Id, new ParticipationRecord(ParticipationStatus.Completed, initiative.StartsOn))));
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Statements, int Nodes)> CountStatementsAsync(int first)
    {
        await _client.QueryAsync(CatalogueWithReach, new { first }); // warm-up: compiled queries, connection pool
        _api.SqlCommands.Reset();
        var data = await _client.QueryAsync(CatalogueWithReach, new { first });
        return (_api.SqlCommands.Count, data["initiatives"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Statements_for_a_page_of_50_with_nested_reach_units_and_participations_do_not_exceed_those_for_a_page_of_5()
    {
        var small = await CountStatementsAsync(5);
        var large = await CountStatementsAsync(50);

        Assert.Equal(5, small.Nodes);
        Assert.Equal(50, large.Nodes);
        // One statement per level of nesting, whatever the page size (fewer when a level's rows were already loaded).
        Assert.True(large.Statements <= small.Statements, $"page of 50: {large.Statements} statements, page of 5: {small.Statements}");
        Assert.InRange(small.Statements, 1, 12);
    }

    [Theory]
    [InlineData("first: 3", false)]
    [InlineData("last: 3", true)]
    public async Task Batched_nested_pages_hold_the_same_rows_as_paging_each_initiative_alone(string arguments, bool fromTheEnd)
    {
        var data = await _client.QueryAsync($$"""
            { initiatives(first: 12, order: { field: STARTS_ON }) { nodes { code participations({{arguments}}) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { id } } } } }
            """);

        await using var db = _api.OpenDb();
        foreach (var node in data["initiatives"]!["nodes"]!.AsArray())
        {
            var code = (string)node!["code"]!;
            var all = await db.Participations().Where(p => p.Initiative!.Code == code).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            var expected = fromTheEnd ? all.TakeLast(3) : all.Take(3);
            var connection = node["participations"]!;
            Assert.Equal(all.Count, (int)connection["totalCount"]!);
            Assert.Equal(expected.Select(id => GlobalIds.Of("Participation", id)), connection["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        }
    }

    [Theory]
    [InlineData("nodes { code unit { name } }")]
    [InlineData("edges { node { code unit { name } } }")]
    [InlineData("nodes { ...Card }")]
    [InlineData("nodes { ... on Initiative { code unit { name } } }")]
    public async Task A_catalogue_page_with_each_initiatives_unit_is_one_SQL_statement(string selection)
    {
        var query = $$"""
            query { initiatives(first: 30, order: { field: STARTS_ON }) { {{selection}} } }
            fragment Card on Initiative { code unit { name } }
            """;
        if (!selection.Contains("...Card")) query = query[..query.IndexOf("fragment", StringComparison.Ordinal)];
        await _client.QueryAsync(query);
        _api.SqlCommands.Reset();

        var data = await _client.QueryAsync(query);

        Assert.Equal(1, _api.SqlCommands.Count);
        var page = data["initiatives"]!["nodes"]?.AsArray().Select(n => n!) ?? data["initiatives"]!["edges"]!.AsArray().Select(e => e!["node"]!);
        await using var db = _api.OpenDb();
        var unitOf = await db.Initiatives().Select(i => new { i.Code, Unit = i.Unit!.Name }).ToDictionaryAsync(i => i.Code, i => i.Unit);
        Assert.Equal(30, page.Count());
        Assert.All(page, node => Assert.Equal(unitOf[(string)node["code"]!], (string)node["unit"]!["name"]!));
    }
}
