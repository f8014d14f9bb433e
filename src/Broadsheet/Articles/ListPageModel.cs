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
    /// A ranked list (bounded by its own window, ordered by its measure): still paged by "?page=N".
    /// </summary>
    protected async Task<IActionResult> RankedAsync(string basePath, IQueryable<Article> ranked, CancellationToken ct)
    {
        if (PageNumberOf() is not { } number) return BadRequest();
        var cards = await ranked.CardsAsync((number - 1) * ArticleFeed.PageSize, ArticleFeed.PageSize + 1, ct);
        if (cards.Count == 0 && number > 1) return NotFound();
        return await AnswerAsync(ArticleFeed.From(cards, basePath, number), ct);
    }

    /// <summary>
    /// Newest first, paged by <see cref="FeedCursor"/> ("?before="). <paramref name="of"/> narrows
    /// the live stories to the list's own (a section, an author...); it is given the live stories
    /// rather than holding them, so an older page's live bound can be the cursor's time: SQLite
    /// seeks the published-time index to the first upper bound on the time it meets, and with
    /// "now" first it walked every story between now and the cursor (41k VM steps for page 400 of
    /// /latest at 100,000 articles, against 600 from the cursor).
    /// </summary>
    protected async Task<IActionResult> ListAsync(string basePath, Func<IQueryable<Article>, IQueryable<Article>> of, CancellationToken ct)
    {
        if (PageNumberOf() is not { } number) return BadRequest();
        var before = Request.Query.TryGetValue(FeedCursor.Parameter, out var cursors) ? cursors : default;
        FeedCursor start;
        if (before.Count > 0)
        {
            if (before.Count > 1 || Request.Query.ContainsKey("page") || !FeedCursor.TryParse(before[0], out start)) return BadRequest();
            Cursor = start;
        }
        else if (number > 1)
        {
            // Old links and bookmarks: where page N starts is found from the keys alone, a walk of
            // the (PublishedAt, Id, Status) index that never reads a story's row, then the page
            // is the same seek as any cursor's.
            var last = await of(LiveUntil(Now)).Newest().Skip((number - 1) * ArticleFeed.PageSize - 1)
                .Select(a => new { PublishedAt = a.PublishedAt!.Value, a.Id }).FirstOrDefaultAsync(ct);
            if (last is null) return NotFound();
            start = new FeedCursor(last.PublishedAt, last.Id);
        }
        else return await AnswerAsync(ArticleFeed.Keyset(await (await PageOfAsync(of, null, ArticleFeed.PageSize + 1, ct)).Select(ArticleQueries.Card).ToListAsync(ct), basePath, first: true), ct);

        var older = await (await PageOfAsync(of, start, ArticleFeed.PageSize + 1, ct)).Select(ArticleQueries.Card).ToListAsync(ct);
        if (older.Count == 0) return NotFound();
        return await AnswerAsync(ArticleFeed.Keyset(older, basePath, first: false), ct);
    }

    /// <summary>
    /// The page's rows, newest first, starting after <paramref name="after"/> (none: the first page),
    /// at most <paramref name="take"/>. A list whose stories come from two indexes (the author page)
    /// says how to walk them both and stop.
    /// </summary>
    protected virtual Task<IQueryable<Article>> PageOfAsync(Func<IQueryable<Article>, IQueryable<Article>> of, FeedCursor? after, int take, CancellationToken ct)
    {
        if (after is not { } cursor) return Task.FromResult(of(LiveUntil(Now)).Newest().Take(take));
        var until = cursor.PublishedAt < Now ? cursor.PublishedAt : Now;
        return Task.FromResult(of(LiveUntil(until)).After(cursor).Newest().Take(take));
    }

    /// <summary>"?page=N" read raw (model binding would turn "?page=" into "no page" and "?page=1&amp;page=2" into one of them); null when malformed.</summary>
    private int? PageNumberOf()
    {
        var raw = Request.Query.TryGetValue("page", out var values) ? values : default;
        if (raw.Count > 1 || !Paging.TryParse(raw.Count == 1 ? raw[0] ?? "" : null, out var number)) return null;
        PageNumber = number;
        return number;
    }

    private async Task<IActionResult> AnswerAsync(ArticleFeed feed, CancellationToken ct)
    {
        await Db.NameCoAuthorsAsync(feed.Items, ct); // one query for the page's further names
        Feed = feed;
        return Request.Headers.ContainsKey("HX-Request") ? Partial("~/Articles/_ArticleFeed.cshtml", Feed) : Page();
    }

    private IQueryable<Article> LiveUntil(DateTime until) => Db.Articles.AsQueryable().Live(until);
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
    /// <summary>The subject's stories among <paramref name="live"/>.</summary>
    protected abstract IQueryable<Article> ArticlesOf(IQueryable<Article> live, TSubject subject);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return NotFound();
        if (await FindAsync(slug, ct) is not { } subject) return NotFound();
        Subject = subject;
        var (kind, id, subjectSlug, name) = FollowOf(subject);
        ShowFollow(kind, id, subjectSlug, name, CanonicalPath);
        return await ListAsync(CanonicalPath, live => ArticlesOf(live, subject), ct);
    }
}
