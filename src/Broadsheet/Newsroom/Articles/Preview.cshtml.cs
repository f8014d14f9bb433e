using Broadsheet.Articles;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// /preview/{token}: a draft as readers will see it, for whoever holds the secret link. Never
/// cached (no output-cache policy, no-store), never counted (not an /articles/ path), never indexed.
/// </summary>
[NeverStored]
public sealed class PreviewModel(PreviewLinks links, TimeProvider clock) : PageModel
{
    public Article Article { get; private set; } = null!;
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await links.OpenAsync(token, ct) is not { } article) return NotFound();
        Article = article;
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        return Page();
    }
}
