using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

/// <summary>
/// Shared behaviour of every article list (latest, category, author, tag): paging by "?before="
/// (old "?page=N" links are still answered), 400 for a malformed page or cursor, 404 for a page past the end, and the bare list items when
/// htmx asks for the next page so "Load more" can append in place.
/// </summary>
public abstract class ListPageModel(BroadsheetDb db, TimeProvider clock) : PageModel
{
    protected BroadsheetDb Db { get; } = db;
    protected DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public ArticleFeed Feed { get; private set; } = new([], null);
    public int PageNumber { get; private set; } = 1;
    public abstract string Heading { get; }
    public virtual string? Description => null;

    /// <summary>The "follow" hole's args for the author, section or topic this list belongs to (Follows/FollowHole.cs).</summary>
    public object[]? Follow { get; private set; }

    /// <summary>Full pages show the button, as a hole filled per reader; "Load more" fragments do not need it.</summary>
    protected void ShowFollow(string kind, int id, string slug, string name, string path)
    {
        if (!Request.Headers.ContainsKey("HX-Request")) Follow = [kind, id, slug, name, path];
    }

    /// <summary>Set on an "Older" page (<see cref="FeedCursor"/>): its canonical address keeps it.</summary>
    public FeedCursor? Cursor { get; private set; }

    /// <summary>
    /// Newest first, paged by <see cref="FeedCursor"/> ("?before="), unless <paramref name="ordered"/>
    /// says the query brings its own order (a ranking, bounded by its window, still "?page=N").
    /// </summary>
    protected async Task<IActionResult> ListAsync(string basePath, IQueryable<Article> articles, CancellationToken ct, bool ordered = false)
    {
        // Read raw: model binding would turn "?page=" into "no page" and "?page=1&page=2" into one of them.
        var raw = Request.Query.TryGetValue("page", out var values) ? values : default;
        if (raw.Count > 1 || !Paging.TryParse(raw.Count == 1 ? raw[0] ?? "" : null, out var number)) return BadRequest();
        PageNumber = number;
        if (ordered)
        {
            var ranked = await articles.CardsAsync((number - 1) * ArticleFeed.PageSize, ArticleFeed.PageSize + 1, ct);
            if (ranked.Count == 0 && number > 1) return NotFound();
            return await AnswerAsync(ArticleFeed.From(ranked, basePath, number), ct);
        }

        var before = Request.Query.TryGetValue(FeedCursor.Parameter, out var cursors) ? cursors : default;
        FeedCursor start;
        if (before.Count > 0)
        {
            if (before.Count > 1 || raw.Count > 0 || !FeedCursor.TryParse(before[0], out start)) return BadRequest();
            Cursor = start;
        }
        else if (number > 1)
        {
            // Old links and bookmarks: where page N starts is found from the keys alone (no cards,
            // no joins), then the page is the same seek as any cursor's.
            var last = await articles.Newest().Skip((number - 1) * ArticleFeed.PageSize - 1)
                .Select(a => new { PublishedAt = a.PublishedAt!.Value, a.Id }).FirstOrDefaultAsync(ct);
            if (last is null) return NotFound();
            start = new FeedCursor(last.PublishedAt, last.Id);
        }
        else return await AnswerAsync(ArticleFeed.Keyset(await (await PageOfAsync(articles, null, ArticleFeed.PageSize + 1, ct)).Select(ArticleQueries.Card).ToListAsync(ct), basePath, first: true), ct);

        var older = await (await PageOfAsync(articles, start, ArticleFeed.PageSize + 1, ct)).Select(ArticleQueries.Card).ToListAsync(ct);
        if (older.Count == 0) return NotFound();
        return await AnswerAsync(ArticleFeed.Keyset(older, basePath, first: false), ct);
    }

    /// <summary>
    /// The page's rows, newest first, starting after <paramref name="after"/> (none: the first page),
    /// at most <paramref name="take"/>. A list whose stories come from two indexes (the author page)
    /// says how to walk them both and stop.
    /// </summary>
    protected virtual Task<IQueryable<Article>> PageOfAsync(IQueryable<Article> articles, FeedCursor? after, int take, CancellationToken ct) =>
        Task.FromResult((after is { } cursor ? articles.After(cursor) : articles).Newest().Take(take));

    private async Task<IActionResult> AnswerAsync(ArticleFeed feed, CancellationToken ct)
    {
        await Db.NameCoAuthorsAsync(feed.Items, ct); // one query for the page's further names
        Feed = feed;
        return Request.Headers.ContainsKey("HX-Request") ? Partial("~/Articles/_ArticleFeed.cshtml", Feed) : Page();
    }

    protected IQueryable<Article> Live => Db.Articles.AsQueryable().Live(Now);
}

/// <summary>
/// A list about one subject found by its slug (an author, a section, a tag): 404 for a malformed
/// or unknown slug, the subject's Follow button, then its live articles. Author, Category and Tag
/// pages only say how to find the subject and which articles are its.
/// </summary>
public abstract class SubjectListPageModel<TSubject>(BroadsheetDb db, TimeProvider clock) : ListPageModel(db, clock)
    where TSubject : class
{
    public TSubject Subject { get; private set; } = null!;

    /// <summary>The list's own address, "/author/{slug}" and so on.</summary>
    public string CanonicalPath => PathOf(Subject);

    protected abstract string PathOf(TSubject subject);
    protected abstract Task<TSubject?> FindAsync(string slug, CancellationToken ct);
    /// <summary>What the Follow button (a hole, Follows/FollowHole.cs) follows: kind, id, slug and name.</summary>
    protected abstract (string Kind, int Id, string Slug, string Name) FollowOf(TSubject subject);
    protected abstract IQueryable<Article> ArticlesOf(TSubject subject);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return NotFound();
        if (await FindAsync(slug, ct) is not { } subject) return NotFound();
        Subject = subject;
        var (kind, id, subjectSlug, name) = FollowOf(subject);
        ShowFollow(kind, id, subjectSlug, name, CanonicalPath);
        return await ListAsync(CanonicalPath, ArticlesOf(subject), ct);
    }
}
