using System.Text.Json.Nodes;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Imports;

/// <summary>
/// Files with a number that could be an employee number in every cell, the header included, in the shapes people get
/// wrong: no header, columns swapped, one column, a number where a code or word belongs. No message, anywhere in the
/// answer, repeats one of them; each names the line, the column and the rule instead.
/// </summary>
public sealed class ImportMessageTests(ImportApiFactory api) : IClassFixture<ImportApiFactory>
{
    private readonly GraphQLClient _admin = api.CreateGraphQLClient();
    private int _next = 731_000;

    private static readonly Dictionary<string, string[]> Headers = new()
    {
        ["importUnits"] = ["code", "name", "parent_code"],
        ["importSurveyWave"] = ["employee_number", "unit_code", "role", "profile"],
        ["importParticipations"] = ["employee_number", "initiative_code", "status", "started_on", "completed_on", "score"],
    };

    private string Number() => (_next++).ToString();

    /// <summary>The shapes of a file of numbers for the given columns; every number is new, and collected in <paramref name="numbers"/>.</summary>
    private IEnumerable<(string Shape, string Content)> Files(string[] header, List<string> numbers)
    {
        string Row(int columns, char delimiter = ';') => string.Join(delimiter, Enumerable.Range(0, columns).Select(_ => Track(Number())));
        string Track(string number) { numbers.Add(number); return number; }
        string Rows(int count, int columns, char delimiter = ';') => string.Concat(Enumerable.Range(0, count).Select(_ => Row(columns, delimiter) + "\n"));

        yield return ("numbers in every cell", string.Join(';', header) + "\n" + Rows(3, header.Length));
        yield return ("no header", Rows(4, header.Length));
        yield return ("no header, commas", Rows(4, header.Length, ','));
        yield return ("columns swapped", string.Join(';', header.Reverse()) + "\n" + Rows(3, header.Length));
        yield return ("one column", Rows(4, 1));
        yield return ("too many columns", string.Join(';', header) + "\n" + Rows(3, header.Length + 2));
        yield return ("numbers quoted, with spaces", string.Join(';', header) + "\n" + string.Concat(Enumerable.Range(0, 3).Select(_ => string.Join(';', header.Select(_ => $"\" {Track(Number())} \"")) + "\n")));
    }

    public static TheoryData<string> Mutations => ["importUnits", "importSurveyWave", "importParticipations"];

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task No_message_repeats_a_number_from_the_file(string mutation)
    {
        var numbers = new List<string>();
        foreach (var (shape, content) in Files(Headers[mutation], numbers).ToList())
        {
            var answer = await RunAsync(mutation, new { content, dryRun = true });
            var text = answer.ToJsonString();

            Assert.True(answer["errors"]!.AsArray().Count > 0, $"{mutation}, {shape}: the file was accepted: {text}");
            var leaked = numbers.Where(text.Contains).ToList();
            Assert.True(leaked.Count == 0, $"{mutation}, {shape}: {text}");
            foreach (var problem in answer["errors"]![0]!["problems"]?.AsArray() ?? [])
                Assert.True((int)problem!["line"]! >= 1 && !string.IsNullOrEmpty((string?)problem["code"]), $"{mutation}, {shape}: {problem.ToJsonString()}");
        }
    }

    [Fact]
    public async Task No_message_repeats_a_number_from_xAPI_statements()
    {
        var numbers = Enumerable.Range(0, 8).Select(_ => Number()).ToList();
        var statements = new[]
        {
            $$$"""[{"actor":{"account":{"name":"{{{numbers[0]}}}"}},"verb":{"id":"{{{numbers[1]}}}"},"object":{"id":"{{{numbers[2]}}}"},"timestamp":"{{{numbers[3]}}}"}]""",
            $$$"""[{"actor":{"account":{"name":"{{{numbers[4]}}}"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"urn:x"},"result":{"score":{"raw":""" + numbers[5] + "}}}]",
            $$$"""[{{{numbers[6]}}}, {"actor": {{{numbers[7]}}}}]""",
            $$$"""[{"actor":{"account":{"name":"1"}}, {{{numbers[0]}}}]""",
        };
        foreach (var content in statements)
        {
            var text = (await RunAsync("importParticipations", new { content, format = "XAPI", dryRun = true })).ToJsonString();

            Assert.True(numbers.All(number => !text.Contains(number)), text);
        }
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("{\"score\":[1]}")]
    [InlineData("{\"score\":{\"scaled\":\"x\"}}")]
    [InlineData("{\"score\":{\"raw\":5,\"max\":\"ten\"}}")]
    public async Task An_xAPI_result_of_the_wrong_type_is_a_problem_of_the_file(string result)
    {
        var content = """[{"actor":{"account":{"name":"900001"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"JC-CAFE"},"timestamp":"2024-03-01T10:00:00Z","result":""" + result + "}]";

        var answer = await RunAsync("importParticipations", new { content, format = "XAPI", dryRun = true });

        Assert.Equal("ImportRejectedError", (string?)answer["errors"]![0]!["__typename"]);
        Assert.Equal("SCORE_OUT_OF_RANGE", (string?)answer["errors"]![0]!["problems"]![0]!["code"]);
    }

    private async Task<JsonNode> RunAsync(string mutation, object input)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        var year = mutation == "importSurveyWave" ? ", year: 2020" : "";
        var withYear = year.Length > 0 ? System.Text.Json.JsonSerializer.SerializeToNode(input)!.AsObject() : null;
        withYear?.Add("year", 2020);
        return (await _admin.QueryAsync($$"""
            mutation($input: {{inputType}}!) { {{mutation}}(input: $input) {
              importReport { rowsRead delimiter }
              errors { __typename ... on UserError { code message path } ... on ImportRejectedError { problemCount problems { line column columnName code message } } }
            } }
            """, new { input = (object?)withYear ?? input }))[mutation]!;
    }
}
