using Broadsheet.Media;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Import;

/// <summary>
/// Brings a WXR export in: authors (accounts and bylines), categories, tags, posts with their
/// featured pictures and comments, and redirects from the old permalinks. All of it in one
/// database transaction; picture files written before a failed commit are deleted again, so a
/// failure leaves nothing behind. ImportedItems make a second run update rows in place.
/// </summary>
public sealed partial class WordPressImport(BroadsheetDb db, UserManager<User> users, TimeProvider clock,
    IConfiguration config, IWebHostEnvironment env, IPictureLibrary pictures, MediaVariants variants)
{
    private readonly ImportSummary summary = new();
    private readonly List<string> writtenFiles = [];
    private readonly HashSet<int> articleIds = [];
    private readonly Dictionary<string, Author> bylinesByLogin = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> accountsByWpId = [];
    private readonly Dictionary<string, Category> categoriesBySlug = [];
    private readonly Dictionary<string, Tag> tagsByKey = [];
    private ImportMap map = null!;
    private WxrFile file = null!;
    private DateTime now;
    private HashSet<string> sections = [];

    public async Task<ImportSummary> RunAsync(WxrFile wxr, string? uploads, IProgress<int>? progress, CancellationToken ct, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        (file, now, sections, this.uploads) = (wxr, clock.GetUtcNow().UtcDateTime, options.SectionsOf(wxr), uploads);
        var media = MediaFolder.DirectoryOf(config, env);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            map = await ImportMap.LoadAsync(db, file.SiteUrl, now, ct);
            await AuthorsAsync(file.Authors, ct);
            foreach (var c in file.Categories)
                if (sections.Contains(c.Slug.ToLowerInvariant())) await CategoryAsync(c, ct);
                else await TagAsync(c, "category", ct);
            foreach (var t in file.Tags) await TagAsync(t, "post_tag", ct);
            var done = 0;
            foreach (var post in file.Posts)
            {
                await PostAsync(post, uploads, media, ct);
                await db.SaveChangesAsync(ct);
                LetGoOfSavedRows();
                progress?.Report(++done);
            }
            await PagesAsync(ct); // Import/WordPressImport.Pages.cs: pages, attachment pages, date archives
            await ArchiveRedirectsAsync(ct);
            await db.SaveChangesAsync(ct);
            await Ranking.HotnessRefresh.RunAsync(db, articleIds, now, ct);
            if (options.DryRun) throw new DryRunDone();
            await tx.CommitAsync(ct);
        }
        catch (DryRunDone)
        {
            // Everything ran, so the summary is the real one; nothing of it stays.
            await tx.RollbackAsync(CancellationToken.None);
            DeleteWrittenFiles();
        }
        catch
        {
            DeleteWrittenFiles();
            throw;
        }
        foreach (var (type, n) in file.OtherItems) summary.Warn("left out", $"{n} item(s) of type '{type}' are not posts and were left out.");
        return summary;
    }

    private void DeleteWrittenFiles()
    {
        foreach (var f in writtenFiles)
        {
            try { File.Delete(f); }
            catch (IOException) { } // the original failure is the one to report
        }
    }

    private sealed class DryRunDone : Exception;

    /// <summary>
    /// Every save compares each tracked row with its snapshot, so a tracker that keeps every
    /// story, comment, redirect and map row makes an import quadratic (DetectChanges was 65 % of
    /// a 1,000-post run). Saved rows are let go after each post; the terms, bylines and accounts
    /// the next posts link to stay (there are few of them, and the dictionaries above hold them).
    /// </summary>
    private void LetGoOfSavedRows()
    {
        var tracker = db.ChangeTracker;
        tracker.AutoDetectChangesEnabled = false; // Entries() would otherwise scan everything once more
        try
        {
            foreach (var entry in tracker.Entries().ToList())
                if (entry.State == EntityState.Unchanged && entry.Entity is not (Author or Category or Tag or User))
                    entry.State = EntityState.Detached;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = true;
        }
    }

    private async Task AuthorsAsync(IEnumerable<WxrAuthor> authors, CancellationToken ct)
    {
        foreach (var a in authors)
        {
            var name = DisplayName.Clean(WordPressHtml.TextOf(a.DisplayName)) ?? DisplayName.Clean(a.Login) ?? $"Author {a.Id}";
            var byline = map.Find("author", a.Id) is { } id ? await db.Authors.FindAsync([(int)id], ct) : null;
            if (byline is not null)
            {
                byline.DisplayName = ImportMap.Fit(name, 120);
                summary.Updated("authors");
            }
            else
            {
                var user = await AccountAsync(a, name);
                byline = user is null ? null : await db.Authors.FirstOrDefaultAsync(x => x.UserId == user.Id, ct);
                if (byline is null)
                {
                    var slug = await FreeSlugAsync(ImportSlug.From(name, $"author-{a.Id}"), 120, s => db.Authors.AnyAsync(x => x.Slug == s, ct));
                    byline = db.Authors.Add(new Author { DisplayName = ImportMap.Fit(name, 120), Slug = slug, UserId = user?.Id }).Entity;
                }
                summary.Created("authors");
                await db.SaveChangesAsync(ct);
            }
            map.Record("author", a.Id, byline.Id);
            bylinesByLogin[a.Login] = byline;
            if (byline.UserId is { } userId) accountsByWpId[a.Id] = userId;
        }
    }

    /// <summary>
    /// The account behind a byline: the existing one with that email, or a new confirmed author
    /// account with no password (the export vouches for the address; they sign in by link or reset).
    /// </summary>
    private async Task<User?> AccountAsync(WxrAuthor a, string name)
    {
        var email = a.Email.Trim();
        if (email.Length == 0 && a.Id.StartsWith("login:", StringComparison.Ordinal)) return null; // already warned about
        if (email.Length > AccountLimits.EmailMax || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            summary.Warn("authors", $"author '{a.Login}' has no valid email address: imported as a byline without an account.");
            return null;
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new User { Email = email, DisplayName = name, EmailConfirmed = true, JoinedAt = now };
            var created = await UserAdmin.CreateWithHandleAsync(users, user, password: null);
            if (!created.Succeeded)
            {
                summary.Warn("authors", $"author '{a.Login}': no account ({string.Join(" ", created.Errors.Select(e => e.Description))}); imported as a byline only.");
                return null;
            }
        }
        foreach (var role in new[] { Roles.Reader, Roles.Author })
            if (!await users.IsInRoleAsync(user, role)) await users.AddToRoleAsync(user, role);
        return user;
    }

    private static async Task<string> FreeSlugAsync(string slug, int maxLength, Func<string, Task<bool>> taken)
    {
        foreach (var candidate in ImportSlug.Candidates(slug, maxLength))
            if (!await taken(candidate)) return candidate;
        throw new InvalidOperationException("unreachable: the candidates never end");
    }
}
