using Broadsheet.Caching;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Broadsheet.Layout;

/// <summary>
/// The header's account links as a hole: "Sign in" on the shared page; the reader's name,
/// notifications count and sign-out form (with its token) when they are signed in. The name and
/// roles come from the sign-in cookie; the count is the one query (an indexed count).
/// </summary>
public sealed class AccountHole(PartialRenderer partials) : IPageHole
{
    public const string Name = "account";
    private const string Partial = "~/Layout/_AccountNav.cshtml";

    public string Kind => Name;

    public async Task<SharedHole> RenderSharedAsync(IHtmlHelper html, IReadOnlyList<string> args, CancellationToken ct) =>
        new(await html.PartialAsync(Partial, args[0]), []);

    public async Task<IReadOnlyList<string>> FillAsync(HttpContext http, IReadOnlyList<HoleCall> holes, CancellationToken ct)
    {
        var fills = new List<string>(holes.Count);
        foreach (var hole in holes) fills.Add(await partials.RenderAsync(http, Partial, hole.Args.Count > 0 ? hole.Args[0] : "%2F"));
        return fills;
    }
}
