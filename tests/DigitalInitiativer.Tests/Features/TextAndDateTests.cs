using System.Net;
using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Competitions;
using DigitalInitiativer.Tests.Imports;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Features;

/// <summary>
/// Text that would show differently than it reads (control characters, bidirectional overrides) never gets in; lengths
/// count characters as people see them; dates must be plausible. Every refusal leaves the data as it was.
/// </summary>
public sealed class TextAndDateTests(ImportApiFactory api) : IClassFixture<ImportApiFactory>
{
    private readonly GraphQLClient _manager = api.CreateGraphQLClient(Roles.InitiativeManager, "demo-0011");

    private async Task<string> UnitIdAsync(string code) =>
        (string)(await _manager.QueryAsync("query($code: String!) { organisationUnit(code: $code) { id } }", new { code }))["organisationUnit"]!["id"]!;

    private async Task<int> InitiativeCountAsync()
    {
        await using var db = api.OpenDb();
        return await db.Initiatives().CountAsync();
    }

    public static TheoryData<string> ForbiddenTexts => new()
    {
        "Kaffe \u202Eefak",        // right-to-left override
        "Café \u2066isolated\u2069", // isolates
        "Bell \u0007 rings",
        "Null \u0000 byte",
        "Escape \u001B[31m red",
        "C1 \u0085 control",
        "\u200B\u200B\u200B",    // zero-width spaces only: an invisible title
        "Mark \u200F here",
        "Line\u2028separator",
        "Byte order \uFEFF mark",
    };

    [Theory]
    [InlineData("Familie 👨‍👩‍👧 café")]
    [InlineData("Flag 🏴󠁧󠁢󠁳󠁣󠁴󠁿")]
    [InlineData("Æblegrød på Ærø")]
    public async Task Emoji_sequences_and_Danish_letters_are_plain_text(string title)
    {
        var input = InitiativeMutationTests.NewInitiative($"TXT-OK-{Math.Abs(title.GetHashCode())}", await UnitIdAsync("ARB-JC"), title);

        var created = (await _manager.QueryAsync(InitiativeMutationTests.Create, new { input }))["createInitiative"]!;

        Assert.Equal(title, (string?)created["initiative"]!["title"]);
    }

    [Theory]
    [MemberData(nameof(ForbiddenTexts))]
    public async Task Control_and_bidirectional_characters_are_refused_in_variables_and_literals_and_nothing_is_created(string title)
    {
        var before = await InitiativeCountAsync();
        var input = InitiativeMutationTests.NewInitiative($"TXT-{Math.Abs(title.GetHashCode())}", await UnitIdAsync("ARB-JC"), title);

        var viaVariables = await _manager.PostAsync(InitiativeMutationTests.Create, new { input });
        var literal = System.Text.Json.JsonSerializer.Serialize(title);
        var viaLiteral = await _manager.PostAsync($$"""{ initiatives(where: { text: {{literal}} }) { totalCount } }""");

        foreach (var response in new[] { viaVariables, viaLiteral })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal(["FORBIDDEN_CHARACTERS"], response.ErrorCodes);
        }
        Assert.Equal(before, await InitiativeCountAsync());
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_plain_text_and_kept()
    {
        var input = InitiativeMutationTests.NewInitiative("TXT-LINES", await UnitIdAsync("ARB-JC"));
        var withLines = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(input))!.AsObject();
        withLines["description"] = "Første linje\nAnden linje\r\n\tindrykket";

        var created = (await _manager.QueryAsync(InitiativeMutationTests.Create, new { input = withLines }))["createInitiative"]!;

