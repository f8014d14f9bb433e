namespace Broadsheet.Sharing;

/// <summary>
/// Text cut to a limit for machines that impose one (Google wants a NewsArticle headline of at
/// most 110 characters; a description is read to about 160). Cuts at the last space so no word is
/// broken, and marks the cut with an ellipsis, which counts towards the limit.
/// </summary>
public static class Snippet
{
    public const int HeadlineLength = 110;
    public const int DescriptionLength = 160;

    public static string Shorten(string? text, int max)
    {
        var clean = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length <= max) return clean;
        var cut = clean[..(max - 1)];
        var space = cut.LastIndexOf(' ');
        // Back to the last whole word, unless the cut already falls between words; one very
        // long word is cut mid-way rather than leaving next to nothing.
        if (clean[max - 1] != ' ' && space > max / 2) cut = cut[..space];
        return cut.TrimEnd(' ', ',', ';', ':', '-', '–', '—') + "…";
    }
}
