using System.Collections.Concurrent;

namespace Broadsheet.Api;

/// <summary>
/// Keys checked in the last few seconds (<c>Api:KeyCacheSeconds</c>, 5 by default; 0 turns it
/// off), so a repeated API request costs no database query: its answer already comes from the
/// page cache, and a key lookup per request held the keyed list to a fraction of the static
/// figure. A copy, never the truth: revoking a key forgets it here at once, and every other
/// instance stops accepting it when its copy expires, at most that many seconds later. Only
/// keys that exist are kept, so the dictionary is bounded by the newsroom's key list, whatever
/// a guesser sends.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock, IConfiguration config)
{
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Api:KeyCacheSeconds", 5), 0, 300));
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    private sealed record Entry(string SecretHash, ApiCaller Caller, DateTimeOffset Until);

    /// <summary>The caller for a key checked within the lifetime, or null (then ask the database).</summary>
    public ApiCaller? Find(string prefix, string key) =>
        entries.TryGetValue(prefix, out var entry) && entry.Until > clock.GetUtcNow() && ApiKeyFormat.Matches(key, entry.SecretHash)
            ? entry.Caller : null;

    public void Keep(string prefix, string secretHash, ApiCaller caller)
    {
        if (lifetime > TimeSpan.Zero) entries[prefix] = new Entry(secretHash, caller, clock.GetUtcNow() + lifetime);
    }

    public void Forget(string prefix) => entries.TryRemove(prefix, out _);
}
