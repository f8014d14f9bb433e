using Broadsheet.Articles;
using AngleSharp.Dom;
using Broadsheet.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Comments;

/// <summary>
/// The app with comments shown at once, no time-to-submit wait and the comment rate limits
/// lifted, so each test can post freely; the tests of those rules use their own fixtures.
/// </summary>
public class CommentsApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [
        new("Comments:Moderation", "None"),
        new("Comments:MinSecondsToSubmit", "0"),
        new($"RateLimits:{CommentPosting.IpPolicy}:Permits", "100000"),
        new($"RateLimits:{CommentPosting.UserPolicy}:Permits", "100000"),
    ];
}

/// <summary>The shipped default: a reader's comments wait for a moderator until one is approved.</summary>
public sealed class FirstCommentModerationApp : CommentsApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Comments:Moderation", "FirstComment")];
}

/// <summary>How a reader works the comment forms, over HTTP, as their browser would.</summary>
internal static class CommentForms
{
    public static readonly Dictionary<string, string> AsTheFormIs = [];

    public static string ThreadPath(string slug) => $"/articles/{slug}/comments";

    /// <summary>The thread as htmx fetches it into the article page.</summary>
    public static Task<(HttpResponseMessage Response, IDocument Page)> ThreadAsync(this ReaderSession reader, string slug, string? sort = null) =>
        reader.GetPageAsync(ThreadPath(slug) + (sort is null ? "" : $"?sort={sort}"), htmx: true);

    public static Task<(HttpResponseMessage Response, IDocument Page)> CommentAsync(this ReaderSession reader, string slug, string body, bool htmx = false) =>
        reader.SubmitAsync(ThreadPath(slug), ThreadPath(slug), new Dictionary<string, string> { ["body"] = body }, htmx);

    public static Task<(HttpResponseMessage Response, IDocument Page)> ReplyAsync(this ReaderSession reader, long parentId, string body, bool htmx = false) =>
        reader.SubmitAsync($"/comments/{parentId}/reply", $"/comments/{parentId}/reply", new Dictionary<string, string> { ["body"] = body }, htmx);

    public static Task<(HttpResponseMessage Response, IDocument Page)> EditAsync(this ReaderSession reader, long id, string body, bool htmx = false) =>
        reader.SubmitAsync($"/comments/{id}/edit", $"/comments/{id}/edit", new Dictionary<string, string> { ["body"] = body }, htmx);

    public static Task<(HttpResponseMessage Response, IDocument Page)> ReportAsync(this ReaderSession reader, long id, string reason, bool htmx = false) =>
        reader.SubmitAsync($"/comments/{id}/report", $"/comments/{id}/report", new Dictionary<string, string> { ["reason"] = reason }, htmx);

    /// <summary>A vote or delete button: it posts the thread's one token form to its own address.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> PressAsync(this ReaderSession reader, string slug, string action,
        Dictionary<string, string>? fields = null, bool htmx = false)
    {
        var values = await reader.ThreadTokenAsync(slug);
        foreach (var (k, v) in fields ?? []) values[k] = v;
        return await reader.PostAsync(action, values, htmx);
    }

    public static Task<(HttpResponseMessage Response, IDocument Page)> VoteAsync(this ReaderSession reader, string slug, long id, string direction, bool htmx = false) =>
        reader.PressAsync(slug, $"/comments/{id}/vote", new() { ["direction"] = direction }, htmx);

    public static Task<(HttpResponseMessage Response, IDocument Page)> DeleteAsync(this ReaderSession reader, string slug, long id, bool htmx = false) =>
        reader.PressAsync(slug, $"/comments/{id}/delete", htmx: htmx);

    public static async Task<Dictionary<string, string>> ThreadTokenAsync(this ReaderSession reader, string slug)
    {
        var (_, thread) = await reader.ThreadAsync(slug);
        var token = thread.QuerySelector("#thread-actions input[name=__RequestVerificationToken]")
            ?? throw new Xunit.Sdk.XunitException("The thread has no action form: is the reader signed in?");
        return new() { ["__RequestVerificationToken"] = token.GetAttribute("value")! };
    }

    /// <summary>Where a redirect points, fragment included.</summary>
    public static string Location(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"No Location header on a {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location.PathAndQuery + location.Fragment : location.OriginalString;
    }

    /// <summary>The id of the comment a redirect points at (…#comment-123).</summary>
    public static long CommentId(this HttpResponseMessage response)
    {
        var location = response.Location();
        var at = location.LastIndexOf("#comment-", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, $"'{location}' does not point at a comment");
        return long.Parse(location[(at + "#comment-".Length)..]);
    }

    /// <summary>Ids of the comments shown at the top level of a thread, in order.</summary>
    public static long[] TopLevelIds(this IDocument thread) =>
        [.. thread.QuerySelectorAll("#comment-list > li.comment").Select(li => long.Parse(li.Id!["comment-".Length..]))];

    public static Task<List<Comment>> CommentsOnAsync(this BroadsheetApp app, int articleId) =>
        app.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.ArticleId == articleId).OrderBy(c => c.Id).ToListAsync());

    public static Task<Comment?> CommentByIdAsync(this BroadsheetApp app, long id) =>
        app.WithDbAsync(db => db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id));

    public static Task<int> CommentCountAsync(this BroadsheetApp app, int articleId) =>
        app.WithDbAsync(db => db.Articles.Where(a => a.Id == articleId).Select(a => a.CommentCount).SingleAsync());

    /// <summary>Makes an account look this many days old (new accounts may post only two links).</summary>
    public static Task AgeAccountAsync(this BroadsheetApp app, int userId, int days) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.JoinedAt, DateTime.UtcNow.AddDays(-days))));

    /// <summary>A visible comment put straight in the database, rendered as the app renders one.</summary>
    public static Task<Comment> SeedCommentAsync(this BroadsheetApp app, int articleId, int? userId, string markdown,
        long? parentId = null, CommentStatus status = CommentStatus.Visible, DateTime? createdAt = null, double score = 0) =>
        app.WithDbAsync(async db =>
        {
            var c = db.Comments.Add(new Comment
            {
                ArticleId = articleId, UserId = userId, ParentId = parentId, BodyMarkdown = markdown, BodyHtml = CommentMarkdown.ToSafeHtml(markdown),
                Status = status, CreatedAt = createdAt ?? DateTime.UtcNow, Score = score,
            }).Entity;
            await db.SaveChangesAsync();
            return c;
        });
}
