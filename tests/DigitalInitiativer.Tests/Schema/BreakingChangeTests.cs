using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Schema;

/// <summary>The breaking-change guard: the served schema may not break the latest release without a changelog entry.</summary>
public sealed class BreakingChangeTests
{
    private static readonly string SchemaFolder = Path.Combine(ApiFactory.TestProjectDirectory, "..", "..", "schema");

    /// <summary>The release with the highest version, e.g. schema/releases/1.2.0.graphql.</summary>
    private static string LatestRelease() => Directory.GetFiles(Path.Combine(SchemaFolder, "releases"), "*.graphql")
        .MaxBy(path => Version.Parse(Path.GetFileNameWithoutExtension(path)))!;

    [Fact]
    public async Task The_current_schema_breaks_nothing_in_the_latest_release_that_the_changelog_does_not_list()
    {
        var (exitCode, output, errors) = await NodeScript.RunWithExitCodeAsync("breaking-changes.mjs",
            LatestRelease(), Path.Combine(SchemaFolder, "schema.graphql"), Path.Combine(SchemaFolder, "CHANGELOG.md"));

        Assert.True(exitCode == 0, errors + output);
    }

    [Fact]
    public async Task Removing_a_field_fails_the_guard_until_the_changelog_lists_it()
    {
        var current = await File.ReadAllTextAsync(Path.Combine(SchemaFolder, "schema.graphql"));
        var lines = current.Split('\n').ToList();
        var field = lines.FindIndex(line => line.TrimStart().StartsWith("competenceProfiles:", StringComparison.Ordinal));
        lines.RemoveRange(field - 1, 2); // the field and its description
        var folder = Directory.CreateTempSubdirectory("breaking-changes").FullName;
        var (changed, changelog) = (Path.Combine(folder, "schema.graphql"), Path.Combine(folder, "CHANGELOG.md"));
        await File.WriteAllTextAsync(changed, string.Join('\n', lines));

        // The real changelog, which lists the changes already made, without and then with the new one.
        var real = await File.ReadAllTextAsync(Path.Combine(SchemaFolder, "CHANGELOG.md"));
        await File.WriteAllTextAsync(changelog, real);
        var refused = await NodeScript.RunWithExitCodeAsync("breaking-changes.mjs", LatestRelease(), changed, changelog);
        await File.WriteAllTextAsync(changelog, real.Replace("## Unreleased\n\n", "## Unreleased\n\n- Query.competenceProfiles was removed.\n\n"));
        var accepted = await NodeScript.RunWithExitCodeAsync("breaking-changes.mjs", LatestRelease(), changed, changelog);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Query.competenceProfiles was removed.", refused.Errors);
        Assert.Equal(0, accepted.ExitCode);
        Directory.Delete(folder, recursive: true);
    }
}
