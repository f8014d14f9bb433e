using System.Buffers;
using System.Security.Claims;
using System.Text;

namespace Broadsheet.Caching;

/// <summary>
/// Marks a page whose bytes are the same for every reader: everything personal on it is a hole
/// (<see cref="PageHoles"/>). Signed-in readers then get the cached page too, with their holes
/// filled in on the way out, instead of a page rendered for them alone.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SharedPageAttribute : Attribute;

/// <summary>
/// The signed-in side of a shared page. The request goes on to the output cache as an anonymous
/// one (the cache serves or stores the one shared copy; nothing personal is rendered into it),
/// and the answer is held back here, where each hole is replaced by the reader's own markup
/// before anything is sent. So the shared cache never holds a reader's state, and a reader
/// without JavaScript still sees theirs: it is in the HTML the server sends.
/// </summary>
public static class HoleSplicing
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());
    private static readonly byte[] OpenBytes = Encoding.ASCII.GetBytes(PageHoles.Open);
    private static readonly byte[] CloseBytes = Encoding.ASCII.GetBytes(PageHoles.Close);
    private static readonly byte[] EndOfMarker = "-->"u8.ToArray();

    public static IApplicationBuilder UseHoleSplicing(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!Applies(context))
        {
            await next(context);
            return;
        }
        var reader = context.User;
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.User = Nobody;
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.User = reader;
            context.Response.Body = body;
        }
        await SendAsync(context, buffer, body);
    });

    private static bool Applies(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        // HEAD carries no body to fill: it takes the ordinary path (rendered for the reader, never cached).
        && HttpMethods.IsGet(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<SharedPageAttribute>() is not null;

    private static async Task SendAsync(HttpContext context, MemoryStream buffer, Stream body)
    {
        var response = context.Response;
        ReadOnlyMemory<byte> bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        // Nothing written (a redirect, a bare 404): leave the response untouched, so the status
        // code page can still be rendered for it further out.
        if (bytes.Length == 0) return;
        // This answer is the reader's own from here on: no browser or proxy may keep it. Set
        // before the holes are filled, so the form tokens they carry find it already private.
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
        if ((response.ContentType ?? "").StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            bytes = await SpliceAsync(context, bytes);
        response.ContentLength = bytes.Length;
        await body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>The page with every hole replaced by this reader's markup; one fill per kind of hole.</summary>
    public static async Task<ReadOnlyMemory<byte>> SpliceAsync(HttpContext context, ReadOnlyMemory<byte> page)
    {
        var found = Find(page.Span);
        if (found.Count == 0) return page;
        var holes = context.RequestServices.GetRequiredService<PageHoles>();
        var fills = new string?[found.Count];
        // One fill per kind present (an unknown kind keeps its signed-out markup), and every
        // kind's read of the reader's state in one statement: kinds absent from the page read nothing.
        var kinds = found.Select((h, i) => (h, i)).GroupBy(x => x.h.Kind)
            .Select(g => (Hole: holes.Find(g.Key), Indexes: g.Select(x => x.i).ToArray(), Calls: (HoleCall[])[.. g.Select(x => x.h.Call)]))
            .Where(k => k.Hole is not null).ToList();
        var reads = kinds.Select(k => k.Hole!.Read(context, k.Calls)).ToList();
        var rows = reads.Any(r => r is not null)
            ? await HoleReads.RunAsync(context.RequestServices.GetRequiredService<Data.IPreparedReads>(), reads, context.RequestAborted)
            : [.. reads.Select(_ => (IReadOnlyList<HoleRow>)[])];
        for (var k = 0; k < kinds.Count; k++)
        {
            var filled = await kinds[k].Hole!.FillAsync(context, kinds[k].Calls, rows[k]);
            var n = 0;
            foreach (var index in kinds[k].Indexes) fills[index] = filled[n++];
        }
        var output = new ArrayBufferWriter<byte>(page.Length + 4096);
        var at = 0;
        for (var i = 0; i < found.Count; i++)
        {
            var h = found[i];
            if (fills[i] is not { } fill) continue;
            output.Write(page.Span[at..h.Start]);
            var size = Encoding.UTF8.GetByteCount(fill);
            Encoding.UTF8.GetBytes(fill, output.GetSpan(size));
            output.Advance(size);
            at = h.End;
        }
        output.Write(page.Span[at..]);
        return output.WrittenMemory;
    }

    private sealed record Found(string Kind, HoleCall Call, int Start, int End);

    /// <summary>Every well-formed hole in the page, in order; a marker without its end is left alone.</summary>
    private static List<Found> Find(ReadOnlySpan<byte> page)
    {
        var found = new List<Found>();
        var from = 0;
        while (from < page.Length)
        {
            var open = page[from..].IndexOf(OpenBytes);
            if (open < 0) break;
            open += from;
            var insideStart = open + OpenBytes.Length;
            var markerEnd = page[insideStart..].IndexOf(EndOfMarker);
            if (markerEnd < 0) break;
            markerEnd += insideStart;
            var close = page[markerEnd..].IndexOf(CloseBytes);
            if (close < 0) break;
            close += markerEnd;
            var end = close + CloseBytes.Length;
            if (PageHoles.TryParse(Encoding.ASCII.GetString(page[insideStart..markerEnd]), out var kind, out var call))
                found.Add(new Found(kind, call, open, end));
            from = end;
        }
        return found;
    }
}
