using Broadsheet.Caching;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Broadsheet.Layout;

/// <summary>
/// The header's account links as a hole: "Sign in" on the shared page; the reader's name,
/// notifications count and sign-out form (with its token) when they are signed in. The name and
/// roles come from the sign-in cookie; the count is the one query (an indexed count). The signed-in
/// markup is written by <see cref="AccountLinks"/>, without the view engine.
/// </summary>
public sealed class AccountHole : IPageHole
{
    public const string Name = "account";
    private const string Partial = "~/Layout/_AccountNav.cshtml";

    public string Kind => Name;

    public async Task<SharedHole> RenderSharedAsync(IHtmlHelper html, IReadOnlyList<string> args, CancellationToken ct) =>
        new(await html.PartialAsync(Partial, args[0]), []);

    public async Task<IReadOnlyList<string>> FillAsync(HttpContext http, IReadOnlyList<HoleCall> holes, CancellationToken ct)
    {
        var fills = new List<string>(holes.Count);
        // The signed-in links do not depend on the hole's arguments (the page to come back to is for signing in).
        var links = await AccountLinks.SignedInAsync(http);
        foreach (var _ in holes) fills.Add(links);
        return fills;
    }
}
