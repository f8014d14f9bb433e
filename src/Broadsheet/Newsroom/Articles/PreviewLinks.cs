using Broadsheet.Shared;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// Secret links to a draft: 32 random bytes as base64url in the URL, only their SHA-256 stored,
/// good for Newsroom:PreviewDays (default 7) or until revoked.
/// </summary>
public sealed class PreviewLinks(BroadsheetDb db, TimeProvider clock, IConfiguration config)
{
    public int Days => Math.Clamp(config.GetValue("Newsroom:PreviewDays", 7), 1, 365);

    public static string Hash(string token) => TokenHash.Of(token);

    /// <summary>Makes a link and returns its token: the only time it exists outside the reader's address bar.</summary>
    public async Task<string> CreateAsync(int articleId, ClaimsPrincipal user, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        db.PreviewLinks.Add(new PreviewLink { ArticleId = articleId, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now.AddDays(Days), CreatedByUserId = user.UserId() });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<bool> RevokeAsync(int articleId, int linkId, CancellationToken ct)
    {
        var link = await db.PreviewLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.ArticleId == articleId, ct);
        if (link is null) return false;
        link.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<List<PreviewLink>> ListAsync(int articleId, CancellationToken ct) =>
        db.PreviewLinks.AsNoTracking().Where(l => l.ArticleId == articleId).OrderByDescending(l => l.Id).ToListAsync(ct);

    /// <summary>The article behind a live token; null for an unknown, expired or revoked one.</summary>
    public async Task<Article?> OpenAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 40 or > 64) return null;
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var articleId = await db.PreviewLinks.Where(l => l.TokenHash == hash && l.RevokedAt == null && l.ExpiresAt > now)
            .Select(l => (int?)l.ArticleId).FirstOrDefaultAsync(ct);
        if (articleId is null) return null;
        return await db.Articles.AsNoTracking().Include(a => a.Category).Include(a => a.Author).Include(a => a.Tags)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == articleId, ct);
    }
}
