using Broadsheet.Audit;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// Loads, checks and saves articles for the newsroom. Every save stores a revision, and every
/// workflow action an audit entry, in the same SaveChanges as the change itself; anything a
/// reader could see evicts the page cache.
/// </summary>
public sealed class ArticleDesk(BroadsheetDb db, AuditLog audit, TimeProvider clock, IOutputCacheStore cache, BreakingNews breaking, IAuthorizationService auth)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The user's place in the workflow table, from the Editors policy (the same one that gates editors' pages).</summary>
    public async Task<DeskRole> RoleOfAsync(ClaimsPrincipal user) =>
        (await auth.AuthorizeAsync(user, Policies.Editors)).Succeeded ? DeskRole.Editor : DeskRole.Author;

    /// <summary>The first author's account, or a co-author's (issue 24: a co-author may do what the first author may; needs Bylines.Author loaded).</summary>
    public static bool Owns(ClaimsPrincipal user, Article a) =>
        user.UserId() is int me && (a.Author?.UserId == me || a.Bylines.Any(b => b.Author?.UserId == me));

    /// <summary>
    /// The article with its byline, section and tags; null when it does not exist or the user is
    /// an author and it is not theirs (an author cannot tell someone else's draft from no draft).
    /// </summary>
    public async Task<Article?> FindAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.Author).Include(a => a.Category).Include(a => a.Tags)
            .Include(a => a.Bylines).ThenInclude(b => b.Author)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        return article is null || await RoleOfAsync(user) == DeskRole.Author && !Owns(user, article) ? null : article;
    }

    public static string SlugTaken(string slug) => $"That address (/articles/{slug}) is taken; choose another.";

    /// <summary>True when readers can reach the article's address (or could, before it was taken down).</summary>
    public bool WasPublic(Article a) =>
        a.Status is ArticleStatus.Published or ArticleStatus.Unpublished || a.Status == ArticleStatus.Scheduled && a.PublishedAt <= Now;

    /// <summary>Checks the input and copies it onto the article. Returns the problems, each a sentence; none means applied.</summary>
    public async Task<List<string>> ApplyAsync(Article a, ArticleInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new List<string>();
        var title = (input.Title ?? "").Trim();
        if (title.Length is 0 or > 300) errors.Add("Give the article a title of 1 to 300 characters.");
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? Slug.From(title) : input.Slug.Trim();
        if (!Slug.IsValid(slug))
            errors.Add("The slug may use only lower-case letters, digits and single hyphens between them (for example \"harbour-ferry-times\").");
        // Neutral on purpose: the other article may be someone else's unpublished draft, whose
        // title is not this author's to read.
        else if (await db.Articles.AnyAsync(x => x.Slug == slug && x.Id != a.Id, ct))
            errors.Add(SlugTaken(slug));
        var standfirst = (input.Standfirst ?? "").Trim();
        if (standfirst.Length > 1000) errors.Add("Keep the standfirst under 1000 characters.");
        var body = input.Body ?? "";
        if (body.Length > ArticleInput.BodyMax) errors.Add($"The body is longer than {ArticleInput.BodyMax} characters.");
        else if (Shared.MarkdownNesting.Problem(body) is { } nested) errors.Add(nested); // before SetBody hands it to Markdig
        if (!await db.Categories.AnyAsync(c => c.Id == input.CategoryId, ct)) errors.Add("Choose a section.");
        var tags = ArticleInput.TagNames(input.Tags);
        if (tags.Count > ArticleInput.MaxTags || tags.Any(t => t.Length > 100)) errors.Add($"Use at most {ArticleInput.MaxTags} tags of up to 100 characters each.");
        var seoTitle = Blank((input.SeoTitle ?? "").Trim());
        var seoDescription = Blank((input.SeoDescription ?? "").Trim());
        if (seoTitle?.Length > ArticleInput.SeoTitleMax) errors.Add($"Keep the SEO title to {ArticleInput.SeoTitleMax} characters; search engines cut longer ones.");
        if (seoDescription?.Length > ArticleInput.SeoDescriptionMax) errors.Add($"Keep the SEO description to {ArticleInput.SeoDescriptionMax} characters; search engines cut longer ones.");

        var picture = await PictureAsync(a, (input.Image ?? "").Trim(), errors, ct);
        var alt = (input.ImageAlt ?? "").Trim();
        var caption = (input.ImageCaption ?? "").Trim();
        if (picture.Path is not null && alt.Length == 0) errors.Add("Describe the picture in its alt text, for readers who cannot see it.");
        if (alt.Length > 300 || caption.Length > 500) errors.Add("Keep the alt text under 300 characters and the caption under 500.");

        // Only editors put a story in the site-wide bar; an author's form cannot change it.
        var breaking = a.BreakingUntil;
        if (await RoleOfAsync(user) == DeskRole.Editor)
        {
            breaking = input.Breaking ? ArticleInput.Utc(input.BreakingUntil) : null;
            if (input.Breaking && breaking is null) errors.Add("Give the time until which the story stays in the breaking-news bar.");
        }
        if (errors.Count > 0) return errors;

        a.Title = title;
        a.Slug = slug;
        a.Standfirst = standfirst;
        if (a.BodyMarkdown != body || a.BodyHtml.Length == 0) a.SetBody(body);
        a.CategoryId = input.CategoryId;
        (a.ImagePath, a.ImageWidth, a.ImageHeight, a.ImageCredit, a.ImageLicence) = picture;
        a.ImageAlt = picture.Path is null ? "" : alt;
        a.ImageCaption = picture.Path is null ? "" : caption;
        a.SeoTitle = seoTitle;
        a.SeoDescription = seoDescription;
        a.CommentsClosed = input.CommentsClosed;
        a.BreakingUntil = breaking;
        await SetTagsAsync(a, tags, ct);
        if (a.AuthorId == 0) a.Author = await BylineAsync(user, ct);
        return errors;
    }

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    /// <summary>
    /// The chosen picture's file, size and credit: an uploaded one (its credit is the library's), or the
    /// one the article already has (an imported picture has no upload row, and keeps what the import read).
    /// </summary>
    private async Task<(string? Path, int? Width, int? Height, string Credit, string Licence)> PictureAsync(Article a, string chosen, List<string> errors, CancellationToken ct)
    {
        if (chosen.Length == 0) return (null, null, null, "", "");
        var dot = chosen.LastIndexOf('.');
        var stem = dot > 0 ? chosen[..dot] : chosen;
        var ext = dot > 0 ? chosen[(dot + 1)..] : "";
        var image = await db.MediaImages.AsNoTracking().FirstOrDefaultAsync(m => m.Stem == stem && m.Extension == ext, ct);
        if (image is not null) return (image.FileName, image.Width, image.Height, image.Credit, image.Licence);
        if (chosen == a.ImagePath) return (a.ImagePath, a.ImageWidth, a.ImageHeight, a.ImageCredit, a.ImageLicence);
        errors.Add("That picture is not in the media library. Choose another or upload it first.");
        return (null, null, null, "", "");
    }

    private async Task SetTagsAsync(Article a, List<string> names, CancellationToken ct)
    {
        var slugs = names.Select(ArticleInput.TagSlug).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(ct);
        a.Tags.Clear();
        for (var i = 0; i < names.Count; i++)
            a.Tags.Add(existing.FirstOrDefault(t => t.Slug == slugs[i]) ?? new Tag { Name = names[i], Slug = slugs[i] });
    }

    /// <summary>The user's byline; made on their first article (display name, a slug not yet taken).</summary>
    public async Task<Author> BylineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId()!.Value;
        if (await db.Authors.FirstOrDefaultAsync(x => x.UserId == userId, ct) is { } mine) return mine;
        var name = user.DisplayName() is { Length: > 0 } n ? n : "Staff writer";
        var stem = Slug.From(name, 100) is { Length: > 0 } s ? s : "writer";
        var slug = stem;
        for (var i = 2; await db.Authors.AnyAsync(x => x.Slug == slug, ct); i++) slug = $"{stem}-{i}";
        var author = new Author { DisplayName = name.Length > 120 ? name[..120] : name, Slug = slug, UserId = userId };
        db.Authors.Add(author);
        return author;
    }

    /// <summary>
    /// Stores the article with a revision (and an audit entry when <paramref name="auditAction"/> is
    /// given). A live article whose slug changed keeps its old address as a 301. False when
    /// the slug was taken in the meantime (the UNIQUE index answered).
    /// </summary>
    public async Task<bool> CommitAsync(Article a, ClaimsPrincipal user, string reason, string auditAction, string? oldSlug, bool wasPublic, CancellationToken ct)
    {
        a.UpdatedAt = Now;
        if (wasPublic && oldSlug is not null && oldSlug != a.Slug) await Redirects.MoveAsync(db, $"/articles/{oldSlug}", $"/articles/{a.Slug}", Now, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct); // a new article needs its id before the revision names it
        }
        catch (DbUpdateException ex) when (!DatabaseUnavailable.Is(ex)) // an outage is a 503, not "slug taken"
        {
            return false;
        }
        AddRevision(a, user, reason);
        if (auditAction.Length > 0) audit.Add(user, auditAction, "article", a.Id.ToString(), $"\"{a.Title}\" is now {a.Status.ToString().ToLowerInvariant()}{When(a)}.");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        breaking.Forget();
        await cache.ContentChangedAsync(ct);
        return true;
    }

    private static string When(Article a) => a.Status == ArticleStatus.Scheduled ? $" for {a.PublishedAt:yyyy-MM-dd HH:mm} UTC" : "";

    /// <summary>
    /// An autosave: the draft's text as typed, kept as the one "autosave" revision since the last
    /// real save (replaced each time, so typing does not bury the history).
    /// </summary>
    public async Task<bool> AutosaveAsync(Article a, ClaimsPrincipal user, CancellationToken ct)
    {
        a.UpdatedAt = Now;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (!DatabaseUnavailable.Is(ex)) { return false; }
        var last = await db.ArticleRevisions.Where(r => r.ArticleId == a.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (last is { Reason: "autosave" }) db.ArticleRevisions.Remove(last);
        AddRevision(a, user, "autosave");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Makes a picture just uploaded from the editor the draft's picture, with the alt text given at
    /// upload, stored at once (with a revision) so the author comes back to it. False when the article
    /// is gone, not the user's to edit, or no longer a draft: a live story changes only through Save.
    /// </summary>
    public async Task<bool> UsePictureAsync(int id, MediaImage image, ClaimsPrincipal user, CancellationToken ct)
    {
        var a = await FindAsync(id, user, ct);
        if (a is null || a.Status != ArticleStatus.Draft || !ArticleWorkflow.Decide(await RoleOfAsync(user), Owns(user, a), a.Status, WorkflowAction.Save).Allowed)
            return false;
        (a.ImagePath, a.ImageWidth, a.ImageHeight) = (image.FileName, image.Width, image.Height);
        (a.ImageAlt, a.ImageCredit, a.ImageLicence) = (image.Alt, image.Credit, image.Licence);
        return await CommitAsync(a, user, "picture", "", null, false, ct);
    }

    public void Add(Article a) => db.Articles.Add(a);

    private void AddRevision(Article a, ClaimsPrincipal user, string reason) => db.ArticleRevisions.Add(new ArticleRevision
    {
        ArticleId = a.Id,
        SavedAt = Now,
        SavedByUserId = user.UserId(),
        SavedByName = user.DisplayName(),
        Reason = reason,
        Title = a.Title,
        Slug = a.Slug,
        Standfirst = a.Standfirst,
        BodyMarkdown = a.BodyMarkdown,
        Fields = RevisionFields.Of(a).ToJson(),
    });

    /// <summary>/articles/{old} answers 301 to the new address; older redirects to the old path move too, so there is never a chain.</summary>
    /// <summary>Applies a revision's text and fields to the article (the caller saves it as "restore").</summary>
    public async Task<List<string>> RestoreAsync(Article a, ArticleRevision r, ClaimsPrincipal user, CancellationToken ct)
    {
        var f = RevisionFields.Parse(r.Fields);
        var input = new ArticleInput
        {
            Title = r.Title, Slug = r.Slug, Standfirst = r.Standfirst, Body = r.BodyMarkdown,
            CategoryId = await db.Categories.AnyAsync(c => c.Id == f.CategoryId, ct) ? f.CategoryId : a.CategoryId,
            Tags = string.Join(", ", f.Tags ?? []), Image = f.ImagePath ?? "", ImageAlt = f.ImageAlt, ImageCaption = f.ImageCaption,
            SeoTitle = f.SeoTitle, SeoDescription = f.SeoDescription, CommentsClosed = f.CommentsClosed,
            Breaking = f.BreakingUntil is not null, BreakingUntil = f.BreakingUntil,
        };
        var errors = await ApplyAsync(a, input, user, ct);
        if (errors.Count == 0 && f.ImagePath is not null) (a.ImageWidth, a.ImageHeight) = (f.ImageWidth ?? a.ImageWidth, f.ImageHeight ?? a.ImageHeight);
        return errors;
    }
}
