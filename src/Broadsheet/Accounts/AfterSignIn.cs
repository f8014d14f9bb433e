using Broadsheet.Data;
using Broadsheet.Follows;

namespace Broadsheet.Accounts;

/// <summary>
/// Finishes what a signed-out reader started: they clicked Follow, were asked to sign in,
/// and the follow happens in the same POST that signs them in (a GET never changes state).
/// </summary>
public sealed class AfterSignIn(BroadsheetDb db, TimeProvider clock)
{
    public async Task RunAsync(int userId, string? then, CancellationToken ct)
    {
        if (!Following.TryParseThen(then, out var kind, out var slug)) return;
        var target = await FollowTarget.FindAsync(db, kind, slug, ct);
        if (target is not null) await Following.SetAsync(db, userId, target, follow: true, clock.GetUtcNow().UtcDateTime, ct);
    }
}
