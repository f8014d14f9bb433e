using Broadsheet.Data.Identity;
using Broadsheet.Media;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Media;

/// <summary>
/// /newsroom/media/{id}/edit: a picture's credit and licence note (issue 24). Staff, like the upload:
/// whoever brings a picture in states who took it. A change reaches every story that shows the
/// picture at once (the credit is the picture's, not the story's), and the audit log keeps both wordings.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[NeverStored]
public sealed class EditPictureModel(MediaLibrary library) : PageModel
{
    public MediaImage Picture { get; private set; } = null!;
    public string Credit { get; private set; } = "";
    public string Licence { get; private set; } = "";
    public string? Problem { get; private set; }
    public string? Notice { get; private set; }

    /// <summary>Null when the words fit; otherwise what to fix (the same rule for the upload form).</summary>
    public static string? WordsProblem(string credit, string licence) =>
        credit.Length > PictureCredit.CreditMax || licence.Length > PictureCredit.LicenceMax
            ? $"Keep the credit to {PictureCredit.CreditMax} characters and the licence note to {PictureCredit.LicenceMax}."
            : credit.Contains('\n') || licence.Contains('\n') ? "Write the credit and the licence note on one line each." : null;

    public async Task<IActionResult> OnGetAsync(int id, string? saved, CancellationToken ct)
    {
        if (await library.FindAsync(id, ct) is not { } picture) return NotFound();
        (Picture, Credit, Licence) = (picture, picture.Credit, picture.Licence);
        if (saved is not null) Notice = "Saved. Every story that shows this picture now carries the new credit.";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? credit, string? licence, CancellationToken ct)
    {
        if (await library.FindAsync(id, ct) is not { } picture) return NotFound();
        (Picture, Credit, Licence) = (picture, (credit ?? "").Trim(), (licence ?? "").Trim());
        if (WordsProblem(Credit, Licence) is { } problem)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (await library.SetCreditAsync(id, Credit, Licence, User, ct) is null) return NotFound();
        return RedirectToPage(new { id, saved = 1 });
    }
}
