using System.Text.RegularExpressions;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Architecture;

/// <summary>
/// The dependency rule of docs/architecture.md, read from the source: every folder of the API is one namespace, and a
/// file may name (in a using directive or a qualified name) only the namespaces its folder is allowed to depend on.
/// The build fails on unused usings (IDE0005), so the usings are the real dependencies.
/// </summary>
public sealed partial class DependencyRuleTests
{
    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(ApiFactory.TestProjectDirectory, "..", "..", "src", "DigitalInitiativer.Api"));

    /// <summary>Infrastructure, lowest first: each may use the ones before it, and no feature.</summary>
    private static readonly string[] Infrastructure = ["SeedWork", "Data", "Observability", "GraphQL"];

    /// <summary>Features, in the one order they may depend on each other: each may use infrastructure and the features before it.</summary>
    private static readonly string[] Features =
        ["Profiles", "Organisation", "Identity", "Notifications", "Audit", "Superusers", "Surveys", "Initiatives", "Participations", "Sessions", "Competitions", "Analytics", "Strategy", "Imports", "Exports"];

    /// <summary>Generators of data, which may use every feature; then the composition root and the host, which may use everything before them.</summary>
    private static readonly string[] Outer = ["Demo", "Synthetic", "Schema", "Hosting"];

    private static readonly string[] Layers = [.. Infrastructure, .. Features, .. Outer];

    [GeneratedRegex(@"\bDigitalInitiativer\.Api\.([A-Za-z]+)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^namespace\s+DigitalInitiativer\.Api\.([A-Za-z]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    private static IEnumerable<(string Folder, string File, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(SourceRoot, file))
            // Generated EF migrations describe the whole model at one point in time; they are Data's history, not its code.
            .Where(file => !file.StartsWith("bin") && !file.StartsWith("obj") && !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"))
            .Where(file => file.Contains(Path.DirectorySeparatorChar))
            .Select(file => (file.Split(Path.DirectorySeparatorChar)[0], file, File.ReadAllText(Path.Combine(SourceRoot, file))));

    public static IEnumerable<(string Folder, string File, string Uses)> Dependencies() =>
        SourceFiles().SelectMany(f => Reference().Matches(f.Text).Select(m => m.Groups[1].Value).Distinct()
            .Where(used => used != f.Folder).Select(used => (f.Folder, f.File, used)));

    private static bool Allowed(string folder, string uses) =>
        Array.IndexOf(Layers, uses) is var target and >= 0 && target < Array.IndexOf(Layers, folder)
        // Infrastructure names no feature, whatever the order.
        && !(Infrastructure.Contains(folder) && !Infrastructure.Contains(uses));

    [Fact]
    public void Every_folder_is_one_known_namespace()
    {
        var files = SourceFiles().ToList();
        Assert.All(files, f => Assert.Contains(f.Folder, Layers));
        Assert.All(files, f => Assert.Equal(f.Folder, Namespace().Match(f.Text) is { Success: true } m ? m.Groups[1].Value : f.Folder));
    }

    [Fact]
    public void Features_depend_only_on_infrastructure_and_earlier_features_and_infrastructure_on_no_feature()
    {
        var dependencies = Dependencies().ToList();
        // The reading works: known dependencies are found, so an empty list of violations means something.
        Assert.Contains(dependencies, d => d.Folder == "Competitions" && d.Uses == "Initiatives");
        Assert.Contains(dependencies, d => d.Folder == "Schema" && d.Uses == "Competitions");

        var violations = dependencies.Where(d => !Allowed(d.Folder, d.Uses)).Select(d => $"{d.File} uses {d.Uses}").ToList();
        Assert.True(violations.Count == 0, "Against the dependency rule (docs/architecture.md):\n" + string.Join("\n", violations));
    }

    [Theory]
    [InlineData("GraphQL", "Competitions")]
    [InlineData("Data", "Organisation")]
    [InlineData("Initiatives", "Competitions")]
    [InlineData("Initiatives", "Analytics")]
    [InlineData("Competitions", "Schema")]
    [InlineData("SeedWork", "GraphQL")]
    public void The_rule_refuses_the_cycles_the_architecture_issue_named(string folder, string uses) => Assert.False(Allowed(folder, uses));
}
