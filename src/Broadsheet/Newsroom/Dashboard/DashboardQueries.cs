using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Dashboard;

/// <summary>One story on the dashboard, with the counters the article row already carries (no per-row queries).</summary>
public sealed record DashboardRow(int Id, string Title, string Slug, ArticleStatus Status, string AuthorName, DateTime UpdatedAt,
    DateTime? PublishedAt, DateTime? SubmittedAt, long Views, int Points, int Comments);

/// <summary>One titled list on the dashboard, as the page shows it.</summary>
public sealed record DashboardList(string Id, string Title, string Empty, IReadOnlyList<DashboardRow> Rows, bool ShowAuthor);

/// <summary>What one person's dashboard shows. <see cref="Submitted"/> and <see cref="QueueCount"/> are for editors only.</summary>
public sealed record DashboardLists(IReadOnlyList<DashboardRow> Drafts, IReadOnlyList<DashboardRow>? Submitted,
    IReadOnlyList<DashboardRow> Scheduled, IReadOnlyList<DashboardRow> Published, int? QueueCount);

/// <summary>
/// The newsroom's front page, in one query per list. An author sees the stories under their own
/// byline (Author.UserId); editors and admins see everyone's, the drafts waiting for review and
/// the size of the moderation queue.
/// </summary>
public sealed class DashboardQueries(BroadsheetDb db)
{
    public const int ListSize = 50;
    public const int RecentSize = 10;

    public async Task<DashboardLists> ForAsync(int userId, bool editor, CancellationToken ct)
    {
        var mine = db.Articles.AsNoTracking().Where(a => editor || a.Author.UserId == userId);
        // An editor reviews submitted drafts in their own list; an author sees theirs among the drafts, marked.
        var drafts = await Rows(mine.Where(a => (a.Status == ArticleStatus.Draft && (!editor || a.SubmittedAt == null)) || a.Status == ArticleStatus.Unpublished)
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id), ListSize, ct);
        var submitted = editor
            ? await Rows(mine.Where(a => a.Status == ArticleStatus.Draft && a.SubmittedAt != null).OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id), ListSize, ct)
            : null;
        var scheduled = await Rows(mine.Where(a => a.Status == ArticleStatus.Scheduled).OrderBy(a => a.PublishedAt).ThenBy(a => a.Id), ListSize, ct);
        var published = await Rows(mine.Where(a => a.Status == ArticleStatus.Published).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id), RecentSize, ct);
        int? queue = editor ? await QueueCountAsync(ct) : null;
        return new DashboardLists(drafts, submitted, scheduled, published, queue);
    }

    /// <summary>Comments waiting for a moderator, as the queue at /newsroom/comments lists them: held, or shown with an open report.</summary>
    public Task<int> QueueCountAsync(CancellationToken ct) =>
        db.Comments.CountAsync(c => c.Status == CommentStatus.Held
            || (c.Status == CommentStatus.Visible && db.Set<CommentReport>().Any(r => r.CommentId == c.Id && r.ResolvedAt == null)), ct);

    private static async Task<IReadOnlyList<DashboardRow>> Rows(IQueryable<Article> query, int take, CancellationToken ct) =>
        await query.Take(take).Select(a => new DashboardRow(a.Id, a.Title, a.Slug, a.Status, a.Author.DisplayName, a.UpdatedAt,
            a.PublishedAt, a.SubmittedAt, a.ViewCount, a.Upvotes - a.Downvotes, a.CommentCount)).ToListAsync(ct);
}
