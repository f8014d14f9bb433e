using System.Runtime.CompilerServices;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// The suite runs dozens of apps at once, in this process and as child processes (the command
/// line, the import, crash tests). Each one would watch its appsettings files for changes with an
/// inotify instance, and Linux allows 128 per user by default: past that, an app fails to start
/// ("The configured user limit (128) on the number of inotify instances has been reached").
/// No test edits a settings file while an app runs, so the watchers are switched off for every
/// app this process starts; child processes inherit the variables. The file providers behind
/// Razor and the static files watch too, lazily, on a page's first request (the limit then shows
/// as a 500): they poll instead of taking an inotify instance.
/// </summary>
internal static class NoConfigWatchers
{
    [ModuleInitializer]
    internal static void SwitchOff()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
