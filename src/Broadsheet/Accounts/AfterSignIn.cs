using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Follows;
using Broadsheet.Votes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;

namespace Broadsheet.Accounts;

/// <summary>An action carried through sign-in ("vote:slug:down") and the words the sign-in page shows for it.</summary>
public sealed record ThenAction(string Then, string Description);

/// <summary>
/// Finishes what a signed-out reader started: they clicked Follow or a vote button, were asked
/// to sign in, and the action happens in the same POST that signs them in (a GET never changes
/// state). The vote obeys the usual rules (bans, account age); a refused one is simply not cast.
/// A link can carry any then=, so the reader must see what it will do: the sign-in page shows
/// the description, and the form carries the action sealed with Data Protection, so the action
/// done is the one shown; a swapped or tampered seal opens to nothing and nothing is done.
/// </summary>
public sealed class AfterSignIn(BroadsheetDb db, VoteService votes, FollowWriter follows, IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Long enough to read the page and find a password; a form left open for a day starts again.</summary>
    public static readonly TimeSpan SealLifetime = TimeSpan.FromHours(2);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("Broadsheet.Accounts.AfterSignIn").ToTimeLimitedDataProtector();

    /// <summary>The action with the words to show for it; null when it is malformed or names nothing live (it is then dropped).</summary>
    public async Task<ThenAction?> DescribeAsync(string? then, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(then) || then.Length > 300) return null;
        if (Following.TryParseThen(then, out var kind, out var slug))
            return await FollowTarget.FindAsync(db, kind, slug, ct) is { } target
                ? new(then, $"and then follow {Quoted(target.Name)}")
                : null;
        if (VoteService.TryParseThen(then, out var article, out var direction))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var title = await db.Articles.Live(now).Where(a => a.Slug == article).Select(a => a.Title).FirstOrDefaultAsync(ct);
            return title is null ? null : new(then, $"and then {(direction == VoteDirection.Up ? "upvote" : "downvote")} {Quoted(title)}");
        }
        return null;
    }

    public string Seal(ThenAction action) => protector.Protect(action.Then, SealLifetime);

    /// <summary>The action a seal was made for and its description; null for a missing, expired, tampered or foreign seal.</summary>
    public async Task<ThenAction?> OpenAsync(string? seal, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(seal) || seal.Length > 1000) return null;
        string then;
        try { then = protector.Unprotect(seal, out _); }
        catch (Exception ex) when (ex is CryptographicException or FormatException) { return null; }
        return await DescribeAsync(then, ct);
    }

    /// <summary>Does the opened action for the reader who just signed in.</summary>
    public async Task RunAsync(int userId, ThenAction? action, CancellationToken ct)
    {
        if (action is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        if (Following.TryParseThen(action.Then, out var kind, out var slug))
        {
            var target = await FollowTarget.FindAsync(db, kind, slug, ct);
            if (target is not null) await Following.SetAsync(follows, userId, target, follow: true, now, ct);
        }
        else if (VoteService.TryParseThen(action.Then, out var article, out var direction))
        {
            var id = await db.Articles.Live(now).Where(a => a.Slug == article).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (id is int articleId) await votes.CastAsync(userId, articleId, direction, ct);
        }
    }

    private static string Quoted(string name) => $"\u201c{name}\u201d";
}
