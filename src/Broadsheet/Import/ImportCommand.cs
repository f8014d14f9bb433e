using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;
using System.Diagnostics;

namespace Broadsheet.Import;

/// <summary>`import wordpress FILE.xml [--uploads DIR]`: checks the whole file, imports it in one transaction, prints a summary.</summary>
public static class ImportCommand
{
    public const string Usage = "usage: import wordpress FILE.xml [--uploads DIR]   (a WordPress WXR export; DIR is a copy of wp-content/uploads)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        // Other "--Key value" pairs are the app's configuration (--Database:Provider Postgres).
        var at = Array.IndexOf(args, "--uploads");
        if (args.Length < 3 || args[1] != "wordpress" || args[2].StartsWith("--", StringComparison.Ordinal) || (at >= 0 && at + 1 >= args.Length))
            return Fail(Usage, 2);
        var path = Path.GetFullPath(args[2]);
        var uploads = at >= 0 ? Path.GetFullPath(args[at + 1]) : null;
        if (!File.Exists(path)) return Fail($"{args[2]}: no such file.", 1);
        if (uploads is not null && !Directory.Exists(uploads)) return Fail($"{args[at + 1]}: no such folder.", 1);

        WxrFile file;
        try { file = WxrFile.Load(path); }
        catch (WxrException ex) { return Fail(ex.Message + " Nothing was imported.", 1); }

        var clock = Stopwatch.StartNew();
        var total = file.Posts.Count;
        var step = Math.Max(1, total / 50); // at most ~50 lines, whatever the size of the site
        var progress = new ConsoleProgress(n =>
        {
            if (n % step == 0 || n == total) Console.WriteLine($"{ConsoleProgress.Bar(n, total)} {n:#,0}/{total:#,0} posts ({clock.Elapsed.TotalSeconds:0.0} s)");
        });
        var import = ActivatorUtilities.CreateInstance<WordPressImport>(services);
        ImportSummary summary;
        try { summary = await import.RunAsync(file, uploads, progress, CancellationToken.None); }
        catch (Exception ex) when (ex is DbUpdateException or DbException or IOException or UnauthorizedAccessException)
        {
            // Rolled back and picture files removed by the import: the site is as it was.
            return Fail($"Import failed, nothing was changed: {(ex.InnerException ?? ex).Message}", 1);
        }
        Console.WriteLine($"Imported {file.SiteUrl} from {Path.GetFileName(path)} in {clock.Elapsed.TotalSeconds:0.0} s:");
        Console.Write(summary.ToString());
        return 0;
    }

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