        Assert.Equal("Første linje\nAnden linje\r\n\tindrykket", (string?)created["initiative"]!["description"]);
    }

    [Fact]
    public async Task An_import_whose_file_holds_an_override_character_is_refused_before_it_is_read()
    {
        var response = await api.CreateGraphQLClient().PostAsync("""
            mutation($input: ImportUnitsInput!) { importUnits(input: $input) { errors { __typename } } }
            """, new { input = new { content = "code;name;parent_code\nTXT-A;Fine name;ESB\nTXT-B;=HYPERLINK(\u202Eevil);ESB\n" } });

        Assert.Equal(["FORBIDDEN_CHARACTERS"], response.ErrorCodes);
        await using var db = api.OpenDb();
        Assert.False(await db.Units().AnyAsync(u => u.Code == "TXT-A" || u.Code == "TXT-B"));
    }

    [Fact]
    public async Task A_name_from_the_sign_in_is_stored_without_control_or_override_characters()
    {
        var token = api.Services.GetRequiredService<DevTokens>().Create(Roles.Employee, "demo-0051", name: "Anna \u202EnosneSnA\u202C\u0007 Jensen");
        var competition = await new CompetitionDriver(api, "TXT-COMP").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");

        var submitted = await competition.SubmitAsync(api.CreateClientWithToken(token));
        var id = (string)submitted["proposal"]!["id"]!;
        var authors = await _manager.QueryAsync("query($id: ID!) { node(id: $id) { ... on Proposal { authors { displayName } } } }", new { id });

        Assert.Equal("Anna nosneSnA Jensen", (string?)authors["node"]!["authors"]![0]!["displayName"]);
    }

    [Theory]
    [InlineData(150, true)]
    [InlineData(151, false)]
    public async Task A_title_of_emoji_counts_each_once(int emoji, bool accepted)
    {
        var title = string.Concat(Enumerable.Repeat("🎉", emoji));
        var input = InitiativeMutationTests.NewInitiative($"TXT-EMOJI-{emoji}", await UnitIdAsync("ARB-JC"), title);

        var payload = (await _manager.QueryAsync(InitiativeMutationTests.Create, new { input }))["createInitiative"]!;

        if (accepted)
        {
            Assert.Equal(title, (string?)payload["initiative"]!["title"]);
            return;
        }
        Assert.Equal("TOO_LONG", (string?)payload["errors"]![0]!["code"]);
        Assert.Contains("151 tegn", (string?)payload["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task Combining_marks_stacked_on_a_letter_do_not_pass_as_one_character()
    {
        var zalgo = "a" + new string('\u0301', 2_000);
        var input = InitiativeMutationTests.NewInitiative("TXT-ZALGO", await UnitIdAsync("ARB-JC"), zalgo);

        var payload = (await _manager.QueryAsync(InitiativeMutationTests.Create, new { input }))["createInitiative"]!;

        Assert.Equal("TOO_LONG", (string?)payload["errors"]![0]!["code"]);
        Assert.Contains("for mange accenter eller kombinerende tegn", (string?)payload["errors"]![0]!["message"]);
    }

    [Theory]
    [InlineData("0001-01-01", "2026-01-05", "enrolledOn")]
    [InlineData("2026-01-05", "9999-12-31", "startedOn")]
    [InlineData("1999-12-31", "2026-01-05", "enrolledOn")]
    public async Task Participation_dates_must_be_from_2000_to_today(string enrolledOn, string startedOn, string field)
    {
        var initiative = (string)(await _manager.QueryAsync("""{ initiatives(first: 1) { nodes { id } } }"""))["initiatives"]!["nodes"]![0]!["id"]!;
        var person = (string)(await api.CreateGraphQLClient(Roles.Employee, "demo-0054").QueryAsync("{ me { person { id } } }"))["me"]!["person"]!["id"]!;

        var recorded = (await _manager.QueryAsync("""
            mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { participations { id } errors { ... on UserError { code path } } } }
            """, new { input = new { items = new[] { new { personId = person, initiativeId = initiative, status = "STARTED", enrolledOn, startedOn } } } }))["recordParticipations"]!;

        Assert.Equal("OUT_OF_RANGE", (string?)recorded["errors"]![0]!["code"]);
        Assert.Equal(field, (string?)recorded["errors"]![0]!["path"]!.AsArray().Last());
        Assert.Null(recorded["participations"]);
    }

    [Theory]
    [InlineData("0001-01-01", null, "startsOn")]
    [InlineData("1999-12-31", null, "startsOn")]
    [InlineData("2026-01-01", "2101-01-01", "endsOn")]
    public async Task Initiative_dates_must_be_from_2000_to_2100(string startsOn, string? endsOn, string field)
    {
        var before = await InitiativeCountAsync();
        var input = InitiativeMutationTests.NewInitiative($"TXT-DATE-{startsOn}", await UnitIdAsync("ARB-JC"), startsOn: startsOn, endsOn: endsOn);

        var payload = (await _manager.QueryAsync(InitiativeMutationTests.Create, new { input }))["createInitiative"]!;

        Assert.Equal(("OUT_OF_RANGE", field), ((string?)payload["errors"]![0]!["code"], (string?)payload["errors"]![0]!["path"]!.AsArray().Last()));
        Assert.Equal(before, await InitiativeCountAsync());
    }

    [Fact]
    public async Task A_wave_held_outside_its_year_is_refused()
    {
        var payload = (await api.CreateGraphQLClient().QueryAsync("""
            mutation($input: ImportSurveyWaveInput!) { importSurveyWave(input: $input) { importReport { applied } errors { ... on UserError { code path } } } }
            """, new { input = new { year = 2019, heldOn = "1900-01-01", content = "employee_number;unit_code;role;profile\n900001;ARB;EMPLOYEE;WILLING\n" } }))["importSurveyWave"]!;

        Assert.Equal("OUT_OF_RANGE", (string?)payload["errors"]![0]!["code"]);
        Assert.Equal("heldOn", (string?)payload["errors"]![0]!["path"]!.AsArray().Last());
        await using var db = api.OpenDb();
        Assert.False(await db.SurveyWaves().AnyAsync(w => w.HeldOn.Year != w.Year));
    }

    private static string Tomorrow => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_completion_in_the_future_is_refused_when_recorded_and_when_imported()
    {
        var initiative = (string)(await _manager.QueryAsync("""{ initiatives(first: 1) { nodes { id } } }"""))["initiatives"]!["nodes"]![0]!["id"]!;
        var person = (string)(await api.CreateGraphQLClient(Roles.Employee, "demo-0052").QueryAsync("{ me { person { id } } }"))["me"]!["person"]!["id"]!;

        var recorded = (await _manager.QueryAsync("""
            mutation($input: RecordParticipationsInput!) { recordParticipations(input: $input) { errors { ... on UserError { code path } } } }
            """, new { input = new { items = new[] { new { personId = person, initiativeId = initiative, status = "COMPLETED", enrolledOn = "2026-01-05", startedOn = "2026-01-05", completedOn = Tomorrow } } } }))["recordParticipations"]!;
        var imported = (await api.CreateGraphQLClient().QueryAsync("""
            mutation($input: ImportParticipationsInput!) { importParticipations(input: $input) { errors { ... on ImportRejectedError { problems { column code } } } } }
            """, new { input = new { format = "CSV", content = $"employee_number;initiative_code;status;started_on;completed_on;score\n900052;JC-CAFE;COMPLETED;2026-01-05;{Tomorrow};\n" } }))["importParticipations"]!;

        Assert.Equal("OUT_OF_RANGE", (string?)recorded["errors"]![0]!["code"]);
        Assert.Equal("completedOn", (string?)recorded["errors"]![0]!["path"]!.AsArray().Last());
        Assert.Equal((5, "BAD_DATE"), ((int)imported["errors"]![0]!["problems"]![0]!["column"]!, (string?)imported["errors"]![0]!["problems"]![0]!["code"]));
    }

    [Fact]
    public async Task A_realisation_dated_in_the_future_is_refused()
    {
        var competition = await new CompetitionDriver(api, "TXT-REAL").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var proposal = await competition.SubmitAcceptedAsync(competition.Employee("demo-0053"), "Et forslag");
        await competition.AdvanceAsync("CLOSED");
        await competition.ManagerMoveAsync("selectProposal", new { proposalId = proposal, reason = "Den bedste" }, "SelectProposalInput");

        var realised = await competition.ManagerMoveAsync("realiseProposal", new { proposalId = proposal, realisedOn = Tomorrow, description = "Bygget" }, "RealiseProposalInput");

        Assert.Equal(["OUT_OF_RANGE"], CompetitionDriver.Codes(realised));
        var state = await _manager.QueryAsync("query($id: ID!) { node(id: $id) { ... on Proposal { state realisation { realisedOn } } } }", new { id = proposal });
        Assert.Equal("SELECTED", (string?)state["node"]!["state"]);
        Assert.Null(state["node"]!["realisation"]);
    }
}
