using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;
using System.Diagnostics;

namespace Broadsheet.Import;

/// <summary>`import wordpress FILE.xml [--uploads DIR] [--sections N|a,b] [--dry-run]`: checks the whole file, imports it in one transaction, prints a summary.</summary>
public static class ImportCommand
{
    public static readonly string Usage = "usage: import wordpress FILE.xml [--uploads DIR] [--sections N|a,b,c] [--dry-run]\n"
        + "  FILE.xml      a WordPress WXR export (Tools > Export > All content)\n"
        + "  --uploads     a copy of wp-content/uploads, for featured pictures\n"
        + $"  --sections    the top N categories by posts (default {ImportOptions.DefaultSections}), or these slugs or names, become sections; the rest become tags\n"
        + "  --dry-run     do it all and print the summary, but write nothing";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        // Other "--Key value" pairs are the app's configuration (--Database:Provider Postgres).
        var at = Array.IndexOf(args, "--uploads");
        var sectionsAt = Array.IndexOf(args, "--sections");
        if (args.Length < 3 || args[1] != "wordpress" || args[2].StartsWith("--", StringComparison.Ordinal) || (at >= 0 && at + 1 >= args.Length)
            || (sectionsAt >= 0 && sectionsAt + 1 >= args.Length))
            return Fail(Usage, 2);
        var options = new ImportOptions { DryRun = args.Contains("--dry-run") };
        if (sectionsAt >= 0)
        {
            var value = args[sectionsAt + 1];
            if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                if (n < 1) return Fail("--sections N: N must be at least 1 (every story needs a section).\n" + Usage, 2);
                options = options with { Sections = n };
            }
            else options = options with { SectionNames = [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] };
        }
        var path = Path.GetFullPath(args[2]);
        var uploads = at >= 0 ? Path.GetFullPath(args[at + 1]) : null;
        if (!File.Exists(path)) return Fail($"{args[2]}: no such file.", 1);
        if (uploads is not null && !Directory.Exists(uploads)) return Fail($"{args[at + 1]}: no such folder.", 1);

        WxrFile file;
        try { file = WxrFile.Load(path); }
        catch (WxrException ex) { return Fail(ex.Message + " Nothing was imported.", 1); }
        if (options.UnknownSections(file).ToList() is { Count: > 0 } unknown)
            return Fail($"--sections: {string.Join(", ", unknown)} is no category of this export. Nothing was imported.", 2);

        var clock = Stopwatch.StartNew();
        var import = ActivatorUtilities.CreateInstance<WordPressImport>(services);
        ImportSummary summary = null!;
        try
        {
            await ConsoleProgress.RunAsync("posts", file.Posts.Count, async progress =>
                summary = await import.RunAsync(file, uploads, progress, CancellationToken.None, options));
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException or IOException or UnauthorizedAccessException)
        {
            // Rolled back and picture files removed by the import: the site is as it was.
            return Fail($"Import failed, nothing was changed: {(ex.InnerException ?? ex).Message}", 1);
        }
        Console.WriteLine(options.DryRun
            ? $"Dry run of {file.SiteUrl} from {Path.GetFileName(path)} in {clock.Elapsed.TotalSeconds:0.0} s: nothing was written. It would do this:"
            : $"Imported {file.SiteUrl} from {Path.GetFileName(path)} in {clock.Elapsed.TotalSeconds:0.0} s:");
        Console.Write(summary.ToString());
        return 0;
    }

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
