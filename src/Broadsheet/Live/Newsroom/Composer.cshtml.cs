using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Data.Identity;
using Broadsheet.Media;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using System.Text.RegularExpressions;

namespace Broadsheet.Live.Newsroom;

/// <summary>
/// /newsroom/live/{id}: a compact composer that stays open beside the live page. Editors make a
/// published story live, end its coverage, and add, edit, delete, pin and flag entries. Every
/// action is a plain form POST answered by a redirect (no JavaScript needed); with htmx the form
/// swaps the composer in place from the page the redirect leads to. An author may run coverage on
/// their own story (or one they share a byline on), like the article editor: the newsroom's staff
/// get in, then every handler asks <see cref="Policies.OwnerOrEditor"/> with the story's owners.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[NeverStored]
public sealed partial class ComposerModel(BroadsheetDb db, LiveDesk desk, IConfiguration config, IWebHostEnvironment env, IAuthorizationService auth) : PageModel
{
    public Article Article { get; private set; } = null!;
    public LiveStory? Story { get; private set; }
    public IReadOnlyList<LiveEntry> Entries { get; private set; } = [];
    public LiveEntry? Editing { get; private set; }
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    [BindProperty] public string Body { get; set; } = "";
    [BindProperty] public string? ImagePath { get; set; }
    [BindProperty] public string? ImageAlt { get; set; }
    [BindProperty] public string? Quote { get; set; }
    [BindProperty] public string? QuoteSource { get; set; }
    [BindProperty] public bool KeyEvent { get; set; }
    [BindProperty] public bool Pinned { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? edit, string? done, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Message = done switch
        {
            "start" => "The story is live.",
            "end" => "Coverage ended: the story reads as a normal story with its entries.",
            "add" => "Entry posted.",
            "edit" => "Entry saved.",
            "delete" => "Entry deleted.",
            "pin" or "key" => "Entry updated.",
            _ => null,
        };
        if (edit is int entryId)
        {
            Editing = Entries.FirstOrDefault(e => e.Id == entryId);
            if (Editing is null) return NotFound();
            (Body, ImagePath, ImageAlt, Quote, QuoteSource, KeyEvent, Pinned) =
                (Editing.BodyMarkdown, Editing.ImagePath, Editing.ImageAlt, Editing.Quote, Editing.QuoteSource, Editing.IsKeyEvent, Editing.IsPinned);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!await desk.StartAsync(id, ActorId, ct)) return Refuse(StatusCodes.Status422UnprocessableEntity, "Only a published story can be made live.");
        return Done(id, "start");
    }

    public async Task<IActionResult> OnPostEndAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!await desk.EndAsync(id, ActorId, ct)) return Refuse(StatusCodes.Status422UnprocessableEntity, "This story is not live.");
        return Done(id, "end");
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Story is not { IsRunning: true }) return Refuse(StatusCodes.Status422UnprocessableEntity, "Make the story live before posting entries.");
        if (!Validate()) return Refuse(StatusCodes.Status422UnprocessableEntity);
        var entry = await desk.AddAsync(id, Input, ActorId, User.DisplayName(), ct);
        return entry is null ? Refuse(StatusCodes.Status422UnprocessableEntity, "This story is not live.") : Done(id, "add");
    }

    public async Task<IActionResult> OnPostEditAsync(int id, int entry, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Entries.All(e => e.Id != entry)) return NotFound();
        Editing = Entries.First(e => e.Id == entry);
        if (!Validate()) return Refuse(StatusCodes.Status422UnprocessableEntity);
        return await desk.EditAsync(entry, Input, ActorId, ct) is null ? NotFound() : Done(id, "edit");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int entry, CancellationToken ct) =>
        await ActAsync(id, entry, "delete", () => desk.DeleteAsync(entry, ActorId, ct), ct);

    public async Task<IActionResult> OnPostPinAsync(int id, int entry, bool on, CancellationToken ct) =>
        await ActAsync(id, entry, "pin", () => desk.PinAsync(entry, on, ActorId, ct), ct);

    public async Task<IActionResult> OnPostKeyAsync(int id, int entry, bool on, CancellationToken ct) =>
        await ActAsync(id, entry, "key", () => desk.KeyEventAsync(entry, on, ActorId, ct), ct);

    private async Task<IActionResult> ActAsync(int id, int entry, string done, Func<Task<LiveEntry?>> act, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        // Only this story's visible entries: an id from another story is not found here.
        if (Entries.All(e => e.Id != entry)) return NotFound();
        return await act() is null ? NotFound() : Done(id, done);
    }

    private EntryInput Input => new(Body ?? "", ImagePath, ImageAlt, Quote, QuoteSource, KeyEvent, Pinned);

    private int ActorId => int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);

    private IActionResult Done(int id, string done) => Redirect($"/newsroom/live/{id}?done={done}");

    private IActionResult Refuse(int status, string? error = null)
    {
        if (error is not null) Errors.Add(error);
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Loads the story and its coverage; a 404 when there is no such story, a 403 when it is not this user's to cover.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Author).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return NotFound();
        var coAuthors = await db.ArticleBylines.Where(b => b.ArticleId == id && b.Author != null && b.Author.UserId != null)
            .Select(b => b.Author!.UserId!.Value).ToListAsync(ct);
        if (!(await auth.AuthorizeAsync(User, new Policies.OwnedBy(article.Author.UserId) { CoOwners = coAuthors }, Policies.OwnerOrEditor)).Succeeded)
            return Forbid();
        Article = article;
        Story = await desk.FindAsync(id, ct);
        Entries = Story is null ? [] : await LiveFeed.VisibleAsync(db, id, LiveCoverage.PageEntries, ct);
        return null;
    }

    /// <summary>The same limits as the columns; a picture must be a file of the media library.</summary>
    private bool Validate()
    {
        Body = (Body ?? "").Trim();
        if (Body.Length == 0) Errors.Add("Write the entry's text.");
        if (Body.Length > LiveEntry.BodyMax) Errors.Add($"An entry has at most {LiveEntry.BodyMax} characters.");
        if ((Quote ?? "").Trim().Length > LiveEntry.QuoteMax) Errors.Add($"A quote has at most {LiveEntry.QuoteMax} characters.");
        if ((QuoteSource ?? "").Trim().Length > 120) Errors.Add("Who said it: at most 120 characters.");
        if (!string.IsNullOrWhiteSpace(ImagePath))
        {
            var name = ImagePath.Trim();
            if (!MediaName().IsMatch(name) || !System.IO.File.Exists(Path.Combine(MediaFolder.DirectoryOf(config, env), name)))
                Errors.Add("The picture must be the file name of a picture in the media library (such as 3f2a9c.jpg).");
            if (string.IsNullOrWhiteSpace(ImageAlt)) Errors.Add("Describe the picture for readers who cannot see it (alt text).");
            if ((ImageAlt ?? "").Length > 300) Errors.Add("Alt text has at most 300 characters.");
        }
        return Errors.Count == 0;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}\\.(jpg|png|webp|gif)$")]
    private static partial Regex MediaName();
}
