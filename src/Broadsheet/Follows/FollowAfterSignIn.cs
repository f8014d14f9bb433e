using Broadsheet.Accounts;
using Broadsheet.Data;

namespace Broadsheet.Follows;

/// <summary>"follow:kind:slug" carried through sign-in (see <see cref="AfterSignIn"/>): follows the author, section or tag.</summary>
internal sealed class FollowAfterSignIn(BroadsheetDb db, FollowWriter follows, TimeProvider clock) : IAfterSignIn
{
    public async Task<string?> DescribeAsync(string then, CancellationToken ct) =>
        Following.TryParseThen(then, out var kind, out var slug) && await FollowTarget.FindAsync(db, kind, slug, ct) is { } target
            ? $"and then follow {AfterSignIn.Quoted(target.Name)}"
            : null;

    public async Task RunAsync(int userId, string then, CancellationToken ct)
    {
        if (!Following.TryParseThen(then, out var kind, out var slug)) return;
        var target = await FollowTarget.FindAsync(db, kind, slug, ct);
        if (target is not null) await Following.SetAsync(follows, userId, target, follow: true, clock.GetUtcNow().UtcDateTime, ct);
    }
}
