using Broadsheet.Data;
using Broadsheet.Data.Identity;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsletters.Newsroom;

/// <summary>/newsroom/newsletters/new: admins create a newsletter (editors then write its issues).</summary>
[Authorize(Policy = Policies.Admins)]
[NeverStored]
public sealed class CreateModel(BroadsheetDb db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = (Name ?? "").Trim();
        var description = (Description ?? "").Trim();
        if (name.Length is 0 or > Newsletter.NameMax) return Refuse($"A name is 1 to {Newsletter.NameMax} characters.");
        if (description.Length > Newsletter.DescriptionMax) return Refuse($"A description is at most {Newsletter.DescriptionMax} characters.");
        var slug = Slug.From(name);
        if (!Slug.IsValid(slug)) return Refuse("The name needs some letters or digits.");
        if (await db.Newsletters.AnyAsync(n => n.Slug == slug, ct)) return Refuse("There is already a newsletter with that name.");
        db.Newsletters.Add(new Newsletter { Name = name, Slug = slug, Description = description, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Refuse("There is already a newsletter with that name."); }
        return Redirect("/newsroom/newsletters");
    }

    private PageResult Refuse(string why)
    {
        Error = why;
        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }
}
