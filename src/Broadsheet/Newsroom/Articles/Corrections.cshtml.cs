using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Audit;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Data.Identity;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

/// <summary>The correction form's fields; Kind and Placement arrive as their names.</summary>
public sealed class CorrectionInput
{
    public string? Kind { get; set; }
    public string? Placement { get; set; }
    public string? Text { get; set; }
}

/// <summary>
/// /newsroom/articles/{id}/corrections: editors append a correction or clarification to a live
/// story and amend it later. There is no removal: a wrong note is amended, and the audit log keeps
/// every wording (issue 24). Each change moves the story's modified time, so feeds and the sitemap
/// say it changed, and evicts the cached pages (the story, /corrections, the feeds).
/// </summary>
[Authorize(Policy = Policies.Editors)]
[NeverStored]
public sealed class CorrectionsModel(BroadsheetDb db, ArticleDesk desk, AuditLog audit, IOutputCacheStore cache) : PageModel
{
    [BindProperty] public CorrectionInput Input { get; set; } = new();

    public Article Article { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public string? Notice { get; private set; }
    public bool Live => Article.Status == ArticleStatus.Published && Article.PublishedAt <= desk.Now;

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Notice = done switch { "add" => "Appended: readers see it on the story now.", "amend" => "Amended: the audit log keeps the earlier wording.", _ => null };
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Live) return Refuse("Corrections go on live stories only; fix a draft or a scheduled story in the editor.");
        if (!Read(out var kind, out var placement, out var text)) return Refuse(null);
        var now = desk.Now;
        var note = new Correction { ArticleId = Article.Id, Kind = kind, Placement = placement, Text = text, PublishedAt = now };
        await SaveAsync(note, now, () => $"{note.KindLabel} #{note.Id} ({Where(note)}) on \"{Article.Title}\": \"{note.Text}\"", "article.correction", ct);
        return Redirect($"/newsroom/articles/{id}/corrections?done=add#correction-{note.Id}");
    }

    public async Task<IActionResult> OnPostAmendAsync(int id, int correction, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var note = Article.Corrections.FirstOrDefault(c => c.Id == correction);
        if (note is null) return NotFound();
        if (!Live) return Refuse("The story is not live: its notes can be amended once it is published again.");
        if (!Read(out var kind, out var placement, out var text)) return Refuse(null);
        var before = $"{note.KindLabel} ({Where(note)}) \"{note.Text}\"";
        var now = desk.Now;
        (note.Kind, note.Placement, note.Text, note.AmendedAt) = (kind, placement, text, now);
        await SaveAsync(note, now, () => $"#{note.Id} on \"{Article.Title}\" was {before}; now {note.KindLabel} ({Where(note)}) \"{note.Text}\"", "article.correction-amend", ct);
        return Redirect($"/newsroom/articles/{id}/corrections?done=amend#correction-{note.Id}");
    }

    private static string Where(Correction c) => c.Placement == CorrectionPlacement.Top ? "top" : "bottom";

    /// <summary>
    /// The note, the story's modified time and the audit entry in one transaction (the entry names
    /// the note's id, so a new note is saved first), then every cached page goes.
    /// </summary>
    private async Task SaveAsync(Correction note, DateTime now, Func<string> detail, string action, CancellationToken ct)
    {
        Article.UpdatedAt = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (note.Id == 0) db.Corrections.Add(note);
        await db.SaveChangesAsync(ct);
        audit.Add(User, action, "article", Article.Id.ToString(), detail());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await cache.ContentChangedAsync(ct);
    }

    private bool Read(out CorrectionKind kind, out CorrectionPlacement placement, out string text)
    {
        text = (Input.Text ?? "").Trim();
        if (!Enum.TryParse(Input.Kind, ignoreCase: false, out kind) || !Enum.IsDefined(kind)) Errors.Add("Choose correction or clarification.");
        if (!Enum.TryParse(Input.Placement, ignoreCase: false, out placement) || !Enum.IsDefined(placement)) Errors.Add("Choose the top or the bottom of the story.");
        if (text.Length == 0) Errors.Add("Say what was wrong or unclear, and what is right.");
        else if (text.Length > Correction.TextMax) Errors.Add($"Keep the note under {Correction.TextMax} characters.");
        return Errors.Count == 0;
    }

    private PageResult Refuse(string? why)
    {
        if (why is not null) Errors.Add(why);
        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await desk.FindAsync(id, User, ct) is not { } article) return false;
        Article = article;
        await db.Entry(article).Collection(a => a.Corrections).Query().OrderBy(c => c.PublishedAt).ThenBy(c => c.Id).LoadAsync(ct);
        return true;
    }
}
