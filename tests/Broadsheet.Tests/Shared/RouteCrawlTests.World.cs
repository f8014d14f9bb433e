using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Comments;
using Broadsheet.Newsletters;
using Broadsheet.Newsroom;
using Broadsheet.Newsroom.Articles;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;

namespace Broadsheet.Tests.Shared;

/// <summary>Real things for the crawl's routes to name: a live story with a tag and a comment, a draft with a preview link, a reader, a static page.</summary>
internal sealed record CrawlWorld(Article Article, string Category, string Author, string Tag, long CommentId,
    int ReaderId, string ReaderHandle, int DraftId, string PreviewToken, string PageSlug, int PageId,
    int NewsletterId = 0, int IssueId = 0, string SubscriptionToken = "")
{
    /// <summary>A library picture with a credit and a licence link, shown on the story (issue 24).</summary>
    public int MediaId { get; init; }

    public static async Task<CrawlWorld> MakeAsync(BroadsheetApp app)
    {
        var tag = TestNewsroom.Unique("crawl");
        var category = await app.CategoryAsync();
        var author = await app.AuthorAsync();
        // Updated and corrected, so the checks see that markup too (issue 24).
        // Credited, with a co-author and a guest on its byline (issue 24).
        var picture = await app.WithDbAsync(async db =>
        {
            var m = db.MediaImages.Add(new Broadsheet.Newsroom.MediaImage { Stem = Guid.NewGuid().ToString("N"), Extension = "jpg", Width = 640, Height = 360,
                UploadedAt = DateTime.UtcNow, Alt = "The harbour at dawn", Credit = "Ana Lopes/Harbour Press", Licence = "https://creativecommons.org/licenses/by/4.0/" }).Entity;
            await db.SaveChangesAsync();
            return m;
        });
        Directory.CreateDirectory(app.MediaFolder);
        await File.WriteAllBytesAsync(Path.Combine(app.MediaFolder, picture.FileName), TestPicture.Jpeg(640, 360));
        var coAuthor = await app.AuthorAsync();
        var article = await app.ArticleAsync(a =>
            {
                (a.SubstantiveUpdateAt, a.UpdateNote) = (DateTime.UtcNow.AddMinutes(-5), "This story has been updated with the harbour master's reply.");
                (a.ImagePath, a.ImageAlt, a.ImageCaption, a.ImageWidth, a.ImageHeight) = (picture.FileName, picture.Alt, "Ferries wait at the quay", 640, 360);
                (a.ImageCredit, a.ImageLicence) = (picture.Credit, picture.Licence);
            },
            category: category, author: author, tags: tag);
        await app.WithDbAsync(async db =>
        {
            db.Corrections.Add(new Correction { ArticleId = article.Id, Kind = CorrectionKind.Correction, Placement = CorrectionPlacement.Top, Text = "An earlier version gave the wrong sailing time.", PublishedAt = DateTime.UtcNow.AddMinutes(-4) });
            db.ArticleBylines.Add(new ArticleByline { ArticleId = article.Id, Position = 1, AuthorId = coAuthor.Id });
            db.ArticleBylines.Add(new ArticleByline { ArticleId = article.Id, Position = 2, GuestName = "Rosa Field", GuestUrl = "https://rosa.example/" });
            db.Corrections.Add(new Correction { ArticleId = article.Id, Kind = CorrectionKind.Clarification, Placement = CorrectionPlacement.Bottom, Text = "The timetable applies from Monday.", PublishedAt = DateTime.UtcNow.AddMinutes(-3) });
            await db.SaveChangesAsync();
        });
        var draft = await app.ArticleAsync(a => a.Status = ArticleStatus.Draft, category, author);
        var reader = await app.UserAsync();
        var commentId = await app.WithDbAsync(async db =>
        {
            var comment = db.Comments.Add(new Comment
            {
                ArticleId = article.Id, UserId = reader.Id, BodyMarkdown = "The ferry was late.", BodyHtml = "<p>The ferry was late.</p>",
                Status = CommentStatus.Visible, CreatedAt = DateTime.UtcNow,
            }).Entity;
            await db.SaveChangesAsync();
            return comment.Id;
        });
        var page = await app.PageAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<PreviewLinks>().CreateAsync(draft.Id, new ClaimsPrincipal(), default);
        // A newsletter with a draft issue and an anonymous subscriber, for the newsletter pages and the mail links' pages.
        var (newsletterId, issueId, subscription) = await app.WithDbAsync(async db =>
        {
            var slug = TestNewsroom.Unique("crawl-briefing");
            var n = db.Newsletters.Add(new Newsletter { Name = $"Crawl briefing {slug[^6..]}", Slug = slug, CreatedAt = DateTime.UtcNow }).Entity;
            await db.SaveChangesAsync();
            var i = db.NewsletterIssues.Add(new NewsletterIssue { NewsletterId = n.Id, Subject = "Crawl issue", BodyMarkdown = "Good *morning*.", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow }).Entity;
            var s = db.Subscriptions.Add(new Subscription { Email = $"crawl-{Guid.NewGuid():N}@example.test", Kind = SubscriptionKind.Newsletter, TargetId = n.Id, Frequency = Frequency.EachStory, CreatedAt = DateTime.UtcNow }).Entity;
            await db.SaveChangesAsync();
            return (n.Id, i.Id, s.Token);
        });
        await app.ContentChangedAsync();
        return new(article, category.Slug, author.Slug, Broadsheet.Shared.Slug.From(tag), commentId, reader.Id, reader.Handle, draft.Id, token, page.Slug, page.Id,
            newsletterId, issueId, subscription) { MediaId = picture.Id };
    }

    /// <summary>A real value for a route parameter, by its name and the route it is in.</summary>
    public string ValueFor(string route, string parameter) => (parameter, route.TrimStart('/')) switch
    {
        ("slug", var r) when r.StartsWith("category", StringComparison.Ordinal) => Category,
        ("slug", var r) when r.StartsWith("author", StringComparison.Ordinal) => Author,
        ("slug", var r) when r.StartsWith("tag", StringComparison.Ordinal) => Tag,
        ("slug", var r) when r.StartsWith("pages", StringComparison.Ordinal) => PageSlug,
        ("slug", _) => Article.Slug,
        ("id", var r) when r.Contains("comments", StringComparison.Ordinal) && !r.StartsWith("newsroom", StringComparison.Ordinal) => $"{CommentId}",
        ("id", var r) when r.Contains("users", StringComparison.Ordinal) => $"{ReaderId}",
        ("id", var r) when r.StartsWith("newsroom/pages", StringComparison.Ordinal) => $"{PageId}",
        // The live story, so its notes' forms are on the page (a draft only says notes go on live stories).
        ("id", var r) when r.EndsWith("/corrections", StringComparison.Ordinal) || r.EndsWith("/bylines", StringComparison.Ordinal) => $"{Article.Id}",
        ("id", var r) when r.StartsWith("newsroom/media", StringComparison.Ordinal) => $"{MediaId}",
        ("id", var r) when r.StartsWith("newsroom/newsletters", StringComparison.Ordinal) => $"{IssueId}",
        ("newsletterId", _) => $"{NewsletterId}",
        ("id", _) => $"{DraftId}",
        ("handle", _) => ReaderHandle,
        ("token", var r) when r.StartsWith("subscribe", StringComparison.Ordinal) || r.StartsWith("unsubscribe", StringComparison.Ordinal)
            || r.StartsWith("email", StringComparison.Ordinal) => SubscriptionToken,
        ("token", _) => PreviewToken,
        ("list", _) => "now",
        ("code", _) => "404",
        ("page", _) => "1",
        _ => "x",
    };
}

