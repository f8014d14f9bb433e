using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Data.Identity;
using Broadsheet.Mail;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Globalization;

namespace Broadsheet.Newsletters.Newsroom;

/// <summary>
/// /newsroom/newsletters/{newsletterId}/issues and …/issues/{id}: an issue in the article
/// editor's Markdown with its live preview (the same endpoint and partial), then "send a test to
/// me", schedule (local time, Site:TimeZone) or send now. Sending only schedules for now: the
/// sender (<see cref="MailRuns.IssuesAsync"/>) queues it within a poll. A sent issue is read-only.
/// </summary>
[Authorize(Policy = Policies.Editors)]
[NeverStored]
public sealed class IssueModel(BroadsheetDb db, MailOutbox outbox, SiteOrigin origin, IOptionsMonitor<SiteOptions> site, TimeProvider clock) : PageModel
{
    /// <summary>Named as the article editor's fields, so its preview endpoint reads this form as is.</summary>
    [BindProperty(Name = "Input.Title")] public string? Subject { get; set; }
    [BindProperty(Name = "Input.Body")] public string? Body { get; set; }
    /// <summary>The local date and time to send at ("2026-12-08T07:00"), in the site's time zone.</summary>
    [BindProperty] public string? SendAt { get; set; }

    public Newsletter Newsletter { get; private set; } = null!;
    public NewsletterIssue? Item { get; private set; }
    public string? Notice { get; private set; }
    public List<string> Errors { get; } = [];
    public string? PreviewHtml { get; private set; }
    public string ZoneName => site.CurrentValue.TimeZone;
    public string Here => Item is null ? $"/newsroom/newsletters/{Newsletter.Id}/issues" : $"/newsroom/newsletters/{Newsletter.Id}/issues/{Item.Id}";

    public async Task<IActionResult> OnGetAsync(int newsletterId, int? id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(newsletterId, id, ct)) return NotFound();
        Subject = Item?.Subject;
        Body = Item?.BodyMarkdown;
        if (Item?.ScheduledAt is { } at) SendAt = TimeZoneInfo.ConvertTimeFromUtc(at, site.CurrentValue.Zone()).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        Notice = done switch
        {
            "save" => "Saved.",
            "test" => "A test is on its way to your address. Its unsubscribe links do nothing.",
            "schedule" => "Scheduled: it goes to every confirmed subscriber at that time.",
            "send" => "Sending: it goes to every confirmed subscriber within a minute.",
            "unschedule" => "Back to draft: nothing will be sent.",
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int newsletterId, int? id, CancellationToken ct) => ActAsync(newsletterId, id, "save", ct);
    public Task<IActionResult> OnPostTestAsync(int newsletterId, int? id, CancellationToken ct) => ActAsync(newsletterId, id, "test", ct);
    public Task<IActionResult> OnPostScheduleAsync(int newsletterId, int? id, CancellationToken ct) => ActAsync(newsletterId, id, "schedule", ct);
    public Task<IActionResult> OnPostSendAsync(int newsletterId, int? id, CancellationToken ct) => ActAsync(newsletterId, id, "send", ct);
    public Task<IActionResult> OnPostUnscheduleAsync(int newsletterId, int? id, CancellationToken ct) => ActAsync(newsletterId, id, "unschedule", ct);

    /// <summary>The "Preview" button, without JavaScript: the form as typed, laid out as the reader page would. Saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int newsletterId, int? id, CancellationToken ct)
    {
        if (!await LoadAsync(newsletterId, id, ct)) return NotFound();
        var body = Body ?? "";
        PreviewHtml = body.Length <= NewsletterIssue.BodyMax && MarkdownNesting.Problem(body) is null ? ArticleBody.ToSafeHtml(body) : "";
        Notice = "The preview shows the form as it is now. Nothing is saved until you press Save.";
        return Page();
    }

    private async Task<IActionResult> ActAsync(int newsletterId, int? id, string action, CancellationToken ct)
    {
        if (!await LoadAsync(newsletterId, id, ct)) return NotFound();
        if (Item?.Status == IssueStatus.Sent) return Refuse("This issue has been sent; it can no longer change.");
        var now = clock.GetUtcNow().UtcDateTime;
        var subject = (Subject ?? "").Trim();
        var body = Body ?? "";
        if (subject.Length is 0 or > NewsletterIssue.SubjectMax) Errors.Add($"A subject is 1 to {NewsletterIssue.SubjectMax} characters.");
        if (body.Length > NewsletterIssue.BodyMax) Errors.Add("The body is too long.");
        else if (MarkdownNesting.Problem(body) is { } nesting) Errors.Add(nesting);
        DateTime? at = action switch { "send" => now, "schedule" => ParseLocal(SendAt), _ => Item?.ScheduledAt };
        if (action == "schedule" && at is null) Errors.Add("Choose a date and time to send it at.");
        else if (action == "schedule" && at < now) Errors.Add("That time has passed: choose a later one, or Send now.");
        if (Errors.Count > 0) return Refuse(null);

        var issue = Item ?? db.NewsletterIssues.Add(new NewsletterIssue { NewsletterId = Newsletter.Id, Subject = subject, CreatedAt = now }).Entity;
        issue.Subject = subject;
        issue.BodyMarkdown = body;
        issue.UpdatedAt = now;
        if (action is "send" or "schedule") { issue.Status = IssueStatus.Scheduled; issue.ScheduledAt = at; }
        if (action == "unschedule") { issue.Status = IssueStatus.Draft; issue.ScheduledAt = null; }
        await db.SaveChangesAsync(ct);
        if (action == "test")
        {
            var me = await db.Users.Where(u => u.Id == User.UserId()).Select(u => u.Email).FirstAsync(ct);
            var account = origin.Absolute("/account/email");
            // The real issue's mail, to the editor alone, its links pointing at their own settings.
            await outbox.QueueAsync(IssueMail.For(IssueMail.Compose(issue, Newsletter, site.CurrentValue.Name, origin.Value), me!, account, account, "[Test] "), ct);
        }
        return Redirect($"/newsroom/newsletters/{Newsletter.Id}/issues/{issue.Id}?done={action}");
    }

    private DateTime? ParseLocal(string? raw)
    {
        if (!DateTime.TryParseExact(raw, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        try { return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), site.CurrentValue.Zone()); }
        catch (ArgumentException) { return null; } // a local time skipped by a clock change
    }

    private async Task<bool> LoadAsync(int newsletterId, int? id, CancellationToken ct)
    {
        var newsletter = await db.Newsletters.FirstOrDefaultAsync(n => n.Id == newsletterId, ct);
        if (newsletter is null) return false;
        Newsletter = newsletter;
        if (id is int known && (Item = await db.NewsletterIssues.FirstOrDefaultAsync(i => i.Id == known && i.NewsletterId == newsletterId, ct)) is null) return false;
        return true;
    }

    private PageResult Refuse(string? why)
    {
        if (why is not null) Errors.Add(why);
        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }
}
