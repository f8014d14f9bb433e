using Broadsheet.Accounts;
using Broadsheet.Audit;
using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Follows;
using Broadsheet.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Broadsheet.Newsroom.Site;

/// <summary>What a sections-and-tags change came to: done (with a sentence), or refused with a status and a reason.</summary>
public sealed record SectionResult(int Status, string Message)
{
    public bool Done => Status == 200;
    public static SectionResult Ok(string message) => new(200, message);
    public static SectionResult Invalid(string message) => new(422, message);
    public static SectionResult Missing => new(404, "That section or tag is not there any more.");
}

/// <summary>
/// Creates, renames, reorders, merges and deletes sections (categories) and tags. Each change is
/// one transaction with its audit entry and redirects; then the page cache and the navigation
/// copy are dropped. The search index follows through the database triggers (renames, article
/// moves and ArticleTags rows), so a merge rewrites ArticleTags rows rather than the tag's id.
/// </summary>
public sealed partial class SectionAdmin(BroadsheetDb db, AuditLog audit, TimeProvider clock, IOutputCacheStore pages)
{
    public const int NameMax = 100;
    public const int SlugMax = 100;

    private static string Noun(SectionKind kind) => kind == SectionKind.Category ? "section" : "tag";
    private static string Audit(SectionKind kind, string verb) => $"{Noun(kind)}.{verb}";
    private static FollowKind FollowKindOf(SectionKind kind) => kind == SectionKind.Category ? FollowKind.Category : FollowKind.Tag;

    /// <summary>Checks a name and the slug it asks for (or makes one from the name); null slug with a message when refused.</summary>
    public static (string? Slug, string? Problem) Check(string name, string? slug)
    {
        if (NameProblem(name) is { } problem) return (null, problem);
        var wanted = string.IsNullOrWhiteSpace(slug) ? Shared.Slug.From(name, SlugMax) : slug.Trim();
        if (wanted.Length == 0) return (null, "Give a slug of letters or digits: the name has none to make one from.");
        if (wanted.Length > SlugMax || !Shared.Slug.IsValid(wanted))
            return (null, $"\"{wanted}\" cannot be a slug: use lower-case letters, digits and single hyphens, at most {SlugMax}.");
        return (wanted, null);
    }

    private static string? NameProblem(string name) => name.Length is 0 or > NameMax ? $"A name needs 1 to {NameMax} characters." : null;

    public async Task<SectionResult> CreateAsync(ClaimsPrincipal actor, SectionKind kind, string name, string? slug, CancellationToken ct)
    {
        name = name.Trim();
        var (wanted, problem) = Check(name, slug);
        if (wanted is null) return SectionResult.Invalid(problem!);
        if (await SlugTakenAsync(kind, wanted, null, ct)) return Taken(kind, wanted);
        if (kind == SectionKind.Category)
        {
            var position = (await db.Categories.MaxAsync(c => (int?)c.Position, ct) ?? 0) + 10;
            db.Categories.Add(new Category { Name = name, Slug = wanted, Position = position });
        }
        else db.Tags.Add(new Tag { Name = name, Slug = wanted });
        // The slug names the new row: its id does not exist until this same save.
        audit.Add(actor, Audit(kind, "create"), KindName(kind), wanted, $"Created the {Noun(kind)} \"{name}\" ({SectionPaths.Prefix(kind)}{wanted}).");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (!DatabaseUnavailable.Is(ex)) { return Taken(kind, wanted); } // another admin took the slug a moment ago (UNIQUE)
        await ChangedAsync(ct);
        return SectionResult.Ok($"Created the {Noun(kind)} \"{name}\" at {SectionPaths.Prefix(kind)}{wanted}.");
    }

