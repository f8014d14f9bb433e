namespace Broadsheet.Shared;

/// <summary>
/// Progress lines for operator commands (seed, search reindex, import).
/// Progress&lt;T&gt; would post to the thread pool, so lines could print out of order or after "Done".
/// </summary>
public sealed class ConsoleProgress(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);

    /// <summary>A 30-character bar such as [#######.......] for done out of total.</summary>
    public static string Bar(int done, int total)
    {
        var filled = total == 0 ? 30 : (int)(30L * done / total);
        return "[" + new string('#', filled) + new string('.', 30 - filled) + "]";
    }
}
