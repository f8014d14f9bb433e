using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Broadsheet.Pages;

/// <summary>
/// /pages/{slug} views count on the page's companion article when the page counts views
/// (Views/IViewPaths). Which pages do is a per-instance copy like the menu links, dropped with
/// every content eviction (a save evicts), so no request waits on the database for it.
/// </summary>
public sealed class PageViewPaths(IServiceScopeFactory scopes, IMemoryCache cache) : Views.IViewPaths, Caching.IContentCopy
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const string Key = nameof(PageViewPaths);
    private const string Prefix = "/pages/";

    public void Forget() => cache.Remove(Key);

    public bool Claims(PathString path) => path.Value is { } v && v.StartsWith(Prefix, StringComparison.Ordinal);

    public async ValueTask<string?> ArticleSlugAsync(PathString path, CancellationToken ct)
    {
        var slug = path.Value![Prefix.Length..];
        if (!Slug.IsValid(slug)) return null;
        if (!cache.TryGetValue(Key, out HashSet<string>? counted) || counted is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            counted = [.. await db.Pages.AsNoTracking().Live().Where(p => p.CountViews).Select(p => p.Slug).ToListAsync(ct)];
            cache.Set(Key, counted, Lifetime);
        }
        return counted.Contains(slug) ? Companion.SlugFor(slug) : null;
    }
}
