using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Broadsheet.Pages;

/// <summary>
/// Published pages placed in the menu and the footer, in their order. Like the section
/// navigation it is a per-instance copy for every page render, dropped with every content
/// eviction (<see cref="Caching.IContentCopy"/>), so a saved page shows at once.
/// </summary>
public sealed class PageLinks(IServiceScopeFactory scopes, IMemoryCache cache, ILogger<PageLinks> log) : ISiteLinks, Caching.IContentCopy
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const string Key = nameof(PageLinks);

    public void Forget() => cache.Remove(Key);

    public async Task<SiteLinkSet> LinksAsync()
    {
        if (cache.TryGetValue(Key, out SiteLinkSet? links) && links is not null) return links;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var rows = await db.Pages.AsNoTracking().Live().Where(p => p.InMenu || p.InFooter)
                .OrderBy(p => p.Position).ThenBy(p => p.Title)
                .Select(p => new { p.Title, p.Slug, p.InMenu, p.InFooter }).ToListAsync();
            links = new SiteLinkSet(
                [.. rows.Where(r => r.InMenu).Select(r => new SiteLink(r.Title, PageDesk.PathOf(r.Slug)))],
                [.. rows.Where(r => r.InFooter).Select(r => new SiteLink(r.Title, PageDesk.PathOf(r.Slug)))]);
            cache.Set(Key, links, Lifetime);
            return links;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Page links could not be loaded");
            return SiteLinkSet.None;
        }
    }
}
