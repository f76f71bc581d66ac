using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Schema;

/// <summary>Standard front-end tooling works with the schema: codegen validates docs/operations and tsc --strict compiles the result.</summary>
public sealed class TypedClientTests
{
    [Fact]
    public async Task The_operations_generate_TypeScript_types_that_compile_under_strict_mode()
    {
        var output = await NodeScript.RunAsync("typed-clients.mjs");

        Assert.Contains("typed clients: generated and compiled", output);
        var generated = await File.ReadAllTextAsync(Path.Combine(ApiFactory.TestProjectDirectory, "js", "generated", "operations.ts"));
        Assert.Contains("export type EvaluatorTransitionsQuery", generated);
        Assert.Contains("export type CastVoteMutation", generated);
    }
}
