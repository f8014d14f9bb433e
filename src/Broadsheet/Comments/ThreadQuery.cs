using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Comments;

/// <summary>What the comment pages need of their article.</summary>
public sealed record ArticleRef(int Id, string Slug, string Title, bool CommentsClosed, DateTime PublishedAt, int CommentCount)
{
    /// <summary>The story, or the static page whose companion this is.</summary>
    public string Home => Companion.ReaderPath(Slug);
    public string ThreadPath => $"{Home}/comments";
    public string AnchorOf(long commentId) => $"{ThreadPath}#comment-{commentId}";
}

/// <summary>Reads for the thread: the article, and every comment of it in one query.</summary>
public static class ThreadQuery
{
    /// <summary>A live story, or a page companion whose page shows comments (a story slug or <see cref="Companion.SlugFor"/>).</summary>
    public static Task<ArticleRef?> LiveArticleAsync(BroadsheetDb db, string slug, DateTime now, CancellationToken ct) =>
        ToRef(db.Articles.AsNoTracking().Discussable(now).Where(a => a.Slug == slug), now, ct);

    public static Task<ArticleRef?> LiveArticleAsync(BroadsheetDb db, int articleId, DateTime now, CancellationToken ct) =>
        ToRef(db.Articles.AsNoTracking().Discussable(now).Where(a => a.Id == articleId), now, ct);

    // A companion is never published, so its comments never close with age: it is "published" now.
    private static Task<ArticleRef?> ToRef(IQueryable<Article> articles, DateTime now, CancellationToken ct) =>
        articles.Select(a => new ArticleRef(a.Id, a.Slug, a.Title, a.CommentsClosed, a.PublishedAt ?? now, a.CommentCount)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The whole thread in one statement: each comment with its author's name (none once the
    /// account is deleted) and, for a signed-in viewer, their own vote. Bodies the viewer may not
    /// see are not sent from the database at all; their rows still come, because a hidden comment
    /// with shown replies stays in the tree as a placeholder.
    /// </summary>
    public static Task<List<ThreadRow>> RowsAsync(BroadsheetDb db, int articleId, int? viewerId, CancellationToken ct) =>
        Rows(db, db.Comments.Where(c => c.ArticleId == articleId), viewerId).ToListAsync(ct);

    /// <summary>One comment as the thread would show it, with its live article; null when either is gone.</summary>
    public static async Task<(ThreadRow Row, ArticleRef Article)?> OneAsync(BroadsheetDb db, long commentId, int? viewerId, DateTime now, CancellationToken ct)
    {
        var row = await Rows(db, db.Comments.Where(c => c.Id == commentId), viewerId).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var article = await LiveArticleAsync(db, row.ArticleId, now, ct);
        return article is null ? null : (row, article);
    }

    private static IQueryable<ThreadRow> Rows(BroadsheetDb db, IQueryable<Comment> comments, int? viewerId)
    {
        var rows =
            from c in comments.AsNoTracking()
            join u in db.Users on c.UserId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            select new { c, Name = u == null ? c.GuestName : u.DisplayName, Handle = u == null ? null : u.UserName };
        if (viewerId is not int viewer)
            return rows.Select(x => new ThreadRow(x.c.Id, x.c.ParentId, x.c.UserId, x.Name, x.Handle, x.c.Status,
                x.c.Status == CommentStatus.Visible ? x.c.BodyHtml : "",
                x.c.CreatedAt, x.c.EditedAt, x.c.Upvotes, x.c.Downvotes, x.c.Score, 0, x.c.ArticleId));
        return rows.Select(x => new ThreadRow(x.c.Id, x.c.ParentId, x.c.UserId, x.Name, x.Handle, x.c.Status,
            x.c.Status == CommentStatus.Visible || x.c.Status == CommentStatus.Held && x.c.UserId == viewer ? x.c.BodyHtml : "",
            x.c.CreatedAt, x.c.EditedAt, x.c.Upvotes, x.c.Downvotes, x.c.Score,
            db.Set<CommentVote>().Where(v => v.CommentId == x.c.Id && v.UserId == viewer).Select(v => v.Value).FirstOrDefault(),
            x.c.ArticleId));
    }
}
