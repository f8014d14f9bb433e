using Broadsheet.Data;
using Broadsheet.Mail;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsletters;

/// <summary>
/// Subscribing, confirming and unsubscribing. An anonymous address always gets the same answer
/// and the same work (one row, one queued mail): a confirmation link when it is new or not yet
/// confirmed, a "you are already subscribed" note when it is, so nothing tells a visitor whether
/// an address is on a list. Links are on <see cref="SiteOrigin"/>, never the request's host.
/// </summary>
public sealed class Subscriptions(BroadsheetDb db, MailOutbox outbox, SiteOrigin origin, IOptionsMonitor<SiteOptions> site, TimeProvider clock)
{
    public string UnsubscribeUrl(string token) => origin.Absolute($"/unsubscribe/{token}");

    public string PreferencesUrl(string token) => origin.Absolute($"/email/{token}");

    /// <summary>An anonymous subscription, unconfirmed until its link is followed; the mail is queued with the row.</summary>
    public async Task RequestAsync(string email, SubscriptionTarget target, Frequency frequency, CancellationToken ct)
    {
        var row = await db.Subscriptions.FirstOrDefaultAsync(s => s.Email == email && s.Kind == target.Kind && s.TargetId == target.Id, ct);
        if (row is null)
        {
            row = new Subscription { Email = email, Kind = target.Kind, TargetId = target.Id, Frequency = frequency, CreatedAt = Now };
            db.Subscriptions.Add(row);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                // The same address asked twice at once: the other request's row stands.
                db.ChangeTracker.Clear();
                row = await db.Subscriptions.FirstAsync(s => s.Email == email && s.Kind == target.Kind && s.TargetId == target.Id, ct);
            }
        }
        else if (row.ConfirmedAt is null && row.Frequency != frequency)
        {
            row.Frequency = frequency; // still unconfirmed: the latest choice is the one the link confirms
            await db.SaveChangesAsync(ct);
        }
        await outbox.QueueAsync(row.ConfirmedAt is null ? ConfirmMail(email, target, row) : AlreadyMail(email, target, row), ct);
    }

    private OutgoingMail ConfirmMail(string to, SubscriptionTarget target, Subscription row)
    {
        var link = origin.Absolute($"/subscribe/confirm/{row.Token}");
        var name = site.CurrentValue.Name;
        var what = $"{target.Described}{(row.Frequency switch { Frequency.Daily => ", as a daily digest", Frequency.Weekly => ", as a weekly digest", _ => "" })}";
        var text = $"Confirm your subscription to {what} from {name}:\n\n{link}\n\n"
            + "If you did not ask for it, ignore this mail: without the confirmation we send you nothing, and the request is forgotten.\n"
            + "We do not count opens or clicks.\n";
        var html = $"<p>Confirm your subscription to {Enc(what)} from {Enc(name)}:</p><p><a href=\"{Enc(link)}\">Confirm my subscription</a></p>"
            + "<p>If you did not ask for it, ignore this mail: without the confirmation we send you nothing.</p><p>We do not count opens or clicks.</p>";
        return new OutgoingMail(to, $"Confirm your subscription to {target.Name}", text, html, link);
    }

    private OutgoingMail AlreadyMail(string to, SubscriptionTarget target, Subscription row)
    {
        var link = PreferencesUrl(row.Token);
        var text = $"Someone, probably you, asked to subscribe this address to {target.Described} from {site.CurrentValue.Name}. It already is.\n\nYour email preferences: {link}\n";
        var html = $"<p>Someone, probably you, asked to subscribe this address to {Enc(target.Described)}. It already is.</p><p><a href=\"{Enc(link)}\">Your email preferences</a></p>";
        return new OutgoingMail(to, $"You are already subscribed to {target.Name}", text, html, link);
    }

    private static string Enc(string s) => System.Net.WebUtility.HtmlEncode(s);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Subscription?> FindAsync(string? token, CancellationToken ct) =>
        Subscription.LooksLikeToken(token) ? db.Subscriptions.FirstOrDefaultAsync(s => s.Token == token, ct) : Task.FromResult<Subscription?>(null);

    /// <summary>Confirms the row (idempotent); false when the token names none.</summary>
    public async Task<bool> ConfirmAsync(string? token, CancellationToken ct)
    {
        if (!Subscription.LooksLikeToken(token)) return false;
        var now = Now;
        if (await db.Subscriptions.Where(s => s.Token == token && s.ConfirmedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.ConfirmedAt, now), ct) > 0) return true;
        return await db.Subscriptions.AnyAsync(s => s.Token == token, ct);
    }

    /// <summary>Deletes the row the token names; false when there was none (already gone, or never).</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct) =>
        Subscription.LooksLikeToken(token) && await db.Subscriptions.Where(s => s.Token == token).ExecuteDeleteAsync(ct) > 0;

    /// <summary>"Delete me": every row of the anonymous address the token belongs to.</summary>
    public async Task<int> DeleteAddressAsync(string? token, CancellationToken ct)
    {
        var row = await FindAsync(token, ct);
        if (row?.Email is not { } email) return 0;
        return await db.Subscriptions.Where(s => s.Email == email).ExecuteDeleteAsync(ct);
    }

    /// <summary>A signed-in reader's choice for one target: None deletes the row. Their account's address is confirmed already.</summary>
    public async Task SetForUserAsync(int userId, SubscriptionKind kind, int targetId, Frequency frequency, CancellationToken ct)
    {
        var rows = db.Subscriptions.Where(s => s.UserId == userId && s.Kind == kind && s.TargetId == targetId);
        if (frequency == Frequency.None) { await rows.ExecuteDeleteAsync(ct); return; }
        if (await rows.ExecuteUpdateAsync(u => u.SetProperty(s => s.Frequency, frequency), ct) > 0) return;
        db.Subscriptions.Add(new Subscription { UserId = userId, Kind = kind, TargetId = targetId, Frequency = frequency, CreatedAt = Now, ConfirmedAt = Now });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await rows.ExecuteUpdateAsync(u => u.SetProperty(s => s.Frequency, frequency), ct);
        }
    }
}