/// <summary>What a hostile client sends: values for paths, queries and forms.</summary>
internal static class Hostile
{
    /// <summary>Markdown deeper than Markdig goes (128 levels): quotes, emphasis, nested lists.</summary>
    public static readonly string[] DeepMarkdown =
    [
        new string('>', 1000) + " deep",
        new string('*', 1200) + "deep" + new string('*', 1200),
        string.Concat(Enumerable.Repeat("* ", 1200)) + "deep",
    ];

    public static readonly string Overlong = new('a', 10_000);

    /// <summary>Already escaped where they must be: sent as written, so %C3%28 reaches the server as bad UTF-8.</summary>
    public static readonly string[] PathValues =
    [
        "caf%C3%A9", "café", "%00", "%C3%28", "..%2F..%2Fetc%2Fpasswd", "..", new string('a', 3000), "%25%", "-1", "99999999999999999999",
        "x%27%20OR%20%271%27%3D%271%27--",
    ];

    public static readonly string Query =
        "?returnUrl=%2Fsearch%3Fq%3Dcaf%C3%A9&then=vote%3A..%3Adown&page=%C3%28&q=%00" + new string('b', 2000)
        + "&sort=..%2F..&code=99999999999&kind=%FF&slug=caf%C3%A9&done=%3Cscript%3E";

    /// <summary>
    /// Deep Markdown in every body field, everything else plausible, so that it gets past the
    /// other checks to where Markdown is parsed (a comment, an article's save, autosave, preview).
    /// </summary>
    public static Dictionary<string, string> DeepForm(string deep, CrawlWorld world) => new()
    {
        ["body"] = deep, ["Input.Body"] = deep, ["Input.Title"] = $"Nested {Guid.NewGuid():N}", ["Input.CategoryId"] = $"{world.Article.CategoryId}",
        ["returnUrl"] = "/search?q=café", ["reason"] = "Spam", ["displayName"] = "Crawler", ["kind"] = "category", ["slug"] = world.Category,
        ["follow"] = "true", ["direction"] = "up", ["length"] = "until", ["until"] = "2099-01-01", ["alt"] = "A picture", ["q"] = deep,
    };

    /// <summary>Every field a form might have, each with something it should refuse.</summary>
    public static readonly Dictionary<string, string> JunkForm = new()
    {
        ["body"] = Overlong, ["Input.Body"] = "%C3%28\0", ["Input.Title"] = Overlong, ["Input.Slug"] = "../café",
        ["Input.Email"] = "x@café.test", ["Input.Password"] = "\0", ["Input.CategoryId"] = "not-a-number",
        ["Input.Id"] = "99999999999999999999", ["Input.BreakingUntil"] = "31/31/9999", ["Input.Tags"] = Overlong,
        ["returnUrl"] = "/search?q=café", ["then"] = "vote:../café:down", ["displayName"] = Overlong,
        ["reason"] = "../../etc/passwd\0", ["kind"] = "category", ["slug"] = "café", ["follow"] = "maybe",
        ["direction"] = "sideways", ["length"] = "forever", ["until"] = "not a date", ["name"] = "%C3%28",
        ["alt"] = Overlong, ["q"] = Overlong, ["parentId"] = "-1",
    };

    /// <summary>A multipart body whose boundary never appears: reading the form throws.</summary>
    public const string BrokenMultipart = "multipart/form-data; boundary=nowhere\n--elsewhere\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nx";

    /// <summary>A form body with broken escapes and bad UTF-8 around a valid token.</summary>
    public static string BadlyEncodedForm(string token) =>
        $"application/x-www-form-urlencoded\n__RequestVerificationToken={Uri.EscapeDataString(token)}&body=%C3%28%zz%&returnUrl=%2F%2Fevil.example&Input.Body=%FF%FE";
}
