using Broadsheet.Data.Identity;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Pages.Newsroom;

/// <summary>
/// /newsroom/pages/new and /newsroom/pages/{id}/edit: one plain form (works without JavaScript)
/// whose buttons save, publish, unpublish or delete. Only <see cref="PageInput"/> is bound.
/// </summary>
[Authorize(Policy = Policies.Editors)]
[NeverStored]
public sealed class EditModel(PageDesk desk) : PageModel
{
    [BindProperty] public PageInput Input { get; set; } = new();

    /// <summary>Null while writing a new page.</summary>
    public Page? Item { get; private set; }
    public List<string> Errors { get; } = [];
    public string? Notice { get; private set; }
    public string Here => Item is null ? "/newsroom/pages/new" : $"/newsroom/pages/{Item.Id}/edit";

    private static readonly Dictionary<string, string> Notices = new()
    {
        ["save"] = "Saved.",
        ["publish"] = "Published: readers can see it now.",
        ["unpublish"] = "Unpublished: readers get a 404 at its address.",
    };

    public async Task<IActionResult> OnGetAsync(int? id, string? done, CancellationToken ct)
    {
        if (id is int known && (Item = await desk.FindAsync(known, ct)) is null) return NotFound();
        Input = Item is null ? new PageInput() : PageInput.From(Item);
        Notice = Notices.GetValueOrDefault(done ?? "");
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => ActAsync(id, null, ct);
    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct) => ActAsync(id, null, ct);
    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct) => ActAsync(id, PageStatus.Published, ct);
    public Task<IActionResult> OnPostUnpublishAsync(int? id, CancellationToken ct) => ActAsync(id, PageStatus.Draft, ct);

    /// <summary>The body as typed, for the "Preview" button; null shows the saved one.</summary>
    public string? PreviewHtml { get; private set; }

    /// <summary>The "Preview" button, for a browser without JavaScript: the form as typed and its page beside it. Saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken ct)
    {
        if (id is int known && (Item = await desk.FindAsync(known, ct)) is null) return NotFound();
        var body = Input.Body ?? "";
        PreviewHtml = body.Length <= PageInput.BodyMax && MarkdownNesting.Problem(body) is null
            ? Broadsheet.Articles.ArticleBody.ToSafeHtml(body) : "";
        Notice = "The preview shows the form as it is now. Nothing is saved until you press Save.";
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int? id, CancellationToken ct)
    {
        if (id is not int known || (Item = await desk.FindAsync(known, ct)) is null) return NotFound();
        await desk.DeleteAsync(Item, User, ct);
        return Redirect("/newsroom/pages?done=delete");
    }

    private async Task<IActionResult> ActAsync(int? id, PageStatus? status, CancellationToken ct)
    {
        if (id is int known && (Item = await desk.FindAsync(known, ct)) is null) return NotFound();
        if (Item is null && status == PageStatus.Draft) return Refuse("Save the page first.");
        var page = Item ?? new Page { Title = "", Slug = "" };
        var (oldSlug, wasLive, wasNew) = (Item?.Slug, page.Status == PageStatus.Published, Item is null);
        Errors.AddRange(await desk.ApplyAsync(page, Input, ct));
        if (Errors.Count > 0) return Refuse(null);
        page.Status = status ?? page.Status;
        string? audit = status switch
        {
            PageStatus.Published => "page.publish",
            PageStatus.Draft => "page.unpublish",
            _ => wasNew ? "page.create" : null, // plain saves of an existing page are not audited, as articles'
        };
        if (!await desk.CommitAsync(page, User, audit, oldSlug, wasLive, ct))
        {
            Errors.Add($"The address {PageDesk.PathOf(page.Slug)} was just taken by another page. Choose another slug.");
            return Refuse(null);
        }
        return Redirect($"/newsroom/pages/{page.Id}/edit?done={status switch { PageStatus.Published => "publish", PageStatus.Draft => "unpublish", _ => "save" }}");
    }

    private PageResult Refuse(string? why)
    {
        if (why is not null) Errors.Add(why);
        var result = Page();
        result.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return result;
    }
}
