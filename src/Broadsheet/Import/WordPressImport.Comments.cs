using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Import;

/// <summary>
/// Comments keep their thread and their state: approved → Visible, unapproved → Held (it lands
/// in the moderation queue); spam, trash, pingbacks and trackbacks are not imported. A comment
/// written by one of the export's authors belongs to that account; anyone else's keeps the
/// name they gave (GuestName). The article's count is then recounted from the visible rows.
/// </summary>
public sealed partial class WordPressImport
{
    public static CommentStatus? CommentStatusOf(string approved, string type) =>
        type is "pingback" or "trackback" ? null
        : approved switch { "1" => CommentStatus.Visible, "0" => CommentStatus.Held, _ => null };

    private async Task CommentsAsync(Article article, WxrPost post, CancellationToken ct)
    {
        var ours = new Dictionary<string, Comment>();
        var byId = post.Comments.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var c in ParentsFirst(post.Comments))
        {
            var known = map.Find("comment", c.Id);
            if (CommentStatusOf(c.Approved, c.Type) is not { } status)
            {
                // Marked spam or trashed on WordPress since an earlier run: hidden here too.
                if (known is { } gone && await db.Comments.FindAsync([gone], ct) is { Status: CommentStatus.Visible or CommentStatus.Held } hidden)
                {
                    hidden.Status = CommentStatus.Rejected;
                    map.Record("comment", c.Id, hidden.Id, c.Fingerprint);
                    summary.TakenDown("comments");
                }
                else summary.Skipped("comments");
                continue;
            }
            if (known is not null && map.Unchanged("comment", c.Id, c.Fingerprint))
            {
                summary.Unchanged("comments");
                continue;
            }
            var markdown = WordPressComment.ToMarkdown(c.Content);
            // Markdig throws past its nesting limit, and one such comment would fail the whole run:
            // the guard that refuses it from a reader (MarkdownNesting) skips it here, and its
            // replies start their own threads.
            if (MarkdownNesting.Depth(markdown) is var depth && depth > MarkdownNesting.Limit)
            {
                summary.Skipped("comments");
                summary.Warn("comments", $"comment {c.Id} nests quotes, lists or emphasis {depth} levels deep (at most {MarkdownNesting.Limit}): not imported.");
                continue;
            }
            if (markdown.Length > Comment.MaxLength)
            {
                summary.Warn("comments", $"comment {c.Id} is longer than {Comment.MaxLength} characters: shortened.");
                markdown = markdown[..Comment.MaxLength];
            }
            var comment = map.Find("comment", c.Id) is { } id ? await db.Comments.FindAsync([id], ct) : null;
            if (comment is null)
            {
                comment = db.Comments.Add(new Comment { ArticleId = article.Id }).Entity;
                summary.Created("comments");
            }
            else summary.Updated("comments");

            long? parent = null;
            if (c.ParentId is { Length: > 0 } p && p != "0")
            {
                if (ours.TryGetValue(p, out var found))
                {
                    // A reply needs its parent's id: save only then, so a thread costs one save per level, not per comment.
                    if (found.Id == 0) await db.SaveChangesAsync(ct);
                    parent = found.Id;
                }
                else if (map.Find("comment", p) is { } earlier && byId.TryGetValue(p, out var before) && CommentStatusOf(before.Approved, before.Type) is not null)
                    parent = earlier; // imported on an earlier run and unchanged since
                else summary.Warn("comments", $"comment {c.Id} answers comment {p}, which was not imported: it starts its own thread.");
            }

            comment.ArticleId = article.Id;
            comment.ParentId = parent;
            comment.UserId = accountsByWpId.TryGetValue(c.UserId, out var userId) ? userId : null;
            comment.GuestName = comment.UserId is null ? ImportMap.Fit(c.Author.Length > 0 ? WordPressHtml.TextOf(c.Author) : "Anonymous", 100) : null;
            comment.BodyMarkdown = markdown;
            comment.BodyHtml = CommentMarkdown.ToSafeHtml(markdown);
            comment.Status = status;
            comment.CreatedAt = c.Date ?? article.PublishedAt ?? now;
            ours[c.Id] = comment;
        }
        await db.SaveChangesAsync(ct);
        foreach (var (wordpressId, comment) in ours)
        {
            map.Record("comment", wordpressId, comment.Id, byId[wordpressId].Fingerprint);
            // Nothing refers to a saved comment again: letting go keeps the change tracker small on big sites.
            db.Entry(comment).State = EntityState.Detached;
        }
        await db.SaveChangesAsync(ct);
        await CommentCounts.RecountAsync(db, article.Id, ct);
    }

    /// <summary>Every comment after its parent, whatever order the export lists them in.</summary>
    private static IEnumerable<WxrComment> ParentsFirst(IReadOnlyList<WxrComment> comments)
    {
        var byId = comments.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
        var placed = new HashSet<string>();
        var ordered = new List<WxrComment>();
        void Place(WxrComment c, int depth)
        {
            if (placed.Contains(c.Id)) return;
            // A parent loop in a corrupt export ends here; the comment then starts its own thread.
            if (depth < 100 && byId.TryGetValue(c.ParentId, out var parent) && parent != c) Place(parent, depth + 1);
            if (placed.Add(c.Id)) ordered.Add(c);
        }
        foreach (var c in comments) Place(c, 0);
        return ordered;
    }
}
