using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.Analytics;

public sealed record ArticleSummary(int Id, string Title, string Slug, ArticleStatus Status, string AuthorName, int? AuthorUserId,
    long Views, int Points, int Comments);

/// <summary>
/// /newsroom/articles/{id}/analytics: one story's last 30 days. Editors and admins see any story;
/// an author only their own (Author.UserId): the owner-or-editor policy with the story's author
/// as the resource, so anyone else's is a 403.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[NeverStored]
public sealed class ArticleAnalyticsModel(BroadsheetDb db, AnalyticsQueries queries, TimeProvider clock, IAuthorizationService auth) : PageModel
{
    public ArticleSummary Article { get; private set; } = null!;
    public DailyCharts Charts { get; private set; } = null!;
    public ReferrerLists Referrers { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new ArticleSummary(a.Id, a.Title, a.Slug, a.Status, a.Author.DisplayName, a.Author.UserId,
                a.ViewCount, a.Upvotes - a.Downvotes, a.CommentCount))
            .SingleOrDefaultAsync(ct);
        if (article is null) return NotFound();
        var coAuthors = await db.ArticleBylines.Where(b => b.ArticleId == id && b.Author != null && b.Author.UserId != null).Select(b => b.Author!.UserId!.Value).ToListAsync(ct);
        if (!(await auth.AuthorizeAsync(User, new Policies.OwnedBy(article.AuthorUserId) { CoOwners = coAuthors }, Policies.OwnerOrEditor)).Succeeded) return Forbid();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Article = article;
        Charts = await queries.ChartsAsync(id, today, ct);
        Referrers = await ReferrerLists.LoadAsync(queries, id, today, ct);
        return Page();
    }
}
