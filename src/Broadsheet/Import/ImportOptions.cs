namespace Broadsheet.Import;

/// <summary>How an import runs: which categories become sections, and whether anything is written.</summary>
public sealed record ImportOptions
{
    /// <summary>
    /// Sections are the site's navigation, so only a readable few: WordPress sites often have
    /// dozens of categories (one we tried had 68). The rest become tags, which lose nothing.
    /// </summary>
    public const int DefaultSections = 10;

    /// <summary>The top N categories by number of posts become sections (when <see cref="SectionNames"/> is empty).</summary>
    public int Sections { get; init; } = DefaultSections;

    /// <summary>These category slugs (or names) become sections, and only these.</summary>
    public IReadOnlyList<string> SectionNames { get; init; } = [];

    /// <summary>Do everything, print the summary, then roll back and remove the pictures written.</summary>
    public bool DryRun { get; init; }

    /// <summary>The slugs (lower case) of the export's categories that become sections.</summary>
    public HashSet<string> SectionsOf(WxrFile file)
    {
        if (SectionNames.Count > 0)
            return [.. file.Categories.Where(c => SectionNames.Any(n => Names(n, c))).Select(c => c.Slug.ToLowerInvariant())];
        var posts = file.Posts.Where(p => WordPressImport.StatusOf(p.Status, p.PasswordProtected) is not null)
            .SelectMany(p => p.Terms.Where(t => t.Taxonomy == "category").Select(t => t.Slug.ToLowerInvariant()))
            .CountBy(s => s).ToDictionary();
        return [.. file.Categories.Select(c => c.Slug.ToLowerInvariant()).Distinct()
            .OrderByDescending(s => posts.GetValueOrDefault(s)).ThenBy(s => s, StringComparer.Ordinal).Take(Sections)];
    }

    /// <summary>Names given to --sections that are no category of the export.</summary>
    public IEnumerable<string> UnknownSections(WxrFile file) => SectionNames.Where(n => !file.Categories.Any(c => Names(n, c)));

    /// <summary>A name given to --sections means this category: its slug or its name, in any case.</summary>
    private static bool Names(string given, WxrTerm category) =>
        string.Equals(given, category.Slug, StringComparison.OrdinalIgnoreCase)
        || string.Equals(given, WordPressHtml.TextOf(category.Name), StringComparison.OrdinalIgnoreCase);
}
