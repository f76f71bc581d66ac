using System.Text;
using System.Text.Json.Nodes;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Analytics;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Imports;

public sealed class ImportTests(ImportApiFactory api) : IClassFixture<ImportApiFactory>
{
    private readonly GraphQLClient _admin = api.CreateGraphQLClient();

    private const string ReportFields = """
        importReport { kind dryRun applied rowsRead created updated removed personsCreated delimiter }
        errors { __typename ... on UserError { code message path } ... on ImportRejectedError { problemCount problems { line column columnName code message } } }
        """;

    private Task<JsonNode> UnitsAsync(string content, bool dryRun = false) => RunAsync("importUnits", "ImportUnitsInput", new { content, dryRun });

    private Task<JsonNode> SurveyAsync(string content, int year, bool dryRun = false) => RunAsync("importSurveyWave", "ImportSurveyWaveInput", new { content, year, dryRun });

    private Task<JsonNode> ParticipationsAsync(string content, string format = "CSV", bool dryRun = false) =>
        RunAsync("importParticipations", "ImportParticipationsInput", new { content, format, dryRun });

    private async Task<JsonNode> RunAsync(string mutation, string inputType, object input) =>
        (await _admin.QueryAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {ReportFields} }} }}", new { input }))[mutation]!;

    private static List<(int Line, int Column, string Code)> Problems(JsonNode payload) =>
        payload["errors"]![0]!["problems"]!.AsArray().Select(p => ((int)p!["line"]!, (int)p["column"]!, (string)p["code"]!)).ToList();

    private string Pseudonym(string employeeNumber) => api.Services.GetRequiredService<Pseudonymiser>().Pseudonymise(employeeNumber);

    private static void AssertApplied(JsonNode payload)
    {
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.True((bool)payload["importReport"]!["applied"]!, payload.ToJsonString());
    }

    [Fact]
    public async Task Units_are_added_and_moved_with_Danish_letters_kept_from_a_comma_file_with_a_BOM()
    {
        var payload = await UnitsAsync("\uFEFFcode,name,parent_code\nIMP-ROOT,Økonomi & Løn,ESB\nIMP-CHILD,Lønservice Ærø,IMP-ROOT\n");
        AssertApplied(payload);
        Assert.Equal(",", (string?)payload["importReport"]!["delimiter"]);
        Assert.Equal(2, (int)payload["importReport"]!["created"]!);

        // Moving a unit moves its sub-tree, and re-importing the same file changes nothing.
        AssertApplied(await UnitsAsync("code;name;parent_code\nIMP-CHILD;Lønservice Ærø;ARB\n"));
        var again = await UnitsAsync("code;name;parent_code\nIMP-CHILD;Lønservice Ærø;ARB\n");
        Assert.Equal(0, (int)again["importReport"]!["updated"]!);

        await using var db = api.OpenDb();
        var units = await db.Units().ToDictionaryAsync(u => u.Code);
        Assert.Equal("Lønservice Ærø", units["IMP-CHILD"].Name);
        Assert.Equal(units["ARB"].Path + units["IMP-CHILD"].Id + "/", units["IMP-CHILD"].Path);
    }

    [Fact]
    public async Task A_bad_unit_file_is_rejected_whole_with_every_problem_located()
    {
        await using var before = api.OpenDb();
        var count = await before.Units().CountAsync();

        var payload = await UnitsAsync("code;name;parent_code\nBAD-A;A;BAD-B\nBAD-B;B;BAD-A\nBAD-C;;NOWHERE\nBAD-C;C again;\nGOOD;Fine;ESB\n");

        Assert.Null(payload["importReport"]);
        Assert.Equal("IMPORT_REJECTED", (string?)payload["errors"]![0]!["code"]);
        var problems = Problems(payload);
        Assert.Contains((4, 2, "REQUIRED"), problems);
        Assert.Contains((5, 1, "DUPLICATE_CODE"), problems);
        Assert.Contains((4, 3, "UNKNOWN_UNIT"), problems);
        Assert.Contains(problems, p => p.Code == "PARENT_CYCLE" && p.Line is 2 or 3);
        await using var after = api.OpenDb();
        Assert.Equal(count, await after.Units().CountAsync());
    }

    [Fact]
    public async Task A_survey_wave_in_Danish_is_imported_and_a_corrected_file_replaces_it()
    {
        const string File = "employee_number;unit_code;role;profile\n7700101;ARB-JC;medarbejder;Tøvende\n7700102;ARB-JC;leder;SELVKØRENDE\n7700103;SO;EMPLOYEE;afventende\n";
        var first = await SurveyAsync(File, 2019);
        AssertApplied(first);
        Assert.Equal(3, (int)first["importReport"]!["personsCreated"]!);

        var again = await SurveyAsync(File, 2019);
        Assert.Equal(3, (int)again["importReport"]!["removed"]!);
        Assert.Equal(0, (int)again["importReport"]!["personsCreated"]!);

        var corrected = await SurveyAsync("employee_number;unit_code;role;profile\n7700101;ARB-JC;medarbejder;Velvillig\n7700102;ARB-JC;leder;SELVKØRENDE\n", 2019);
        AssertApplied(corrected);
        // A broken replacement is rejected whole: the wave keeps the assessments it had.
        Assert.Equal("IMPORT_REJECTED", (string?)(await SurveyAsync("employee_number;unit_code;role;profile\n7700101;ARB-JC;medarbejder;Velvillig\n7700104;NOPE;EMPLOYEE;WILLING\n", 2019))["errors"]![0]!["code"]);

        await using var db = api.OpenDb();
        var wave = await db.SurveyWaves().SingleAsync(w => w.Year == 2019);
        var profiles = await db.Assessments().Where(a => a.WaveId == wave.Id).Select(a => new { a.Profile, a.Role }).ToListAsync();
        Assert.Equal(2, profiles.Count);
        Assert.Contains(profiles, p => p.Profile == CompetenceProfileKind.Willing && p.Role == PersonRole.Employee);
        Assert.Contains(profiles, p => p.Profile == CompetenceProfileKind.SelfDriven && p.Role == PersonRole.Leader);
    }

    [Fact]
    public async Task Answer_columns_are_scored_into_profiles_by_the_documented_rule()
    {
        var payload = await SurveyAsync("employee_number,unit_code,role,q1,q2,q3\n7700201,BK,EMPLOYEE,1,2,1\n7700202,BK,EMPLOYEE,2,3,2\n7700203,BK,EMPLOYEE,3,4,3\n7700204,BK,EMPLOYEE,5,4,\n", 2011);
        AssertApplied(payload);

        await using var db = api.OpenDb();
        var wave = await db.SurveyWaves().SingleAsync(w => w.Year == 2011);
        var profiles = await db.Assessments().Where(a => a.WaveId == wave.Id).OrderBy(a => a.PersonId).Select(a => a.Profile).ToListAsync();
        // Means 1.33, 2.33, 3.33 and 4.5 against thresholds 2, 3 and 4.
        Assert.Equal([CompetenceProfileKind.Awaiting, CompetenceProfileKind.Hesitant, CompetenceProfileKind.Willing, CompetenceProfileKind.SelfDriven], profiles);
    }

    [Fact]
    public async Task A_bad_survey_file_reports_line_column_and_reason_and_writes_nothing()
    {
        var payload = await SurveyAsync("employee_number;unit_code;role;profile\n7700301;NOPE;EMPLOYEE;WILLING\n7700302;ARB;chef;WILLING\n7700303;ARB;EMPLOYEE;expert\n7700301;ARB;EMPLOYEE;WILLING\n;ARB;EMPLOYEE;WILLING\n7700304;ARB;EMPLOYEE\n", 2012);

        Assert.Equal(
            [(2, 2, "UNKNOWN_UNIT"), (3, 3, "BAD_ROLE"), (4, 4, "BAD_PROFILE"), (5, 1, "DUPLICATE_EMPLOYEE"), (6, 1, "REQUIRED"), (7, 0, "WRONG_COLUMN_COUNT")],
            Problems(payload));
        await using var db = api.OpenDb();
        Assert.False(await db.SurveyWaves().AnyAsync(w => w.Year == 2012));
        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains("7700301"));
    }

    [Theory]
    [InlineData("employee_number\trole\tunit_code\tprofile\n1\tEMPLOYEE\tARB\tWILLING\n", "BAD_DELIMITER")]
    [InlineData("employee_number;unit_code;profile\n1;ARB;WILLING\n", "MISSING_COLUMN")]
    public async Task Files_with_the_wrong_shape_are_rejected_at_line_1(string content, string code)
    {
        var payload = await SurveyAsync(content, 2013);

        Assert.Equal((1, 0, code), Problems(payload)[0]);
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_rejected()
    {
        var latin1 = Encoding.Latin1.GetString(Encoding.Latin1.GetBytes("employee_number;unit_code;role;profile\n1;ARB;EMPLOYEE;Tøvende\n"));
        using var file = new MemoryStream(Encoding.Latin1.GetBytes(latin1));
        await using var scope = api.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<DigitalInitiativer.Api.Imports.Importer>();

        var report = await importer.ImportSurveyAsync(file, 2014, null, dryRun: false, CancellationToken.None);

        Assert.Equal("NOT_UTF8", report.Problems.Single().Code);
        Assert.False(report.Applied);
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_happen_and_writes_nothing()
    {
        var payload = await SurveyAsync("employee_number;unit_code;role;profile\n7700401;ARB;EMPLOYEE;WILLING\n", 2009, dryRun: true);

        Assert.True((bool)payload["importReport"]!["dryRun"]!);
        Assert.False((bool)payload["importReport"]!["applied"]!);
        Assert.Equal(1, (int)payload["importReport"]!["created"]!);
        await using var db = api.OpenDb();
        Assert.False(await db.SurveyWaves().AnyAsync(w => w.Year == 2009));
        Assert.Empty(api.FindInDatabase(Pseudonym("7700401")));
    }

    [Fact]
    public async Task Participations_link_to_the_same_pseudonym_as_the_survey_and_reimporting_changes_nothing()
    {
        AssertApplied(await SurveyAsync("employee_number;unit_code;role;profile\n7700501;ARB-JC;EMPLOYEE;HESITANT\n", 2008));
        const string File = "employee_number;initiative_code;status;started_on;completed_on;score\n7700501;JC-CAFE;COMPLETED;2019-09-02;2019-09-03;87,5\n7700502;JC-CAFE;STARTED;2019-09-02;;\n";

        var first = await ParticipationsAsync(File);
        AssertApplied(first);
        Assert.Equal(2, (int)first["importReport"]!["created"]!);
        Assert.Equal(1, (int)first["importReport"]!["personsCreated"]!);
        var again = await ParticipationsAsync(File);
        Assert.Equal(0, (int)again["importReport"]!["created"]!);
        Assert.Equal(2, (int)again["importReport"]!["updated"]!);

        await using var db = api.OpenDb();
        var cafe = await db.Initiatives().SingleAsync(i => i.Code == "JC-CAFE");
        var surveyed = await db.Assessments().Where(a => a.Wave!.Year == 2008).Select(a => a.PersonId).SingleAsync();
        var record = await db.Participations().SingleAsync(p => p.InitiativeId == cafe.Id && p.PersonId == surveyed);
        Assert.Equal((ParticipationStatus.Completed, 87.5), (record.Status, record.Score));
        Assert.Equal(2, await db.Participations().CountAsync(p => p.InitiativeId == cafe.Id && p.EnrolledOn == new DateOnly(2019, 9, 2)));
    }

    [Fact]
    public async Task Bad_participation_rows_are_each_reported()
    {
        var payload = await ParticipationsAsync("employee_number;initiative_code;status;started_on;completed_on;score\n"
            + "7700601;NOPE;COMPLETED;2019-09-02;;\n7700602;JC-CAFE;DONE;;;\n7700603;JC-CAFE;COMPLETED;02-09-2019;;\n"
            + "7700604;JC-CAFE;COMPLETED;2019-09-05;2019-09-01;\n7700605;JC-CAFE;COMPLETED;;;101\n");

        Assert.Equal([(2, 2, "UNKNOWN_INITIATIVE"), (3, 3, "BAD_STATUS"), (4, 4, "BAD_DATE"), (5, 5, "BAD_DATE"), (6, 6, "SCORE_OUT_OF_RANGE")],
            Problems(payload).OrderBy(p => p.Line).ToList());
    }

    [Fact]
    public async Task xAPI_statements_are_merged_per_person_and_initiative()
    {
        var statements = """
            [
              { "actor": { "account": { "name": "7700701" } }, "verb": { "id": "http://adlnet.gov/expapi/verbs/registered" },
                "object": { "id": "https://esbjerg.dk/xapi/initiatives/ELEARN-DIGIPOST" }, "timestamp": "2019-11-04T08:15:00Z" },
              { "actor": { "account": { "name": "7700701" } }, "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" },
                "object": { "id": "https://esbjerg.dk/xapi/initiatives/ELEARN-DIGIPOST" }, "result": { "score": { "scaled": 0.92 } }, "timestamp": "2019-11-06T10:40:00Z" },
              { "actor": { "mbox": "mailto:7700702@esbjerg.dk" }, "verb": { "id": "http://adlnet.gov/expapi/verbs/attended" },
                "object": { "id": "https://esbjerg.dk/xapi/initiatives/JC-SUPERUSERS" }, "timestamp": "2019-11-05T13:00:00+01:00" }
            ]
            """;
        var payload = await ParticipationsAsync(statements, "XAPI");
        AssertApplied(payload);
        Assert.Equal(3, (int)payload["importReport"]!["rowsRead"]!);
        Assert.Equal(2, (int)payload["importReport"]!["created"]!);

        await using var db = api.OpenDb();
        var digipost = await db.Initiatives().SingleAsync(i => i.Code == "ELEARN-DIGIPOST");
        var merged = await db.Participations().Where(p => p.InitiativeId == digipost.Id).OrderByDescending(p => p.Id).FirstAsync();
        Assert.Equal((ParticipationStatus.Completed, new DateOnly(2019, 11, 4), new DateOnly(2019, 11, 6), 92.0),
            (merged.Status, merged.EnrolledOn, merged.CompletedOn!.Value, merged.Score!.Value));

        var bad = await ParticipationsAsync("""[{ "actor": { "account": { "name": "7700703" } }, "verb": { "id": "http://example.com/liked" }, "object": { "id": "JC-CAFE" }, "timestamp": "2019-11-05T13:00:00Z" }]""", "XAPI");
        Assert.Equal((1, 0, "BAD_STATEMENT"), Problems(bad).Single());
        var notJson = await ParticipationsAsync("[{ not json", "XAPI");
        Assert.Equal("BAD_JSON", Problems(notJson).Single().Code);
    }

    [Fact]
    public async Task No_employee_number_reaches_the_database_or_the_logs()
    {
        var numbers = Enumerable.Range(7700801, 20).Select(n => n.ToString()).ToList();
        AssertApplied(await SurveyAsync("employee_number;unit_code;role;profile\n" + string.Concat(numbers.Take(10).Select(n => $"{n};BK-SKO;EMPLOYEE;WILLING\n")), 2007));
        AssertApplied(await ParticipationsAsync("employee_number;initiative_code;status;started_on;completed_on;score\n"
            + string.Concat(numbers.Skip(5).Select(n => $"{n};VIDEO-GUIDES;COMPLETED;2019-03-01;2019-03-01;\n"))));
        await ParticipationsAsync("employee_number;initiative_code;status;started_on;completed_on;score\n" + $"{numbers[0]};NOPE;COMPLETED;;;\n");

        foreach (var number in numbers)
        {
            Assert.Empty(api.FindInDatabase(number));
            Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(number));
        }
        await using var db = api.OpenDb();
        Assert.Equal(1, await db.Persons().CountAsync(p => p.Key == Pseudonym(numbers[7])));
    }

    [Fact]
    public async Task Erasing_a_person_removes_their_rows_keeps_their_proposals_as_deleted_user_and_leaves_aggregates_without_them()
    {
        await using var db = api.OpenDb();
        var author = await db.ProposalAuthors().OrderBy(a => a.ProposalId).FirstAsync();
        var personId = author.PersonId;
        Assert.True(await db.Assessments().AnyAsync(a => a.PersonId == personId));
        var waveId = (await db.Assessments().FirstAsync(a => a.PersonId == personId)).WaveId;
        var assessedBefore = await db.Assessments().CountAsync(a => a.WaveId == waveId);
        var id = GlobalIds.Of("Person", personId);

        var payload = (await _admin.QueryAsync("mutation($id: ID!) { erasePerson(input: { personId: $id }) { person { id key } errors { __typename } } }", new { id }))["erasePerson"]!;
        Assert.StartsWith("erased-", (string)payload["person"]!["key"]!);

        await using var after = api.OpenDb();
        Assert.False(await after.Assessments().AnyAsync(a => a.PersonId == personId));
        Assert.False(await after.Participations().AnyAsync(p => p.PersonId == personId));
        Assert.False(await after.Votes().AnyAsync(v => v.VoterPersonId == personId));
        Assert.Equal("deleted user", (await after.ProposalAuthors().SingleAsync(a => a.ProposalId == author.ProposalId && a.PersonId == personId)).DisplayName);
        Assert.True(await after.Proposals().AnyAsync(p => p.Id == author.ProposalId));

        var waves = (await _admin.QueryAsync("{ surveyWaves { id profileDistribution { total } } }"))["surveyWaves"]!.AsArray();
        var total = waves.Select(w => (string)w!["id"]!).ToList().IndexOf(GlobalIds.Of("SurveyWave", waveId));
        Assert.InRange((int)waves[total]!["profileDistribution"]!["total"]!, assessedBefore - 1 - ProtectedFigures.DefaultMaximumPerturbation, assessedBefore - 1 + ProtectedFigures.DefaultMaximumPerturbation);

        var again = (await _admin.QueryAsync("mutation($id: ID!) { erasePerson(input: { personId: $id }) { errors { ... on UserError { code } } } }", new { id }))["erasePerson"]!;
        Assert.Equal("NOT_FOUND", (string?)again["errors"]![0]!["code"]);
    }
}

public sealed class ImportWithoutKeyTests(ProductionApiFactory api) : IClassFixture<ProductionApiFactory>
{
    [Fact]
    public async Task Without_a_pseudonymisation_key_Production_refuses_to_import_people()
    {
        var client = api.CreateEntraClient("Administrator");

        var payload = (await client.QueryAsync("""
            mutation { importSurveyWave(input: { year: 2019, content: "employee_number;unit_code;role;profile\n1;ARB;EMPLOYEE;WILLING\n" }) {
              importReport { applied } errors { ... on UserError { code message } } } }
            """))["importSurveyWave"]!;

        Assert.Null(payload["importReport"]);
        Assert.Equal("PSEUDONYMISATION_NOT_CONFIGURED", (string?)payload["errors"]![0]!["code"]);
        Assert.Contains("Pseudonymisation:Key", (string?)payload["errors"]![0]!["message"]);
    }
}
