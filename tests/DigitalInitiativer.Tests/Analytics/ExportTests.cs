using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DigitalInitiativer.Api.Exports;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Tests.Infrastructure;
using nietras.SeparatedValues;

namespace DigitalInitiativer.Tests.Analytics;

/// <summary>
/// The CSV exports, read back with a real CSV reader (Sep) as Danish Excel would read them, against the GraphQL answer
/// for the same filters and caller.
/// </summary>
public sealed class ExportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    private readonly GraphQLClient _evaluator = api.CreateGraphQLClient(Roles.Evaluator);

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(GraphQLClient client, string path)
    {
        var response = await client.Http.GetAsync(path);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The rows of a CSV file as header name → text, after checking the BOM and the delimiter.</summary>
    private static List<Dictionary<string, string>> Read(byte[] body)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), body[..3]);
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(new MemoryStream(body));
        Assert.Equal(';', reader.Spec.Sep.Separator);
        var names = reader.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>();
            foreach (var name in names) values[name] = row[name].ToString();
            rows.Add(values);
        }
        return rows;
    }

    private static string Number(JsonNode? value) => value is null ? "" : ((double)value).ToString("0.####", Danish);

    [Fact]
    public async Task The_reach_matrix_file_holds_exactly_the_protected_figures_of_the_query()
    {
        var wave = (string)(await _evaluator.QueryAsync("{ surveyWaves { id } }"))["surveyWaves"]!.AsArray()[^1]!["id"]!;
        var (response, body) = await GetAsync(_evaluator, $"/exports/reach-matrix.csv?kinds=DROP_IN_CAFE,COURSE&waveId={wave}");
        var matrix = (await _evaluator.QueryAsync("""
            query($wave: ID) { reachMatrix(filter: { kinds: [DROP_IN_CAFE, COURSE], waveId: $wave }) { rows { initiative { code } cells { profile { kind } participants coverage suppressed } } } }
            """, new { wave }))["reachMatrix"]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = Read(body);
        var expected = matrix["rows"]!.AsArray().SelectMany(row => row!["cells"]!.AsArray().Select(cell =>
            $"{row["initiative"]!["code"]}|{(string?)cell!["profile"]?["kind"] ?? "UNASSESSED"}|{Number(cell["participants"])}|{Number(cell["coverage"])}|{((bool)cell["suppressed"]! ? "ja" : "nej")}")).ToList();
        var actual = rows.Select(r => $"{r["initiative_code"]}|{r["profile"]}|{r["participants"]}|{r["coverage"]}|{r["suppressed"]}").ToList();
        Assert.True(expected.Count > 10);
        Assert.Equal(expected, actual);
        Assert.Contains(rows, r => r["suppressed"] == "ja" && r["participants"] == "" && r["coverage"] == "");
        Assert.Contains(rows, r => r["coverage"].Contains(','));
    }

    [Fact]
    public async Task The_transitions_and_distribution_files_match_their_queries()
    {
        var waves = (await _evaluator.QueryAsync("{ surveyWaves { id } }"))["surveyWaves"]!.AsArray();
        var (from, to) = ((string)waves[0]!["id"]!, (string)waves[1]!["id"]!);
        var unit = (string)(await _evaluator.QueryAsync("""{ organisationUnit(code: "ARB-JC") { id } }"""))["organisationUnit"]!["id"]!;

        var (_, transitionsBody) = await GetAsync(_evaluator, $"/exports/profile-transitions.csv?fromWaveId={from}&toWaveId={to}&initiativeKind=DROP_IN_CAFE");
        var transitions = (await _evaluator.QueryAsync("""
            query($from: ID!, $to: ID!) { profileTransitions(fromWaveId: $from, toWaveId: $to, filter: { initiativeKind: DROP_IN_CAFE }) {
              participants { n movedUpShare cells { from { kind } to { kind } count suppressed } } difference { estimate } } }
            """, new { from, to }))["profileTransitions"]!;
        var (_, distributionBody) = await GetAsync(_evaluator, $"/exports/profile-distribution.csv?unitId={unit}&role=EMPLOYEE");
        var distribution = (await _evaluator.QueryAsync("""
            query($unit: ID!) { surveyWaves { year profileDistribution(unitId: $unit, role: EMPLOYEE) { total groups { profile { kind } count share suppressed } } } }
            """, new { unit }))["surveyWaves"]!.AsArray();

        var transitionRows = Read(transitionsBody);
        string Value(string group, string measure, string from = "", string to = "") =>
            transitionRows.Single(r => r["group"] == group && r["measure"] == measure && r["from_profile"] == from && r["to_profile"] == to)["value"];
        Assert.Equal(Number(transitions["participants"]!["n"]), Value("participants", "n"));
        Assert.Equal(Number(transitions["participants"]!["movedUpShare"]), Value("participants", "moved_up_share"));
        Assert.Equal(Number(transitions["difference"]!["estimate"]), Value("difference", "moved_up_share_estimate"));
        foreach (var cell in transitions["participants"]!["cells"]!.AsArray())
            Assert.Equal(Number(cell!["count"]), Value("participants", "count", (string)cell["from"]!["kind"]!, (string)cell["to"]!["kind"]!));

        var distributionRows = Read(distributionBody);
        foreach (var wave in distribution)
        {
            var year = ((int)wave!["year"]!).ToString(CultureInfo.InvariantCulture);
            Assert.Equal(Number(wave["profileDistribution"]!["total"]), distributionRows.Single(r => r["wave_year"] == year && r["profile"] == "ALL")["count"]);
            foreach (var group in wave["profileDistribution"]!["groups"]!.AsArray())
            {
                var row = distributionRows.Single(r => r["wave_year"] == year && r["profile"] == (string)group!["profile"]!["kind"]!);
                Assert.Equal((Number(group!["count"]), Number(group["share"])), (row["count"], row["share"]));
            }
        }
    }

    [Fact]
    public async Task Text_a_spreadsheet_would_run_as_a_formula_is_neutralised()
    {
        var manager = api.CreateGraphQLClient(Roles.InitiativeManager, "demo-0011");
        var unit = (string)(await manager.QueryAsync("""{ organisationUnit(code: "ARB-JC") { id } }"""))["organisationUnit"]!["id"]!;
        foreach (var (code, title) in new[] { ("CSV-EQ", "=HYPERLINK(\"http://x\";\"klik\")"), ("CSV-AT", "@SUM(A1)"), ("CSV-PLUS", "+45 kursus"), ("CSV-MINUS", "-1 kursus") })
            await manager.QueryAsync(Features.InitiativeMutationTests.Create, new { input = Features.InitiativeMutationTests.NewInitiative(code, unit, title) });

        var rows = Read((await GetAsync(_evaluator, "/exports/reach-matrix.csv?kinds=DROP_IN_CAFE")).Body);

        Assert.Equal("'=HYPERLINK(\"http://x\";\"klik\")", rows.First(r => r["initiative_code"] == "CSV-EQ")["initiative_title"]);
        Assert.Equal("'@SUM(A1)", rows.First(r => r["initiative_code"] == "CSV-AT")["initiative_title"]);
        Assert.Equal("'+45 kursus", rows.First(r => r["initiative_code"] == "CSV-PLUS")["initiative_title"]);
        Assert.Equal("'-1 kursus", rows.First(r => r["initiative_code"] == "CSV-MINUS")["initiative_title"]);
        Assert.Equal("-0,5", SpreadsheetCsv.Cell(-0.5));
    }

    [Theory]
    [InlineData(null, "reach-matrix.csv", HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(null, "profile-distribution.csv", HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(Roles.Employee, "reach-matrix.csv", HttpStatusCode.Forbidden, "AUTH_NOT_AUTHORIZED")]
    [InlineData(Roles.Employee, "profile-distribution.csv", HttpStatusCode.Forbidden, "AUTH_NOT_AUTHORIZED")]
    [InlineData(Roles.InitiativeManager, "reach-matrix.csv", HttpStatusCode.Forbidden, "AUTH_NOT_AUTHORIZED")]
    public async Task Exports_follow_the_roles_of_their_queries(string? role, string export, HttpStatusCode status, string code)
    {
        var client = role is null ? api.CreateAnonymousClient() : api.CreateGraphQLClient(role, "demo-0001");
        {
            var (response, body) = await GetAsync(client, "/exports/" + export);

            Assert.Equal(status, response.StatusCode);
            Assert.Equal(code, (string?)JsonNode.Parse(body)!["errors"]![0]!["extensions"]!["code"]);
        }
    }

    [Fact]
    public async Task A_manager_sizes_a_target_group_from_the_distribution_export()
    {
        var manager = api.CreateGraphQLClient(Roles.InitiativeManager, "demo-0011");
        var unit = (string)(await manager.QueryAsync("""{ organisationUnit(code: "ARB-JC") { id } }"""))["organisationUnit"]!["id"]!;

        var (response, body) = await GetAsync(manager, $"/exports/profile-distribution.csv?unitId={unit}");
        var asEvaluator = Read((await GetAsync(_evaluator, $"/exports/profile-distribution.csv?unitId={unit}")).Body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Read(body);
        Assert.Contains(rows, r => r["profile"] == "HESITANT" && r["count"] != "");
        Assert.Equal(asEvaluator.Select(r => string.Join("|", r.Values)), rows.Select(r => string.Join("|", r.Values)));
    }

    [Theory]
    [InlineData("/exports/reach-matrix.csv?waveId=U3VydmV5V2F2ZTo5OTk", "NOT_FOUND")]
    [InlineData("/exports/reach-matrix.csv?unitId=not-an-id", "INVALID_ID")]
    [InlineData("/exports/reach-matrix.csv?kinds=CAFE", "INVALID_VALUE")]
    [InlineData("/exports/reach-matrix.csv?groupByKind=maybe", "INVALID_VALUE")]
    [InlineData("/exports/reach-matrix.csv?groupByKind=true&from=2015-01-01", "CONFLICTING_FILTERS")]
    [InlineData("/exports/reach-matrix.csv?wave=1", "INVALID_REQUEST")]
    [InlineData("/exports/profile-transitions.csv?fromWaveId=U3VydmV5V2F2ZTox", "INVALID_VALUE")]
    [InlineData("/exports/profile-distribution.csv?role=BOSS", "INVALID_VALUE")]
    public async Task Bad_filters_get_400_with_the_codes_of_the_API(string path, string code)
    {
        var (response, body) = await GetAsync(_evaluator, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(code, JsonNode.Parse(body)!["errors"]!.AsArray().Select(e => (string?)e!["extensions"]!["code"]));
    }

    [Fact]
    public async Task A_filter_that_leaves_only_small_groups_gets_the_suppressed_file()
    {
        var unit = (string)(await _evaluator.QueryAsync("""{ organisationUnit(code: "ARB-JC-VIRK") { id } }"""))["organisationUnit"]!["id"]!;

        var (response, body) = await GetAsync(_evaluator, $"/exports/profile-distribution.csv?unitId={unit}&role=LEADER");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Read(body);
        Assert.NotEmpty(rows);
        Assert.All(rows.Where(r => r["profile"] != "ALL"), r => Assert.Equal(("", "", "ja"), (r["count"], r["share"], r["suppressed"])));
    }
}
