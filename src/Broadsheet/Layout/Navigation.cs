using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Broadsheet.Layout;

public sealed record NavItem(string Name, string Slug);

/// <summary>
/// The category navigation shown on every page. Cached briefly per instance: it is a copy of
/// the database that any instance may rebuild, never a source of truth.
/// </summary>
public sealed class Navigation(IServiceScopeFactory scopes, IMemoryCache cache, ILogger<Navigation> log) : Caching.IContentCopy
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Drops this instance's copy. Called with every eviction of the page cache, which with Redis
    /// reaches every instance; without it, other instances catch up within the lifetime.
    /// </summary>
    public void Forget() => cache.Remove(nameof(Navigation));

    public async Task<IReadOnlyList<NavItem>> CategoriesAsync()
    {
        if (cache.TryGetValue(nameof(Navigation), out IReadOnlyList<NavItem>? items) && items is not null) return items;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            items = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name)
                .Select(c => new NavItem(c.Name, c.Slug)).ToListAsync();
            cache.Set(nameof(Navigation), items, Lifetime);
            return items;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The error page uses this layout too; it must render while the database is down.
            log.LogWarning(ex, "Navigation could not load categories");
            return [];
        }
    }
}
