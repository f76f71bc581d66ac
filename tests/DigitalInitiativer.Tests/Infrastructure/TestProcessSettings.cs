using System.Runtime.CompilerServices;

namespace DigitalInitiativer.Tests.Infrastructure;

internal static class TestProcessSettings
{
    /// <summary>
    /// Each test host would watch its appsettings files and user-secrets folder for changes, one inotify instance
    /// per folder. Linux allows 128 per user, which some 35 hosts plus the build servers exceed, and then hosts fail
    /// to start. Tests never change configuration files, so they do not watch them.
    /// </summary>
    [ModuleInitializer]
    internal static void DoNotWatchConfigurationFiles()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