    public async Task<SectionResult> RenameAsync(ClaimsPrincipal actor, SectionKind kind, int id, string name, string? slug, CancellationToken ct)
    {
        name = name.Trim();
        if (await FindAsync(kind, id, ct) is not { } current) return SectionResult.Missing;
        var (oldName, oldSlug) = current;
        // A new name alone keeps the address.
        var (wanted, problem) = string.IsNullOrWhiteSpace(slug) ? (NameProblem(name) is { } p ? (null, p) : (oldSlug, null)) : Check(name, slug);
        if (wanted is null) return SectionResult.Invalid(problem!);
        if (oldName == name && oldSlug == wanted) return SectionResult.Ok("Nothing had changed.");
        if (wanted != oldSlug && await SlugTakenAsync(kind, wanted, id, ct)) return Taken(kind, wanted);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var set = kind == SectionKind.Category
            ? await db.Categories.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name).SetProperty(c => c.Slug, wanted), ct)
            : await db.Tags.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, name).SetProperty(t => t.Slug, wanted), ct);
        if (set == 0) return SectionResult.Missing;
        if (wanted != oldSlug) await MoveAddressesAsync(kind, oldSlug, wanted, ct);
        audit.Add(actor, Audit(kind, "rename"), KindName(kind), id.ToString(),
            $"Renamed \"{oldName}\" ({SectionPaths.Prefix(kind)}{oldSlug}) to \"{name}\" ({SectionPaths.Prefix(kind)}{wanted}).");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await ChangedAsync(ct);
        return SectionResult.Ok(wanted == oldSlug
            ? $"Renamed to \"{name}\"."
            : $"Renamed to \"{name}\"; {SectionPaths.Prefix(kind)}{oldSlug} now redirects to {SectionPaths.Prefix(kind)}{wanted}.");
    }

    public async Task<SectionResult> DeleteAsync(ClaimsPrincipal actor, SectionKind kind, int id, CancellationToken ct)
    {
        if (await FindAsync(kind, id, ct) is not { } found) return SectionResult.Missing;
        var (name, slug) = found;
        // A static page's hidden companion (Articles/Companion) is not a story: it does not keep a
        // section from being deleted, and moves to another section, which it never shows.
        var used = kind == SectionKind.Category
            ? await db.Articles.CountAsync(a => a.CategoryId == id && a.Status != ArticleStatus.Companion, ct)
            : await db.Articles.CountAsync(a => a.Tags.Any(t => t.Id == id), ct);
        if (used > 0) return SectionResult.Invalid($"\"{name}\" still has {used} {(used == 1 ? "story" : "stories")}: merge it into another {Noun(kind)} instead.");
        int? elsewhere = null;
        if (kind == SectionKind.Category && await db.Articles.AnyAsync(a => a.CategoryId == id, ct))
        {
            elsewhere = await db.Categories.Where(c => c.Id != id).OrderBy(c => c.Position).ThenBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (elsewhere is null)
                return SectionResult.Invalid($"\"{name}\" is the last section, and pages' votes, views or comments are kept under one: add another section first.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (elsewhere is { } other)
            await db.Articles.Where(a => a.CategoryId == id && a.Status == ArticleStatus.Companion).ExecuteUpdateAsync(s => s.SetProperty(a => a.CategoryId, other), ct);
        var follow = FollowKindOf(kind);
        await db.Follows.Where(f => f.Kind == follow && f.TargetId == id).ExecuteDeleteAsync(ct);
        var gone = kind == SectionKind.Category
            ? await db.Categories.Where(c => c.Id == id).ExecuteDeleteAsync(ct)
            : await db.Tags.Where(t => t.Id == id).ExecuteDeleteAsync(ct);
        if (gone == 0) return SectionResult.Missing;
        audit.Add(actor, Audit(kind, "delete"), KindName(kind), id.ToString(), $"Deleted the empty {Noun(kind)} \"{name}\" ({SectionPaths.Prefix(kind)}{slug}).");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await ChangedAsync(ct);
        return SectionResult.Ok($"Deleted the {Noun(kind)} \"{name}\".");
    }

    private static string KindName(SectionKind kind) => kind == SectionKind.Category ? "category" : "tag";

    private static SectionResult Taken(SectionKind kind, string slug) =>
        SectionResult.Invalid($"{SectionPaths.Prefix(kind)}{slug} is taken by another {Noun(kind)}. Choose another slug, or merge the two.");

    private async Task<(string Name, string Slug)?> FindAsync(SectionKind kind, int id, CancellationToken ct)
    {
        var row = kind == SectionKind.Category
            ? await db.Categories.Where(c => c.Id == id).Select(c => new { c.Name, c.Slug }).FirstOrDefaultAsync(ct)
            : await db.Tags.Where(t => t.Id == id).Select(t => new { t.Name, t.Slug }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Name, row.Slug);
    }

    private async Task<bool> SlugTakenAsync(SectionKind kind, string slug, int? except, CancellationToken ct) => kind == SectionKind.Category
        ? await db.Categories.AnyAsync(c => c.Slug == slug && c.Id != except, ct)
        : await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != except, ct);

    /// <summary>
    /// The section's page and feeds moved: each old address answers 301 to its new one (see <see cref="Redirects.MoveAsync"/>).
    /// </summary>
    private async Task MoveAddressesAsync(SectionKind kind, string oldSlug, string newSlug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (from, to) in SectionPaths.Moves(kind, oldSlug, newSlug)) await Redirects.MoveAsync(db, from, to, now, ct);
    }

    // Evicting the pages also drops every instance's copy of the navigation (SharedEvictions).
    private Task ChangedAsync(CancellationToken ct) => pages.ContentChangedAsync(ct).AsTask();
}
