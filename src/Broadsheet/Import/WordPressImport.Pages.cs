using Broadsheet.Articles;
using Broadsheet.Pages;
using Microsoft.EntityFrameworkCore;
using System.Text.RegularExpressions;

namespace Broadsheet.Import;

/// <summary>
/// WordPress pages become static pages (/pages/{slug}) with redirects from their old addresses;
/// attachment pages redirect to the story or page they belong to; date archives to /latest.
/// Re-runs follow the same Fingerprint rule as posts (docs/import.md).
/// </summary>
public sealed partial class WordPressImport
{
    /// <summary>As posts: publish → Published; draft, pending, private, future → Draft (a page has no schedule); trash and the rest → not imported, or taken down.</summary>
    public static PageStatus? PageStatusOf(string wordpressStatus, bool passwordProtected = false) => wordpressStatus switch
    {
        "publish" when passwordProtected => PageStatus.Draft,
        "publish" => PageStatus.Published,
        "draft" or "pending" or "private" or "future" => PageStatus.Draft,
        _ => null,
    };

    private readonly Dictionary<string, string> pagePaths = [];

    private async Task PagesAsync(CancellationToken ct)
    {
        foreach (var wp in file.Pages) await PageAsync(wp, ct);
        await AttachmentRedirectsAsync(ct);
        await DateArchiveRedirectsAsync(ct);
    }

    private async Task PageAsync(WxrPost wp, CancellationToken ct)
    {
        var known = map.Find("page", wp.Id);
        var page = known is { } id ? await db.Pages.FirstOrDefaultAsync(p => p.Id == (int)id, ct) : null;
        if (PageStatusOf(wp.Status, wp.PasswordProtected) is not { } status)
        {
            // Trashed on WordPress since an earlier run: it comes off the site here too.
            if (page is { Status: PageStatus.Published })
            {
                page.Status = PageStatus.Draft;
                await db.SaveChangesAsync(ct);
                map.Record("page", wp.Id, page.Id, wp.Fingerprint);
                summary.TakenDown("pages");
            }
            else summary.Skipped("pages");
            return;
        }
        if (wp.PasswordProtected && wp.Status == "publish")
            summary.Warn("pages", $"page {wp.Id} is password-protected on WordPress: imported as a draft.");
        if (wp.Comments.Count > 0)
            summary.Warn("page comments", $"page {wp.Id} has {wp.Comments.Count} comment(s): pages take no comments here, so they were left out.");
        // Unchanged in the export since the last run: what the newsroom did to the page stays.
        if (page is not null && map.Unchanged("page", wp.Id, wp.Fingerprint))
        {
            summary.Unchanged("pages");
            pagePaths[wp.Id] = PageDesk.PathOf(page.Slug);
            return;
        }
        var title = ImportMap.Fit(WordPressHtml.TextOf(wp.Title) is { Length: > 0 } t ? t : $"Untitled page {wp.Id}", 300);
        var wasLive = page?.Status == PageStatus.Published;
        if (page is null)
        {
            var wanted = ImportSlug.From(wp.Slug.Length > 0 ? wp.Slug : title, $"page-{wp.Id}");
            // A slug in a script we do not transliterate can leave only a number ("επίπεδο-2" → "2"): the title says more.
            if (!wanted.Any(char.IsAsciiLetter)) wanted = ImportSlug.From(title, $"page-{wp.Id}");
            var slug = await FreeSlugAsync(wanted, Shared.Slug.MaxLength,
                s => db.Pages.AnyAsync(p => p.Slug == s, ct));
            page = new Page { Title = title, Slug = slug, CreatedAt = wp.Date ?? now };
            db.Pages.Add(page);
            summary.Created("pages");
        }
        else if (!(wasLive && status == PageStatus.Draft)) summary.Updated("pages");

        var content = await InlinePicturesAsync(wp.Content, $"page {wp.Id}", ct);
        var body = WordPressHtml.ToArticleBody(content, a => file.Attachments.TryGetValue(a, out var at) && at.Url.Length > 0 ? at.Url : null);
        foreach (var (kind, message) in body.Warnings) summary.Warn(kind, $"page {wp.Id}: {message}.");
        page.Title = title;
        (page.BodyMarkdown, page.BodyHtml, page.BodyText) = (body.Markdown, body.Html, body.Text);
        page.Description = ImportMap.Fit(WordPressHtml.TextOf(wp.Excerpt), 500);
        page.Status = status;
        page.Position = Math.Clamp(wp.MenuOrder, -10_000, 10_000);
        page.UpdatedAt = wp.Modified ?? wp.Date ?? now;
        var byline = await BylineAsync(wp.Creator, ct);
        (page.AuthorUserId, page.AuthorName) = (byline.UserId, byline.DisplayName);
        await db.SaveChangesAsync(ct);
        map.Record("page", wp.Id, page.Id, wp.Fingerprint);
        if (wasLive && status == PageStatus.Draft) summary.TakenDown("pages");

        var to = PageDesk.PathOf(page.Slug);
        pagePaths[wp.Id] = to;
        if (Uri.TryCreate(wp.Link, UriKind.Absolute, out var link)) await RedirectAsync(Uri.UnescapeDataString(link.AbsolutePath), to, ct);
        await RedirectAsync(QueryLink("page_id", wp.Id), to, ct);
        await RedirectAsync(QueryLink("p", wp.Id), to, ct); // WordPress answers ?p= for a page too
    }

