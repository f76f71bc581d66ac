using System.Reflection;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Schema;

/// <summary>Clients branch on codes, so every code the API can emit must be documented for them.</summary>
public sealed class ErrorCodeDocsTests
{
    private static string Doc(string name) => File.ReadAllText(Path.Combine(ApiFactory.TestProjectDirectory, "..", "..", "docs", name));

    /// <summary>docs/errors.md, for tests that check a code they saw is documented.</summary>
    public static string ErrorReference => Doc("errors.md");

    /// <summary>Every constant of every *Codes class in the API, e.g. ErrorCodes.NotFound = "NOT_FOUND".</summary>
    public static TheoryData<string, string> Codes()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Codes", StringComparison.Ordinal)))
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
                data.Add(type.Name, (string)field.GetRawConstantValue()!);
        return data;
    }

    /// <summary>Every typed mutation error in the schema, e.g. VoteBudgetExhaustedError.</summary>
    public static TheoryData<string> ErrorTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b
                     && b.GetGenericTypeDefinition() == typeof(DigitalInitiativer.Api.GraphQL.Errors.UserErrorType<>)))
            data.Add(((GraphQL.Types.IGraphType)Activator.CreateInstance(type)!).Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ErrorTypes))]
    public void Every_typed_mutation_error_is_documented(string typeName) =>
        Assert.True(Doc("errors.md").Contains($"`{typeName}`", StringComparison.Ordinal), $"`{typeName}` is not in docs/errors.md");

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_the_API_emits_is_documented(string codeClass, string code)
    {
        // Import problem codes are listed with the import formats; everything else in the error reference.
        var doc = codeClass == "ImportCodes" ? Doc("imports.md") : Doc("errors.md");

        Assert.True(doc.Contains($"`{code}`", StringComparison.Ordinal), $"{codeClass}: `{code}` is not documented");
    }
}
