using Broadsheet.Accounts;
using Broadsheet.Audit;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace Broadsheet.Newsroom.Site;

/// <summary>
/// Saves the settings form: a value equal to configuration removes its row (so configuration
/// speaks again), any other value upserts it. The audit entry goes in the same SaveChanges.
/// Refreshing this instance's copy drops the cached pages (<see cref="LiveSettings.RefreshAsync"/>).
/// </summary>
public sealed class SettingsStore(BroadsheetDb db, AuditLog audit, TimeProvider clock, LiveSettings live,
    IOptionsFactory<SiteOptions> configured)
{
    /// <summary>Stores the values; returns the keys that changed.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(ClaimsPrincipal actor, Dictionary<string, string?> values, CancellationToken ct)
    {
        var defaults = SettingsForm.Configured(configured.Create(Options.DefaultName));
        var rows = await db.SiteSettings.ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = new List<string>();
        foreach (var (key, raw) in values)
        {
            var value = raw is not null && defaults.TryGetValue(key, out var d) && d == raw ? null : raw;
            rows.TryGetValue(key, out var row);
            if (value is null && row is not null) db.SiteSettings.Remove(row);
            else if (value is not null && row is null) db.SiteSettings.Add(new Newsroom.SiteSetting { Key = key, Value = value, UpdatedAt = now });
            else if (value is not null && row!.Value != value) { row.Value = value; row.UpdatedAt = now; }
            else continue;
            changed.Add(key);
        }
        if (changed.Count == 0) return changed;
        audit.Add(actor, "settings.update", "settings", "site", $"Changed {string.Join(", ", changed)}.");
        await db.SaveChangesAsync(ct);
        await live.RefreshAsync(ct);
        return changed;
    }
}
