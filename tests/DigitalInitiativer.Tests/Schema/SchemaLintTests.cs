using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Schema;

/// <summary>The contract follows The Guild's schema conventions: graphql-eslint's recommended and Relay schema rules.</summary>
public sealed class SchemaLintTests
{
    private static readonly string SchemaFile = Path.Combine(ApiFactory.TestProjectDirectory, "..", "..", "schema", "schema.graphql");

    [Fact]
    public async Task The_contract_passes_graphql_eslints_schema_rules()
    {
        var (exitCode, output, errors) = await NodeScript.RunWithExitCodeAsync("schema-lint.mjs", SchemaFile);

        Assert.True(exitCode == 0, output + errors);
    }

    [Fact]
    public async Task An_undocumented_field_a_misnamed_field_and_a_silent_deprecation_fail_the_lint()
    {
        var folder = Directory.CreateTempSubdirectory("schema-lint").FullName;
        var changed = Path.Combine(folder, "schema.graphql");
        var schema = await File.ReadAllTextAsync(SchemaFile);
        await File.WriteAllTextAsync(changed, schema.Replace("type Query {\n", "type Query {\n  undocumented: Int\n  \"Snake case.\"\n  snake_case: Int\n  \"Gone.\"\n  old: Int @deprecated\n"));

        var (exitCode, output, _) = await NodeScript.RunWithExitCodeAsync("schema-lint.mjs", changed);

        Assert.Equal(1, exitCode);
        Assert.Contains("require-description", output);
        Assert.Contains("naming-convention", output);
        Assert.Contains("require-deprecation-reason", output);
        Directory.Delete(folder, recursive: true);
    }
}
