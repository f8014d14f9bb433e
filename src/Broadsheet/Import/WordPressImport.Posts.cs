using Broadsheet.Media;
using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Import;

/// <summary>Posts become articles, with their picture, their old permalink's redirect and their comments.</summary>
public sealed partial class WordPressImport
{
    /// <summary>A featured picture larger than this is not read (a real photo is a few megabytes).</summary>
    public const long MaxPictureBytes = 40 * 1024 * 1024;

    /// <summary>
    /// publish → Published, future → Scheduled, draft/pending → Draft, private → Draft (only its
    /// author could read it on WordPress, so it must not go public here); trash, auto-draft → skipped.
    /// A password-protected post is a Draft too: we have no passwords on stories, and publishing
    /// it would show everyone what only the password's holders could read.
    /// </summary>
    public static ArticleStatus? StatusOf(string wordpressStatus, bool passwordProtected = false) => wordpressStatus switch
    {
        "publish" or "future" when passwordProtected => ArticleStatus.Draft,
        "publish" => ArticleStatus.Published,
        "future" => ArticleStatus.Scheduled,
        "draft" or "pending" or "private" => ArticleStatus.Draft,
        _ => null,
    };

    private async Task PostAsync(WxrPost post, string? uploads, string media, CancellationToken ct)
    {
        var known = map.Find("post", post.Id);
        if (StatusOf(post.Status, post.PasswordProtected) is not { } status)
        {
            // Trashed on WordPress since an earlier run: it comes off the site here too.
            if (known is { } gone && await db.Articles.FindAsync([(int)gone], ct) is { } taken && taken.Status != ArticleStatus.Draft)
            {
                taken.Status = ArticleStatus.Draft;
                await db.SaveChangesAsync(ct);
                map.Record("post", post.Id, taken.Id, post.Fingerprint);
                articleIds.Add(taken.Id);
                summary.TakenDown("posts");
            }
            else summary.Skipped("posts");
            return;
        }
        if (post.PasswordProtected && post.Status is "publish" or "future")
            summary.Warn("posts", $"post {post.Id} is password-protected on WordPress: imported as a draft.");
        if (post.Sticky)
            summary.Warn("sticky posts", $"post {post.Id} is sticky on WordPress; Broadsheet leads with the hottest story, so feature it with the breaking-news bar if it must stay on top.");
        var article = known is { } id
            ? await db.Articles.Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == (int)id, ct)
            : null;
        // The export has not changed this post since the last run: what the newsroom did to it stays.
        if (article is not null && map.Unchanged("post", post.Id, post.Fingerprint))
        {
            summary.Unchanged("posts");
            await CommentsAsync(article, post, ct);
            return;
        }
        var wasPublic = article is { Status: not ArticleStatus.Draft };
        var title = ImportMap.Fit(WordPressHtml.TextOf(post.Title) is { Length: > 0 } t ? t : $"Untitled story {post.Id}", 300);
        if (article is null)
        {
            var slug = await FreeSlugAsync(ImportSlug.From(post.Slug.Length > 0 ? post.Slug : title, $"story-{post.Id}"), Slug.MaxLength,
                s => db.Articles.AnyAsync(a => a.Slug == s, ct));
            // Added to the context only once its section and byline are set (the term lookups save as they go).
            article = new Article { Title = title, Slug = slug };
            summary.Created("posts");
        }
        else if (!(wasPublic && status == ArticleStatus.Draft)) summary.Updated("posts"); // else counted as taken down below

        var content = await InlinePicturesAsync(post.Content, $"post {post.Id}", ct);
        var body = WordPressHtml.ToArticleBody(content, id => file.Attachments.TryGetValue(id, out var a) && a.Url.Length > 0 ? a.Url : null);
        foreach (var (kind, message) in body.Warnings) summary.Warn(kind, $"post {post.Id}: {message}.");
        article.Title = title;
        article.Standfirst = ImportMap.Fit(WordPressHtml.TextOf(post.Excerpt), 1000);
        (article.BodyMarkdown, article.BodyHtml, article.BodyText, article.ReadingMinutes) = (body.Markdown, body.Html, body.Text, body.ReadingMinutes);
        article.Status = status;
        if (status != ArticleStatus.Draft && post.Date is null) summary.Warn("posts", $"post {post.Id} has no date: dated now.");
        article.PublishedAt = status == ArticleStatus.Draft ? null : post.Date ?? now;
        article.UpdatedAt = post.Modified ?? post.Date ?? now;
        article.CommentsClosed = post.CommentsClosed;
        await TermsAsync(article, post, ct);
        // Co-Authors Plus's first author is the byline's first; without its terms, dc:creator is.
        var coAuthors = await CoAuthorsAsync(post, ct);
        article.AuthorId = (coAuthors?[0] ?? await BylineAsync(post.Creator, ct)).Id;
        var picture = await PictureAsync(article, post, uploads, media, ct);
        if (article.Id == 0) db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        if (coAuthors is not null) await SetMoreBylinesAsync(article, coAuthors, ct);
        map.Record("post", post.Id, article.Id, post.Fingerprint);
        if (wasPublic && status == ArticleStatus.Draft) summary.TakenDown("posts");
        if (picture is not null) map.Record("image", picture, article.Id);
        articleIds.Add(article.Id);

