using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;

namespace DigitalInitiativer.Api.Hosting;

/// <summary><c>dev-token --role &lt;Role&gt; [--person &lt;key&gt;]</c>: prints a bearer token that the API accepts in Development only.</summary>
public static class DevTokenCommand
{
    public const string Name = "dev-token";

    /// <summary>Runs the command when the arguments ask for it; returns the exit code, or null to start the API as usual.</summary>
    public static int? TryRun(WebApplicationBuilder builder, string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length == 0 || args[0] != Name) return null;
        var role = CommandLine.ValueOf(args, "--role");
        var person = CommandLine.ValueOf(args, "--person");
        var knownRole = Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (knownRole is null)
        {
            errors.WriteLine($"usage: {Name} --role <{string.Join("|", Roles.All)}> [--person <key, e.g. demo-0001>]");
            return 2;
        }
        output.WriteLine(new DevTokens(builder.Configuration, builder.Environment, TimeProvider.System).Create(knownRole, person));
        return 0;
    }
}
