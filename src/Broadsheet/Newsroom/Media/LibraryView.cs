using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.Media;

/// <summary>What <c>_Library.cshtml</c> shows: one page of pictures, the upload form's state and whether to offer Delete.</summary>
public sealed record LibraryView(IReadOnlyList<MediaRow> Rows, int PageNumber, bool More, bool CanDelete, MediaOptions Options)
{
    public string? Problem { get; init; }
    public string? Notice { get; init; }
    public string Alt { get; init; } = "";
    public string Credit { get; init; } = "";
    public string Licence { get; init; } = "";
    public string? ReturnUrl { get; init; }
    /// <summary>The draft the editor sent the author from: an upload becomes its picture and leads back to it.</summary>
    public int? Article { get; init; }

    /// <summary>The query that keeps the way back on every form and link of the page.</summary>
    public string BackQuery => Article is int id ? $"?article={id}" : ReturnUrl is { } r ? $"?returnUrl={Uri.EscapeDataString(r)}" : "";
}

/// <summary>
/// Builds the library's view for both pages that render it (the library itself and the delete page,
/// which answers htmx with the library swapped in place).
/// </summary>
public sealed class LibraryViews(MediaLibrary library, IAuthorizationService authorization, IOptions<MediaOptions> options)
{
    public async Task<LibraryView> BuildAsync(ClaimsPrincipal user, int page, CancellationToken ct)
    {
        var (rows, more) = await library.PageAsync(page, ct);
        // Only whether to show the button: DeletePictureModel's [Authorize] is the check, and this asks
        // the same policy so the button and the check cannot disagree.
        var canDelete = (await authorization.AuthorizeAsync(user, Policies.Editors)).Succeeded;
        return new LibraryView(rows, page, more, canDelete, options.Value);
    }
}
