using System.IO.Hashing;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Caching.Memory;

namespace Broadsheet.Caching;

/// <summary>
/// Parts of a page kept rendered between page renders (issue 15: a cache miss re-renders the whole
/// page, most of it unchanged). A fragment is found by a key that is a hash of everything it is
/// rendered from (<see cref="FragmentKey"/>), never by a name plus an invalidation: an edit gives
/// the part a new key, so no instance can serve an old fragment, nothing has to be told of edits,
/// and N instances agree because each hashes the same rows it read. What is kept is a copy, bounded
/// by <c>Caching:FragmentChars</c> and a sliding lifetime; losing it only costs a render.
/// A fragment must be a pure function of its key: no ViewData written inside it, nothing personal
/// (it is rendered inside a shared page, for nobody), no counts or relative times unless keyed.
/// </summary>
public sealed class Fragments(IConfiguration config) : IDisposable
{
    private static readonly TimeSpan Sliding = TimeSpan.FromMinutes(10);

    private readonly bool enabled = config.GetValue("Caching:Fragments", true);

    private readonly MemoryCache kept = new(new MemoryCacheOptions
    {
        SizeLimit = Math.Max(1, config.GetValue("Caching:FragmentChars", 16_000_000L)),
    });

    /// <summary>
    /// The fragment for <paramref name="key"/>, rendering <paramref name="template"/> (a Razor
    /// <c>@&lt;text&gt;…&lt;/text&gt;</c>) only when it is not kept. Off when
    /// <c>Caching:Fragments</c> is false (the benches compare both).
    /// </summary>
    public async Task<IHtmlContent> RenderAsync(FragmentKey key, Func<object?, HelperResult> template)
    {
        if (!enabled) return await template(null).WriteToStringAsync();
        var name = key.ToString();
        if (kept.TryGetValue(name, out IHtmlContent? html) && html is not null) return html;
        var rendered = await template(null).WriteToStringAsync();
        kept.Set(name, (IHtmlContent)rendered, new MemoryCacheEntryOptions { Size = rendered.Value!.Length + name.Length, SlidingExpiration = Sliding });
        return rendered;
    }

    public int Count => kept.Count;

    public void Dispose() => kept.Dispose();
}

/// <summary>
/// A fragment's key: its name and a 128-bit hash of every value it is rendered from, each written
/// with its length, so ("ab", "c") and ("a", "bc") differ. Add every input the markup shows; a
/// forgotten one would leave the old markup in place after that value changes.
/// </summary>
public sealed class FragmentKey(string name)
{
    private readonly XxHash128 hash = new();

    public FragmentKey Add(string? value)
    {
        Add((long)(value?.Length ?? -1));
        if (value is not null) hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
        return this;
    }

    public FragmentKey Add(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BitConverter.TryWriteBytes(bytes, value);
        hash.Append(bytes);
        return this;
    }

    public FragmentKey Add(long? value) => value is { } v ? Add(1).Add(v) : Add(0);

    public FragmentKey Add(bool value) => Add(value ? 1L : 0L);

    public FragmentKey Add(IEnumerable<string> values)
    {
        var count = 0L;
        foreach (var value in values) { Add(value); count++; }
        return Add(count);
    }

    public override string ToString() => $"{name}:{Convert.ToHexString(hash.GetCurrentHash())}";
}

internal static class HelperResults
{
    /// <summary>Runs a Razor template into a string, awaiting its partials rather than blocking on them.</summary>
    public static async Task<HtmlString> WriteToStringAsync(this HelperResult template)
    {
        await using var writer = new StringWriter();
        await template.WriteAction(writer);
        return new HtmlString(writer.ToString());
    }
}
