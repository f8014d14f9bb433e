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

    /// <summary>Runs the import; the command line is parsed by Host/Cli.cs. 2 for a bad --sections, 1 for a missing file or a refused export.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string fileArg, string? uploadsArg, string? sections, bool dryRun)
    {
        var options = new ImportOptions { DryRun = dryRun };
        if (sections is not null)
        {
            if (int.TryParse(sections, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                if (n < 1) return Fail("--sections N: N must be at least 1 (every story needs a section).\n" + Usage, 2);
                options = options with { Sections = n };
            }
            else options = options with { SectionNames = [.. sections.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] };
        }
        var path = Path.GetFullPath(fileArg);
        var uploads = uploadsArg is not null ? Path.GetFullPath(uploadsArg) : null;
        if (!File.Exists(path)) return Fail($"{fileArg}: no such file.", 1);
        if (uploads is not null && !Directory.Exists(uploads)) return Fail($"{uploadsArg}: no such folder.", 1);

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
