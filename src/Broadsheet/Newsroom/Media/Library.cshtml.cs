using Broadsheet.Accounts;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.Media;

/// <summary>
/// /newsroom/media: the library of uploaded pictures, newest first, and the upload form.
/// Staff upload here; editors delete on <see cref="DeletePictureModel"/>. Without JavaScript each POST
/// redirects back (to a local returnUrl when the article editor sent the author here); with
/// htmx the library is swapped in place and a refusal shows inline (422).
/// </summary>
[Authorize(Policy = Policies.Staff)]
[NeverStored]
public sealed class LibraryModel(MediaLibrary library, LibraryViews views, UploadGate gate, IOptions<MediaOptions> options, Articles.ArticleDesk desk) : PageModel
{
    public const int AltMax = 300;

    public LibraryView View { get; private set; } = null!;
    private int PageNumber { get; set; } = 1;
    private string? Problem { get; set; }
    private string? Notice { get; set; }
    private string Alt { get; set; } = "";
    private string Credit { get; set; } = "";
    private string Licence { get; set; } = "";
    private string? ReturnUrl { get; set; }
    private int? Article { get; set; }
    private MediaOptions Options => options.Value;
    private bool IsHtmx => Request.Headers.ContainsKey("HX-Request");

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? pageNumber, string? returnUrl, [FromQuery(Name = "article")] int? article, string? uploaded, string? deleted, CancellationToken ct)
    {
        Article = article > 0 ? article : null;
        if (!Shared.Paging.TryParse(pageNumber, out var number)) return BadRequest();
        PageNumber = number;
        ReturnUrl = Local(returnUrl);
        if (uploaded is not null) Notice = $"Uploaded {uploaded}.";
        if (deleted is not null) Notice = $"Deleted {deleted}.";
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? alt, string? credit, string? licence, string? returnUrl, [FromQuery(Name = "article")] int? article, CancellationToken ct)
    {
        Article = article > 0 ? article : null;
        ReturnUrl = Local(returnUrl);
        Alt = (alt ?? "").Trim();
        (Credit, Licence) = ((credit ?? "").Trim(), (licence ?? "").Trim());
        if (file is null) return await RefuseAsync("Choose a picture file to upload (JPEG, PNG, WebP or GIF).", ct);
        if (Alt.Length is 0 or > AltMax)
            return await RefuseAsync($"Describe the picture in 1 to {AltMax} characters (alt text), for readers who cannot see it.", ct);
        if (EditPictureModel.WordsProblem(Credit, Licence) is { } wordsProblem) return await RefuseAsync(wordsProblem, ct);
        if (file.Length > Options.MaxUploadBytes) return await RefuseAsync(MediaUpload.TooLarge(Options), ct, StatusCodes.Status413PayloadTooLarge);

        var data = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(data, ct);
        PreparedPicture? picture;
        string error;
        using (var turn = await gate.EnterAsync(ct))
        {
            if (turn is null)
            {
                Response.Headers.RetryAfter = UploadGate.RetryAfterSeconds.ToString();
                return await RefuseAsync($"The server is busy preparing other pictures. Try again in {UploadGate.RetryAfterSeconds} seconds; nothing was saved.", ct, StatusCodes.Status503ServiceUnavailable);
            }
            picture = MediaUpload.Prepare(data, file.FileName, Options, out error);
        }
        if (picture is null) return await RefuseAsync(error, ct);

        var image = await library.StoreAsync(picture, Alt, User.UserId(), ct, Credit, Licence);
        if (Article is int draft && await desk.UsePictureAsync(draft, image, User, ct))
        {
            // Back to the draft, with htmx too: a whole page, not a swap of the library.
            var there = $"/newsroom/articles/{draft}/edit?done=picture";
            if (!IsHtmx) return LocalRedirect(there);
            Response.Headers["HX-Redirect"] = there;
            return new OkResult();
        }
        if (!IsHtmx) return ReturnUrl is { } back ? LocalRedirect(back) : RedirectToPage(new { uploaded = image.FileName });
        (Alt, Credit, Licence) = ("", "", "");
        Notice = $"Uploaded {image.FileName}.";
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> RefuseAsync(string problem, CancellationToken ct, int status = StatusCodes.Status422UnprocessableEntity)
    {
        Problem = problem;
        Response.StatusCode = status;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        View = await views.BuildAsync(User, PageNumber, ct) with { Problem = Problem, Notice = Notice, Alt = Alt, Credit = Credit, Licence = Licence, ReturnUrl = ReturnUrl, Article = Article };
        return IsHtmx ? Partial("_Library", View) : Page();
    }

    private static string? Local(string? url) => LocalPath.Normalize(url) is { } path && path != "/" ? path : null;
}
