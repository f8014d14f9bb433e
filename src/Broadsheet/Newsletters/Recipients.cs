using Broadsheet.Data;
using Broadsheet.Mail;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsletters;

/// <summary>
/// Who gets a mail: the confirmed rows among those given, each with its own one-click unsubscribe
/// and preferences links. An account's row goes to the account's current address, and only while
/// that address is confirmed; one address gets one copy however many of its rows match.
/// </summary>
public sealed class Recipients(BroadsheetDb db, Subscriptions subscriptions, SiteOrigin origin)
{
    public async Task<List<BulkRecipient>> OfAsync(IQueryable<Subscription> rows, CancellationToken ct)
    {
        var users = db.Users;
        var found = await rows.Where(s => s.ConfirmedAt != null && s.Frequency != Frequency.None)
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Token,
                Account = s.UserId != null,
                To = s.Email ?? users.Where(u => u.Id == s.UserId && u.EmailConfirmed).Select(u => u.Email).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = new List<BulkRecipient>(found.Count);
        foreach (var r in found)
            if (r.To is { } to && seen.Add(to))
                list.Add(new BulkRecipient(to, subscriptions.UnsubscribeUrl(r.Token),
                    r.Account ? origin.Absolute("/account/email") : subscriptions.PreferencesUrl(r.Token)));
        return list;
    }
}
