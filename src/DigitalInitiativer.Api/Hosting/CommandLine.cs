namespace DigitalInitiativer.Api.Hosting;

/// <summary>The few option shapes the app's commands take: <c>--name value</c> and <c>--flag</c>.</summary>
public static class CommandLine
{
    public static string? ValueOf(string[] args, string option)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>
    /// A relative path as the user meant it: `dotnet run --project` starts the app in the project's folder, so a path
    /// typed in the shell is taken relative to the shell's folder (PWD) when it does not exist where the app runs.
    /// </summary>
    public static string? ResolvePath(string? path) =>
        path is null || Path.IsPathRooted(path) || File.Exists(path) || Environment.GetEnvironmentVariable("PWD") is not { } shell
            ? path
            : Path.Combine(shell, path);
}
