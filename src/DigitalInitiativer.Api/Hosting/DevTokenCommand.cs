using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Hosting;

/// <summary>
/// <c>dev-token --role &lt;Role&gt; [--person &lt;key&gt;] [--name &lt;display name&gt;]</c>: prints a bearer token that the API
/// accepts in Development only, and nothing else on standard output, so <c>TOKEN=$(…)</c> holds the token.
/// </summary>
public static class DevTokenCommand
{
    public const string Name = "dev-token";
    public const string Usage = $"{Name} --role <{Roles.Employee}|{Roles.InitiativeManager}|{Roles.Evaluator}|{Roles.Administrator}> [--person <key, e.g. demo-0001>] [--name <display name>]";

    /// <summary>Runs the command when the arguments ask for it; returns the exit code, or null to start the API as usual.</summary>
    public static async Task<int?> TryRunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length == 0 || args[0] != Name) return null;
        var role = CommandLine.ValueOf(args, "--role");
        var person = CommandLine.ValueOf(args, "--person");
        var knownRole = Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (knownRole is null)
        {
            errors.WriteLine(role is null ? "dev-token needs --role." : $"'{role}' is not a role.");
            errors.WriteLine($"usage: {Usage}");
            return 2;
        }
        if (person is not null && await PersonExistsAsync(services, person) is false)
            errors.WriteLine($"warning: no person has the key '{person}' in the database; the token signs in as nobody's person (demo persons are demo-0001 to demo-2000).");
        // Colleagues see authors and commenters by the token's name claim, as Entra ID gives it; the demo names each person after their key.
        var name = CommandLine.ValueOf(args, "--name") ?? (person is null ? null : $"Demo {person}");
        output.WriteLine(services.GetRequiredService<DevTokens>().Create(knownRole, person, name: name));
        return 0;
    }

    /// <summary>Whether the person exists; null when the database cannot be read (e.g. before the first start created it).</summary>
    private static async Task<bool?> PersonExistsAsync(IServiceProvider services, string key)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons().AnyAsync(p => p.Key == key);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            return null;
        }
    }
}
