using Broadsheet.Comments;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.Site;

/// <summary>/newsroom/settings: admins change the site's name, tagline, logo, time zone, links, menu and comment policy.</summary>
[Authorize(Policy = Policies.Admins)]
[NeverStored]
public sealed class SettingsModel(BroadsheetDb db, LiveSettings live, IOptionsMonitor<SiteOptions> site,
    IOptionsFactory<CommentOptions> configuredComments, SettingsStore store) : PageModel
{
    /// <summary>Blank rows offered under each link list for new entries.</summary>
    public const int BlankRows = 3;

    [BindProperty]
    public SettingsForm Form { get; set; } = new();

    public string? Saved { get; private set; }
    public IReadOnlyList<string> Pictures { get; private set; } = [];
    public CommentOptions ConfiguredComments { get; private set; } = new();

    public async Task OnGetAsync(string? saved, CancellationToken ct)
    {
        Form = SettingsForm.Of(site.CurrentValue, live.Overrides);
        if (saved is not null) Saved = saved == "0" ? "Nothing had changed." : "Saved. Every page shows the new settings now.";
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var (field, message) in Form.Check()) ModelState.AddModelError($"Form.{field}", message);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            var page = Page();
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }
        var changed = await store.SaveAsync(User, Form.Values(), ct);
        return RedirectToPage(new { saved = changed.Count == 0 ? "0" : "1" });
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        ConfiguredComments = configuredComments.Create(Options.DefaultName);
        var files = await db.MediaImages.AsNoTracking().OrderByDescending(m => m.UploadedAt).Take(100)
            .Select(m => new { m.Stem, m.Extension }).ToListAsync(ct);
        Pictures = [.. files.Select(f => $"{Broadsheet.Media.MediaFolder.UrlPrefix}/{f.Stem}.{f.Extension}")];
    }
}
