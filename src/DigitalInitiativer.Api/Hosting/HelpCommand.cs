namespace DigitalInitiativer.Api.Hosting;

/// <summary><c>--help</c> lists the commands; an unknown command lists them too and exits with 2 instead of starting the API.</summary>
public static class HelpCommand
{
    public static readonly string Text = $"""
        DigitalInitiativer API

        usage: dotnet run --project src/DigitalInitiativer.Api [-- <command> [options]]

        Without a command it starts the API (ASP.NET Core options such as --urls http://127.0.0.1:5099 apply).

        commands:
          {DevTokenCommand.Usage}
              Prints a bearer token the API accepts in Development.
          {ImportCommand.Usage["usage: ".Length..]}
              Imports a file into the database (see docs/imports.md).
          {GenerateCommand.Usage["usage: ".Length..]}
              Fills an empty database with synthetic data, e.g. for load tests.
          --help
              Shows this list.

        """;

    /// <summary>Returns the exit code for help or an unknown command, or null when the arguments are for a command or the API.</summary>
    public static int? TryRun(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length == 0) return null;
        var first = args[0];
        if (first is "--help" or "-h" or "-?" or "help")
        {
            output.Write(Text);
            return 0;
        }
        // Host options (--urls …) and configuration (Key=value) start the API; the commands run themselves.
        if (first.StartsWith('-') || first.Contains('=') || first is DevTokenCommand.Name or ImportCommand.Name or GenerateCommand.Name) return null;
        errors.WriteLine($"Unknown command '{first}'.");
        errors.Write(Text);
        return 2;
    }
}
