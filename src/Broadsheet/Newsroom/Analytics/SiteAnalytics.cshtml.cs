using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.Analytics;

/// <summary>/newsroom/analytics: the whole site's last 30 days, the most read stories and where readers came from. Editors and admins.</summary>
[Authorize(Policy = Policies.Editors)]
[NeverStored]
public sealed class SiteAnalyticsModel(AnalyticsQueries queries, TimeProvider clock) : PageModel
{
    public DailyCharts Charts { get; private set; } = null!;
    public IReadOnlyList<TopArticle> TopToday { get; private set; } = [];
    public IReadOnlyList<TopArticle> TopWeek { get; private set; } = [];
    public IReadOnlyList<TopArticle> TopMonth { get; private set; } = [];
    public ReferrerLists Referrers { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Charts = await queries.ChartsAsync(null, today, ct);
        TopToday = await queries.TopArticlesAsync(today, 1, ct);
        TopWeek = await queries.TopArticlesAsync(today, 7, ct);
        TopMonth = await queries.TopArticlesAsync(today, 30, ct);
        Referrers = await ReferrerLists.LoadAsync(queries, null, today, ct);
    }
}

/// <summary>Top referring sites over 7 and 30 days, for the site or one article.</summary>
public sealed record ReferrerLists(IReadOnlyList<TopReferrer> Week, IReadOnlyList<TopReferrer> Month)
{
    public static async Task<ReferrerLists> LoadAsync(AnalyticsQueries queries, int? articleId, DateOnly today, CancellationToken ct) =>
        new(await queries.TopReferrersAsync(articleId, today, 7, ct), await queries.TopReferrersAsync(articleId, today, 30, ct));
}
