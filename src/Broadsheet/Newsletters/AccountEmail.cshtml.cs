using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Follows;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsletters;

/// <summary>
/// /account/email: a signed-in reader's mail, in one form. Each newsletter on or off; each
/// author, section or tag they follow (or get mail about): none, daily, weekly or an alert for
/// each story. Saving writes only what changed.
/// </summary>
[Authorize]
[NeverStored]
public sealed class AccountEmailModel(BroadsheetDb db, Subscriptions subscriptions) : PageModel
{
    public sealed record Choice(SubscriptionTarget Target, Frequency Current)
    {
        public string Field => $"{Target.Kind.ToString().ToLowerInvariant()}-{Target.Id}";
    }

    public List<Choice> NewsletterChoices { get; } = [];
    public List<Choice> FollowChoices { get; } = [];
    public bool Saved { get; private set; }
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        await LoadAsync(ct);
        Saved = done == "saved";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var userId = User.UserId()!.Value;
        foreach (var c in NewsletterChoices.Concat(FollowChoices))
        {
            var raw = Request.Form[c.Field].ToString();
            Frequency wanted;
            if (c.Target.Kind == SubscriptionKind.Newsletter) wanted = raw == "on" ? Frequency.EachStory : Frequency.None;
            else if (!SubscriptionTarget.TryParseFrequency(raw, out wanted)) continue; // not in the form: leave it be
            if (wanted != c.Current) await subscriptions.SetForUserAsync(userId, c.Target.Kind, c.Target.Id, wanted, ct);
        }
        return Redirect("/account/email?done=saved");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        Confirmed = await db.Users.AnyAsync(u => u.Id == userId && u.EmailConfirmed, ct);
        var mine = await db.Subscriptions.AsNoTracking().Where(s => s.UserId == userId)
            .ToDictionaryAsync(s => (s.Kind, s.TargetId), s => s.Frequency, ct);
        foreach (var n in await db.Newsletters.AsNoTracking().OrderBy(n => n.Name).ToListAsync(ct))
            NewsletterChoices.Add(new(new SubscriptionTarget(SubscriptionKind.Newsletter, n.Id, n.Slug, n.Name), mine.GetValueOrDefault((SubscriptionKind.Newsletter, n.Id))));
        var followed = await db.Follows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.CreatedAt)
            .Select(f => new { f.Kind, f.TargetId }).ToListAsync(ct);
        var keys = followed.Select(f => (SubscriptionTarget.Of(f.Kind), f.TargetId))
            .Concat(mine.Keys.Where(k => k.Kind != SubscriptionKind.Newsletter)).Distinct().ToList();
        var targets = await SubscriptionTarget.OfAsync(db, keys, ct);
        foreach (var k in keys)
            if (targets.TryGetValue(k, out var t)) FollowChoices.Add(new(t, mine.GetValueOrDefault(k)));
    }
}