    /// <summary>
    /// An attachment page (its pretty path, and ?attachment_id=N) goes to the file itself when the
    /// file came across (a featured picture, or its copy in the media library: the full size, the
    /// largest we keep), else to the story or page it belongs to. Unattached media has no other
    /// page, so its file is the only place to send a reader.
    /// </summary>
    private async Task AttachmentRedirectsAsync(CancellationToken ct)
    {
        foreach (var a in file.Attachments.Values)
        {
            var to = await FileOfAsync(a, ct) ?? await ParentPathAsync(a.ParentId, ct);
            // An attachment imported as a story's featured picture belongs to that story even without a parent.
            if (to is null && map.Find("image", a.Id) is { } articleId)
                to = await db.Articles.Where(x => x.Id == (int)articleId).Select(x => "/articles/" + x.Slug).FirstOrDefaultAsync(ct);
            if (to is null) continue; // unattached media with no story: nothing here to send a reader to
            if (Uri.TryCreate(a.Link, UriKind.Absolute, out var link) && link.Query.Length == 0)
                await RedirectAsync(Uri.UnescapeDataString(link.AbsolutePath), to, ct);
            await RedirectAsync(QueryLink("attachment_id", a.Id), to, ct);
        }
    }

    private async Task<string?> FileOfAsync(WxrAttachment a, CancellationToken ct)
    {
        if (map.Find("image", a.Id) is { } articleId
            && await db.Articles.Where(x => x.Id == (int)articleId).Select(x => x.ImagePath).FirstOrDefaultAsync(ct) is { } featured)
            return Media.MediaFolder.UrlOf(featured);
        if (uploads is null || !IsPicture(a.Url) || !UploadPath.IsUpload(a.Url)) return null;
        var (picture, why) = await UploadAsync(a.Url, ImportMap.Fit(a.Alt, 300), ct);
        if (picture is null) summary.Warn("media", $"attachment {a.Id} not brought into the media library ({why}); its page goes to its post, if it has one.");
        return picture is null ? null : Media.MediaFolder.UrlOf(picture.FileName);
    }

    private async Task<string?> ParentPathAsync(string parentId, CancellationToken ct)
    {
        if (parentId.Length == 0 || parentId == "0") return null;
        if (pagePaths.TryGetValue(parentId, out var page)) return page;
        if (map.Find("post", parentId) is not { } articleId) return null;
        return await db.Articles.Where(x => x.Id == (int)articleId && x.Status != ArticleStatus.Draft).Select(x => "/articles/" + x.Slug).FirstOrDefaultAsync(ct);
    }

    // /2019/, /2019/05/ and /2019/05/14/ in front of a post's old permalink (the date-based structures).
    [GeneratedRegex(@"^/(\d{4})/(\d{2})/(?:(\d{2})/)?")]
    private static partial Regex DatedPermalink();

    /// <summary>Date archives of the old permalink structure go to /latest: Broadsheet has no archive by date.</summary>
    private async Task DateArchiveRedirectsAsync(CancellationToken ct)
    {
        var archives = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var post in file.Posts)
        {
            if (!Uri.TryCreate(post.Link, UriKind.Absolute, out var link)) continue;
            var path = Uri.UnescapeDataString(link.AbsolutePath);
            if (!path.StartsWith(file.SitePath + "/", StringComparison.Ordinal)) continue;
            if (DatedPermalink().Match(path[file.SitePath.Length..]) is not { Success: true } m) continue;
            archives.Add($"{file.SitePath}/{m.Groups[1].Value}/");
            archives.Add($"{file.SitePath}/{m.Groups[1].Value}/{m.Groups[2].Value}/");
            if (m.Groups[3].Success) archives.Add($"{file.SitePath}/{m.Groups[1].Value}/{m.Groups[2].Value}/{m.Groups[3].Value}/");
        }
        foreach (var archive in archives) await RedirectAsync(archive, "/latest", ct);
    }

    /// <summary>The plain-permalink form, as the Redirects table keeps it for Pages/WordPressQueryLinks: "/?page_id=2".</summary>
    private string QueryLink(string parameter, string id) => $"{file.SitePath}/?{parameter}={id}";
}
