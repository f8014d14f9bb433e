using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Follows;
using Broadsheet.RateLimits;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsletters;

/// <summary>
/// /subscribe: where the footer's address form (a GET, since the cached page it sits on can hold
/// no form token) and each author, section and tag page's "Get an email alert" lead. This page is
/// never cached, so its POST form carries a token like every other form of the site. Anonymous
/// visitors give an address and get a confirmation link (double opt-in); signed-in readers
/// choose for their account at once (following the item, for an alert).
/// </summary>
[NeverStored]
[RateLimit("subscribe")]
public sealed class SubscribeModel(BroadsheetDb db, Subscriptions subscriptions, FollowWriter follows, IOutputCacheStore pages, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Newsletter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Slug { get; set; }
    [BindProperty] public List<string> Chosen { get; set; } = [];
    [BindProperty] public string? How { get; set; }

    /// <summary>The followed item asked about (an author, section or tag), or null for newsletters.</summary>
    public SubscriptionTarget? Item { get; private set; }
    public List<Newsletter> Newsletters { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Done { get; private set; }
    public bool SignedIn => User.UserId() is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var frequency = Frequency.EachStory;
        if (Item is not null && !SubscriptionTarget.TryParseFrequency(How, out frequency) || frequency == Frequency.None)
            return Refuse("Choose how often you want mail.");
        var targets = Item is not null ? [Item]
            : Newsletters.Where(n => Chosen.Contains(n.Slug)).Select(n => new SubscriptionTarget(SubscriptionKind.Newsletter, n.Id, n.Slug, n.Name)).ToList();
        if (targets.Count == 0) return Refuse("Choose at least one newsletter.");

        if (User.UserId() is int userId)
        {
            foreach (var t in targets)
            {
                if (SubscriptionTarget.FollowKindOf(t.Kind) is { } followKind)
                {
                    // An alert is about something the reader follows: it shows on /following too.
                    await Following.SetAsync(follows, userId, new FollowTarget(followKind, t.Id, t.Slug, t.Name), true, clock.GetUtcNow().UtcDateTime, ct);
                    await pages.EvictByTagAsync(FollowHole.TagFor(followKind, t.Id), ct);
                }
                await subscriptions.SetForUserAsync(userId, t.Kind, t.Id, frequency, ct);
            }
            Done = $"Done: we will email you about {string.Join(", ", targets.Select(t => t.Described))}. Change it at any time under Email.";
            return Page();
        }

        var email = Subscription.NormaliseEmail(Email);
        if (email is null) return Refuse("Enter an email address, such as name@example.com.");
        foreach (var t in targets) await subscriptions.RequestAsync(email, t, frequency, ct);
        // The same words whether the address is new, waiting or already subscribed: no enumeration.
        Done = $"Check your inbox: we have sent a mail to {email}. Follow its link to confirm; until then we send nothing else.";
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Kind is not null && !string.Equals(Kind, "newsletter", StringComparison.OrdinalIgnoreCase))
        {
            if (!SubscriptionTarget.TryParseKind(Kind, out var kind)) return false;
            Item = await SubscriptionTarget.FindAsync(db, kind, Slug, ct);
            return Item is not null;
        }
        Newsletters = await db.Newsletters.AsNoTracking().OrderBy(n => n.Name).ToListAsync(ct);
        if (Chosen.Count == 0 && HttpMethods.IsGet(Request.Method))
            Chosen = Newsletters.Count == 1 ? [Newsletters[0].Slug] : Newsletter is { } slug ? [slug] : [];
        return true;
    }

    private PageResult Refuse(string why)
    {
        Error = why;
        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }
}
