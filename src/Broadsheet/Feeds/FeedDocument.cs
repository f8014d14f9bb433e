using Broadsheet.Media;
using Broadsheet.Shared;

namespace Broadsheet.Feeds;

/// <summary>A featured picture as a feed encloses it: its absolute URL, real byte length and MIME type.</summary>
public sealed record Enclosure(string Url, long Length, string Type);

/// <summary>Everything a feed writer needs, so RSS and Atom say the same things.</summary>
public sealed record FeedDocument(
    string BaseUrl, string SelfPath, FeedSource Source, IReadOnlyList<FeedItem> Items, string Language,
    Func<string?, Enclosure?> EnclosureOf)
{
    /// <summary>The newest change among the items; an empty feed has never changed.</summary>
    public DateTime Updated => FeedDates.Utc(Items.Count == 0 ? DateTime.UnixEpoch : Items.Max(i => i.Modified));

    public string Url(string path) => BaseUrl + path;

    public string Permalink(FeedItem item) =>
        Url(SiteAddress.ArticlePath(item.Slug)) + (item.Fragment is { } anchor ? "#" + anchor : "");

    public const string Generator = "Broadsheet";
}

/// <summary>Looks up a featured picture's file, so an enclosure states the length a client will really get.</summary>
public sealed class MediaFiles(IConfiguration config, IWebHostEnvironment env)
{
    private readonly string folder = MediaFolder.DirectoryOf(config, env);

    public Enclosure? Of(string baseUrl, string? imagePath)
    {
        // Names are server-made; anything with a directory part is not one of ours.
        if (string.IsNullOrEmpty(imagePath) || Path.GetFileName(imagePath) != imagePath) return null;
        var file = new FileInfo(Path.Combine(folder, imagePath));
        return file.Exists ? new Enclosure($"{baseUrl}{MediaFolder.UrlPrefix}/{Uri.EscapeDataString(imagePath)}", file.Length, MediaFolder.ContentTypeOf(imagePath)) : null;
    }
}
