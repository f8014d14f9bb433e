using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using System.Globalization;
using System.Text;

namespace Broadsheet.Caching;

/// <summary>
/// One kind of personal part of a shared page (the header's account links, a vote widget, a
/// Follow button), implemented by the feature that owns it. The page only says where the hole
/// goes and what it is about (<see cref="PageHoles.RenderAsync"/>); it never reads the reader's
/// state itself, so the bytes it renders are the same for everybody and can be cached once.
/// </summary>
public interface IPageHole
{
    /// <summary>A short name, unique among holes: letters only (it is written into the page).</summary>
    string Kind { get; }

    /// <summary>
    /// What everybody sees: the signed-out version, rendered into the cached page. The state
    /// (anything the shared render read, such as a count) is written beside it and handed back
    /// to <see cref="FillAsync"/>, so a personal fill shows the same figures as the page.
    /// </summary>
    Task<SharedHole> RenderSharedAsync(IHtmlHelper html, IReadOnlyList<string> args, CancellationToken ct);

    /// <summary>
    /// What the signed-in reader's version of these holes (every hole of this kind on one page)
    /// needs from the database: one bounded, indexed SELECT however many holes there are, or null
    /// when the cookie and the page say it all. Run with the other kinds' reads in one statement
    /// (<see cref="HoleReads"/>).
    /// </summary>
    HoleRead? Read(HttpContext http, IReadOnlyList<HoleCall> holes);

    /// <summary>The signed-in reader's version of every hole of this kind on one page, in page order, from the rows its read returned.</summary>
    Task<IReadOnlyList<string>> FillAsync(HttpContext http, IReadOnlyList<HoleCall> holes, IReadOnlyList<HoleRow> rows);
}

/// <summary>The signed-out markup of a hole and the state it was rendered from.</summary>
public sealed record SharedHole(IHtmlContent Html, IReadOnlyList<string> State);

/// <summary>One hole as found in the cached page: what the page asked for and what the shared render read.</summary>
public sealed record HoleCall(IReadOnlyList<string> Args, IReadOnlyList<string> State);

/// <summary>
/// Writes holes into a shared page. A hole is the signed-out markup between two HTML comments,
/// <c>&lt;!--hole:kind:args:state--&gt;</c> and <c>&lt;!--/hole--&gt;</c>; anonymous readers get
/// it as is (comments are invisible), and <see cref="HoleSplicing"/> swaps it for the
/// reader's own markup on a signed-in request. Nothing a writer types can imitate a marker:
/// titles and names are HTML-encoded, and article and comment bodies are sanitised, which
/// drops comments.
/// </summary>
public sealed class PageHoles(IEnumerable<IPageHole> holes)
{
    public const string Open = "<!--hole:";
    public const string Close = "<!--/hole-->";

    private readonly Dictionary<string, IPageHole> byKind = holes.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    public IPageHole? Find(string kind) => byKind.GetValueOrDefault(kind);

    /// <summary>
    /// The hole of this kind with its signed-out markup, for a shared page. The page names the
    /// kind and its arguments (see each hole's summary) and needs no reference to the feature.
    /// </summary>
    public async Task<IHtmlContent> RenderAsync(IHtmlHelper html, string kind, params object[] values)
    {
        string[] args = [.. values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")];
        var hole = Find(kind) ?? throw new InvalidOperationException($"No page hole of kind '{kind}' is registered.");
        var shared = await hole.RenderSharedAsync(html, args, html.ViewContext.HttpContext.RequestAborted);
        var content = new HtmlContentBuilder(3);
        content.AppendHtml(Marker(kind, args, shared.State));
        content.AppendHtml(shared.Html);
        content.AppendHtml(Close);
        return content;
    }

    /// <summary>The opening comment: each value escaped so it holds no ':', '|', '-' runs or '>'.</summary>
    public static string Marker(string kind, IReadOnlyList<string> args, IReadOnlyList<string> state)
    {
        var s = new StringBuilder(Open).Append(kind).Append(':');
        Join(s, args).Append(':');
        return Join(s, state).Append("-->").ToString();
    }

    private static StringBuilder Join(StringBuilder s, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) s.Append('|');
            // EscapeDataString leaves '-' alone: escape it too, so no value can end the comment early.
            s.Append(Uri.EscapeDataString(values[i]).Replace("-", "%2D", StringComparison.Ordinal));
        }
        return s;
    }

    /// <summary>Reads the inside of an opening marker ("kind:args:state"); false when it is not one.</summary>
    public static bool TryParse(string inside, out string kind, out HoleCall call)
    {
        kind = "";
        call = new HoleCall([], []);
        var parts = inside.Split(':');
        if (parts.Length != 3 || parts[0].Length == 0) return false;
        kind = parts[0];
        call = new HoleCall(Split(parts[1]), Split(parts[2]));
        return true;
    }

    private static string[] Split(string joined) =>
        joined.Length == 0 ? [] : [.. joined.Split('|').Select(Uri.UnescapeDataString)];
}
