using System.Reflection;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Schema;

/// <summary>Clients branch on codes, so every code the API can emit must be documented for them.</summary>
public sealed class ErrorCodeDocsTests
{
    private static string Doc(string name) => File.ReadAllText(Path.Combine(ApiFactory.TestProjectDirectory, "..", "..", "docs", name));

    /// <summary>Every constant of every *Codes class in the API, e.g. ErrorCodes.NotFound = "NOT_FOUND".</summary>
    public static TheoryData<string, string> Codes()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Codes", StringComparison.Ordinal)))
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
                data.Add(type.Name, (string)field.GetRawConstantValue()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_the_API_emits_is_documented(string codeClass, string code)
    {
        // Import problem codes are listed with the import formats; everything else in the error reference.
        var doc = codeClass == "ImportCodes" ? Doc("imports.md") : Doc("errors.md");

        Assert.True(doc.Contains($"`{code}`", StringComparison.Ordinal), $"{codeClass}: `{code}` is not documented");
    }
}