        if (Uri.TryCreate(post.Link, UriKind.Absolute, out var link))
            await RedirectAsync(Uri.UnescapeDataString(link.AbsolutePath), $"/articles/{article.Slug}", ct);
        // The plain permalink every WordPress post also answers, whatever the pretty one (Pages/WordPressQueryLinks).
        await RedirectAsync(QueryLink("p", post.Id), $"/articles/{article.Slug}", ct);
        await CommentsAsync(article, post, ct);
    }

    /// <summary>The primary category (Yoast's choice when set, else the first) is the section; the other categories and the tags are tags.</summary>
    private async Task TermsAsync(Article article, WxrPost post, CancellationToken ct)
    {
        var categories = post.Terms.Where(t => t.Taxonomy == "category").ToList();
        var primaryId = post.Meta.GetValueOrDefault("_yoast_wpseo_primary_category", "");
        // Yoast's primary category first, then the rest in the export's order.
        var ordered = categories.OrderBy(t => file.Categories.Any(c => c.Id.Length > 0 && c.Id == primaryId && c.Slug == t.Slug) ? 0 : 1).ToList();
        var primary = ordered.FirstOrDefault(t => sections.Contains(t.Slug.ToLowerInvariant()));
        var section = primary is not null ? await CategoryAsync(primary, ct)
            : ordered.Select(t => SectionAncestor(t.Slug)).FirstOrDefault(a => a is not null) is { } ancestor ? await CategoryAsync(ancestor, ct)
            : await UncategorizedAsync(ct);
        article.CategoryId = section.Id;
        article.Tags.Clear();
        foreach (var term in post.Terms.Where(t => t != primary && t.Taxonomy is "category" or "post_tag"))
        {
            // A section is one archive: a second section is not repeated as a tag of the same name.
            if (term.Taxonomy == "category" && sections.Contains(term.Slug.ToLowerInvariant()))
            {
                summary.Warn("second sections", $"post {post.Id} is in more than one section; filed under '{section.Name}' only.");
                continue;
            }
            var tag = await TagAsync(term, term.Taxonomy, ct);
            if (!article.Tags.Contains(tag)) article.Tags.Add(tag);
        }
    }

    /// <summary>The nearest parent category that is a section (a post in "News › Harbour" belongs to News).</summary>
    private WxrTerm? SectionAncestor(string slug)
    {
        for (var (at, depth) = (slug.ToLowerInvariant(), 0); depth < 10; depth++)
        {
            var parent = file.Categories.FirstOrDefault(c => string.Equals(c.Slug, at, StringComparison.OrdinalIgnoreCase))?.ParentSlug ?? "";
            if (parent.Length == 0) return null;
            if (sections.Contains(parent.ToLowerInvariant())) return file.Categories.First(c => string.Equals(c.Slug, parent, StringComparison.OrdinalIgnoreCase));
            at = parent.ToLowerInvariant();
        }
        return null; // ten levels, or a loop in a corrupt export
    }

    /// <summary>A post by a login the export does not list still gets a byline (without an account).</summary>
    private async Task<Author> BylineAsync(string login, CancellationToken ct)
    {
        login = login.Length > 0 ? login : "unknown";
        if (bylinesByLogin.TryGetValue(login, out var byline)) return byline;
        summary.Warn("authors", $"posts by '{login}', who is not among the export's authors, get a byline without an account.");
        await AuthorsAsync([new WxrAuthor($"login:{login}", login, "", login)], ct);
        return bylinesByLogin[login];
    }

    /// <summary>Stores the featured picture; returns its attachment id when a new file was written.</summary>
    private async Task<string?> PictureAsync(Article article, WxrPost post, string? uploads, string media, CancellationToken ct)
    {
        if (post.Meta.GetValueOrDefault("_thumbnail_id", "") is not { Length: > 0 } thumbnail || thumbnail == "0") return null;
        if (!file.Attachments.TryGetValue(thumbnail, out var attachment))
        {
            return Skip($"post {post.Id}: its featured image (attachment {thumbnail}) is not in the export.");
        }
        article.ImageAlt = ImportMap.Fit(attachment.Alt, 300);
        // The credit rule (Media/PictureCredit.FromWordPress, docs/import.md): a trailing "Photo: X" in
        // the caption or the description, or "Public domain via {link}"; the caption keeps the rest.
        var credit = PictureCredit.FromWordPress(WordPressHtml.TextOf(attachment.Caption), WordPressHtml.TextOf(attachment.Description));
        article.ImageCaption = ImportMap.Fit(credit.Caption, 500);
        (article.ImageCredit, article.ImageLicence) = (credit.Credit, credit.Licence);
        // Already brought in for this story on an earlier run: the file stays, the words are refreshed.
        if (article.ImagePath is not null && map.Find("image", attachment.Id) == article.Id)
        {
            summary.Updated("images");
            return null;
        }
        if (uploads is null)
        {
            return Skip($"post {post.Id}: featured image not imported (give --uploads DIR, a copy of wp-content/uploads).");
        }
        if (UploadPath.Resolve(attachment.Url, uploads, out var refused) is not { } path)
        {
            return Skip($"post {post.Id}: featured image refused: {refused}.");
        }
        if (!File.Exists(path) || new FileInfo(path).Length > MaxPictureBytes)
        {
            return Skip($"post {post.Id}: featured image {path} is missing or larger than {MaxPictureBytes / 1024 / 1024} MB.");
        }
        if (Pictures.Clean(await File.ReadAllBytesAsync(path, ct), out var damaged) is not { } picture)
        {
            return Skip($"post {post.Id}: featured image {path} refused: {damaged}.");
        }
        var name = await Pictures.SaveAsync(picture, media, ct);
        writtenFiles.Add(Path.Combine(media, name));
        (article.ImagePath, article.ImageWidth, article.ImageHeight) = (name, picture.Width, picture.Height);
        summary.Created("images");
        return attachment.Id;
    }

    private string? Skip(string warning)
    {
        summary.Skipped("images");
        summary.Warn("pictures", warning);
        return null;
    }
}
