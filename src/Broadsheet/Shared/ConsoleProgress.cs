using Spectre.Console;
using System.Diagnostics;

namespace Broadsheet.Shared;

/// <summary>
/// Progress for operator commands (seed, search reindex, import). In a terminal it is a live
/// Spectre.Console bar with a percentage and the time left; when the output goes to a file, a
/// pipe or CI logs, redrawing would fill them with control codes, so it is at most ~50 plain
/// lines such as "[#######.......] 300/1,000 posts (2.1 s)" instead.
/// </summary>
public static class ConsoleProgress
{
    /// <summary>Runs work, showing its progress out of total in units ("posts", "articles indexed").</summary>
    public static async Task RunAsync(string units, int total, Func<IProgress<int>, Task> work, IAnsiConsole? terminal = null)
    {
        terminal ??= AnsiConsole.Console;
        if (terminal.Profile.Capabilities.Interactive && total > 0)
        {
            await terminal.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape($"{total:#,0} {units}"), maxValue: total);
                    await work(new Reporter(n => task.Value = n));
                    task.Value = total;
                });
            return;
        }
        var clock = Stopwatch.StartNew();
        var step = Math.Max(1, total / 50); // at most ~50 lines, whatever the size of the job
        await work(new Reporter(n =>
        {
            if (n % step == 0 || n == total) Console.WriteLine($"{Bar(n, total)} {n:#,0}/{total:#,0} {units} ({clock.Elapsed.TotalSeconds:0.0} s)");
        }));
    }

    /// <summary>A 30-character bar such as [#######.......] for done out of total.</summary>
    public static string Bar(int done, int total)
    {
        var filled = total == 0 ? 30 : (int)(30L * Math.Min(done, total) / total);
        return "[" + new string('#', filled) + new string('.', 30 - filled) + "]";
    }

    /// <summary>
    /// Reports on the caller's thread: Progress&lt;T&gt; would post to the thread pool, so lines
    /// could print out of order or after "Done".
    /// </summary>
    private sealed class Reporter(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
