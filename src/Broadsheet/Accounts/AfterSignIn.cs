using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography;

namespace Broadsheet.Accounts;

/// <summary>An action carried through sign-in ("vote:slug:down") and the words the sign-in page shows for it.</summary>
public sealed record ThenAction(string Then, string Description);

/// <summary>
/// One kind of action a signed-out reader can start and finish by signing in. Accounts owns the
/// sign-in and the seal, but the actions belong to features above it (Votes, Follows), so each
/// registers its own and Accounts depends on none of them (issue 18).
/// </summary>
public interface IAfterSignIn
{
    /// <summary>The words for <paramref name="then"/> ("and then follow …"), or null when it is not this feature's or names nothing live.</summary>
    Task<string?> DescribeAsync(string then, CancellationToken ct);

    /// <summary>Does <paramref name="then"/> for the reader who just signed in; nothing when it is not this feature's.</summary>
    Task RunAsync(int userId, string then, CancellationToken ct);
}

/// <summary>
/// Finishes what a signed-out reader started: they clicked Follow or a vote button, were asked
/// to sign in, and the action happens in the same POST that signs them in (a GET never changes
/// state). The vote obeys the usual rules (bans, account age); a refused one is simply not cast.
/// A link can carry any then=, so the reader must see what it will do: the sign-in page shows
/// the description, and the form carries the action sealed with Data Protection, so the action
/// done is the one shown; a swapped or tampered seal opens to nothing and nothing is done.
/// </summary>
public sealed class AfterSignIn(IEnumerable<IAfterSignIn> actions, IDataProtectionProvider protection)
{
    /// <summary>Long enough to read the page and find a password; a form left open for a day starts again.</summary>
    public static readonly TimeSpan SealLifetime = TimeSpan.FromHours(2);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("Broadsheet.Accounts.AfterSignIn").ToTimeLimitedDataProtector();

    /// <summary>The action with the words to show for it; null when it is malformed or names nothing live (it is then dropped).</summary>
    public async Task<ThenAction?> DescribeAsync(string? then, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(then) || then.Length > 300) return null;
        foreach (var action in actions)
            if (await action.DescribeAsync(then, ct) is { } description) return new(then, description);
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
        foreach (var each in actions) await each.RunAsync(userId, action.Then, ct);
    }

    /// <summary>A name as the sign-in page quotes it.</summary>
    public static string Quoted(string name) => $"\u201c{name}\u201d";
}
