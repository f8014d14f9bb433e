using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Import;

/// <summary>
/// The chosen categories become sections (ImportOptions: the top ten by posts, or those named),
/// the other categories and the tags become tags. Our sections are flat, so a chosen child
/// category is a section of its own (its old nested URL redirects to it). A term whose slug we already
/// have is the same topic and is reused, not duplicated; names are set when a term is created.
/// </summary>
public sealed partial class WordPressImport
{
    public const string Uncategorized = "uncategorized";

    private async Task<Category> CategoryAsync(WxrTerm term, CancellationToken ct)
    {
        var key = term.Slug.ToLowerInvariant();
        if (categoriesBySlug.TryGetValue(key, out var known)) return known;
        var category = map.Find("category", key) is { } id ? await db.Categories.FindAsync([(int)id], ct) : null;
        if (category is null)
        {
            var name = ImportMap.Fit(NameOf(term), 100);
            var slug = ImportSlug.From(term.Slug.Length > 0 ? term.Slug : name, $"section-{Fallback(term)}");
            category = await db.Categories.FirstOrDefaultAsync(c => c.Slug == slug, ct);
            if (category is null)
            {
                var position = (await db.Categories.MaxAsync(c => (int?)c.Position, ct) ?? 0) + 1;
                category = db.Categories.Add(new Category
                {
                    Name = name, Slug = slug, Position = position,
                    Description = ImportMap.Fit(WordPressHtml.TextOf(term.Description), 500),
                }).Entity;
                summary.Created("categories");
                await db.SaveChangesAsync(ct);
            }
            else summary.Updated("categories");
        }
        else summary.Updated("categories");
        map.Record("category", key, category.Id);
        return categoriesBySlug[key] = category;
    }

    private async Task<Tag> TagAsync(WxrTerm term, string taxonomy, CancellationToken ct)
    {
        var key = $"{taxonomy}:{term.Slug.ToLowerInvariant()}";
        if (tagsByKey.TryGetValue(key, out var known)) return known;
        var tag = map.Find("tag", key) is { } id ? await db.Tags.FindAsync([(int)id], ct) : null;
        if (tag is null)
        {
            var name = ImportMap.Fit(NameOf(term), 100);
            var slug = ImportSlug.From(term.Slug.Length > 0 ? term.Slug : name, $"tag-{Fallback(term)}");
            tag = await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, ct);
            if (tag is null)
            {
                tag = db.Tags.Add(new Tag { Name = name, Slug = slug }).Entity;
                summary.Created("tags");
                await db.SaveChangesAsync(ct);
            }
            else summary.Updated("tags");
        }
        else summary.Updated("tags");
        map.Record("tag", key, tag.Id);
        return tagsByKey[key] = tag;
    }

    /// <summary>A post with no category goes to the export's own "uncategorized", else to ours.</summary>
    private Task<Category> UncategorizedAsync(CancellationToken ct) =>
        CategoryAsync(file.Categories.FirstOrDefault(c => c.Slug == Uncategorized) ?? new WxrTerm("category", Uncategorized, "Uncategorized", ""), ct);

    private static string NameOf(WxrTerm term) =>
        WordPressHtml.TextOf(term.Name) is { Length: > 0 } name ? name : ImportSlug.Decode(term.Slug);

    // Stable across runs: the term id when the export gives one, else a hash of the slug.
    private static string Fallback(WxrTerm term) => term.Id.Length > 0 ? term.Id
        : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(term.Slug)))[..8];

    /// <summary>Old archive URLs (/category/parent/child/, /tag/x/, /author/login/) to ours, where they differ.</summary>
    private async Task ArchiveRedirectsAsync(CancellationToken ct)
    {
        var parents = file.Categories.GroupBy(c => c.Slug.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().ParentSlug.ToLowerInvariant());
        foreach (var (slug, category) in categoriesBySlug)
            await RedirectAsync($"{file.SitePath}/category/{CategoryPath(slug, parents)}/", $"/category/{category.Slug}", ct);
        // A category that became a tag keeps its old archive URL too.
        foreach (var (key, tag) in tagsByKey.Where(t => t.Key.StartsWith("category:", StringComparison.Ordinal) && !categoriesBySlug.ContainsKey(t.Key["category:".Length..])))
            await RedirectAsync($"{file.SitePath}/category/{CategoryPath(key["category:".Length..], parents)}/", $"/tag/{tag.Slug}", ct);
        foreach (var (key, tag) in tagsByKey.Where(t => t.Key.StartsWith("post_tag:", StringComparison.Ordinal)))
            await RedirectAsync($"{file.SitePath}/tag/{ImportSlug.Decode(key["post_tag:".Length..])}/", $"/tag/{tag.Slug}", ct);
        foreach (var (login, byline) in bylinesByLogin)
            await RedirectAsync($"{file.SitePath}/author/{Nicename(login)}/", $"/author/{byline.Slug}", ct);
    }

    private static string CategoryPath(string slug, Dictionary<string, string> parents)
    {
        var path = new List<string> { ImportSlug.Decode(slug) };
        // Ten levels is deeper than any real site; the cap also ends a loop in a corrupt export.
        for (var p = parents.GetValueOrDefault(slug, ""); p.Length > 0 && path.Count < 10; p = parents.GetValueOrDefault(p, ""))
            path.Insert(0, ImportSlug.Decode(p));
        return string.Join('/', path);
    }

    // WordPress's user_nicename: the login, lower-cased, with anything but letters, digits, "-" and "_" made a hyphen.
    private static string Nicename(string login) =>
        new([.. login.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);

    private async Task RedirectAsync(string from, string to, CancellationToken ct)
    {
        if (from.Length > 500 || from.TrimEnd('/') == to || from.Trim('/').Length == 0) return;
        var redirect = db.Redirects.Local.FirstOrDefault(r => r.FromPath == from)
            ?? await db.Redirects.FirstOrDefaultAsync(r => r.FromPath == from, ct);
        if (redirect is null)
        {
            db.Redirects.Add(new Redirect { FromPath = from, ToPath = to, CreatedAt = now });
            summary.Created("redirects");
        }
        else
        {
            redirect.ToPath = to;
            summary.Updated("redirects");
        }
    }
}
