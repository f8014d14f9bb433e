using Broadsheet.Media;
using System.Net;
using System.Text.RegularExpressions;

namespace Broadsheet.Import;

/// <summary>
/// The old site's uploads come into the media library once each: pictures shown inline in post
/// and page bodies (their &lt;img&gt; pointed at the old site, any host, matched by the year/month
/// path like featured pictures), and every picture attachment, so its attachment page can send
/// readers to the file. One library row per file in --uploads, recorded in ImportedItems as
/// ("media", its path under uploads), so a re-run reuses it rather than writing the file again.
/// </summary>
public sealed partial class WordPressImport
{
    /// <summary>The sizes attribute of a full-width picture in a story's body (as the story's own picture).</summary>
    private const string BodySizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

    private readonly Dictionary<string, LibraryPicture?> uploadsSeen = new(StringComparer.Ordinal);
    private string? uploads;

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImgTag();

    [GeneratedRegex(@"\s(?<name>src|srcset|sizes|width|height)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""'>]+))", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"<a\b[^>]*?\shref\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)')", RegexOptions.IgnoreCase)]
    private static partial Regex LinkHref();

    // WordPress's resized copies: "photo-300x200.jpg" is "photo.jpg" made smaller.
    [GeneratedRegex(@"-\d{1,5}x\d{1,5}(?=\.[a-z0-9]+$)", RegexOptions.IgnoreCase)]
    private static partial Regex SizeSuffix();

    private static readonly string[] PictureExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp"];

    /// <summary>
    /// The body with each &lt;img&gt; from the old uploads pointing at its library copy (src, srcset
    /// and sizes from the library), and links to those same files too. A picture that cannot be
    /// brought in keeps its old address, with a warning naming the item.
    /// </summary>
    private async Task<string> InlinePicturesAsync(string content, string item, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(content) || !content.Contains("<img", StringComparison.OrdinalIgnoreCase)) return content;
        var replaced = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in ImgTag().Matches(content).Select(m => m.Value).Distinct())
        {
            var attributes = Attribute().Matches(tag).ToList();
            if (attributes.FirstOrDefault(a => a.Groups["name"].Value.Equals("src", StringComparison.OrdinalIgnoreCase)) is not { } src) continue;
            var url = WebUtility.HtmlDecode(src.Groups["value"].Value);
            if (!UploadPath.IsUpload(url)) continue; // another site's picture is not ours to copy
            var (picture, why) = await UploadAsync(url, "", ct);
            if (picture is null)
            {
                summary.Warn("inline pictures", $"{item}: {url} kept as a link to the old site ({why}).");
                continue;
            }
            replaced[tag] = Rewritten(tag, attributes, picture);
        }
        if (replaced.Count == 0) return content;
        content = ImgTag().Replace(content, m => replaced.GetValueOrDefault(m.Value, m.Value));
        // A picture that links to its own full size (WordPress's "link to media file") links to our copy.
        return LinkHref().Replace(content, m =>
        {
            var url = WebUtility.HtmlDecode(m.Groups["value"].Value);
            if (!UploadPath.IsUpload(url) || uploads is null || UploadKey(url) is not { } key
                || uploadsSeen.GetValueOrDefault(key) is not { } picture) return m.Value;
            var at = m.Groups["value"];
            return m.Value[..(at.Index - m.Index)] + MediaFolder.UrlOf(picture.FileName) + m.Value[(at.Index - m.Index + at.Length)..];
        });
    }

    private string Rewritten(string tag, List<Match> attributes, LibraryPicture picture)
    {
        var keep = new System.Text.StringBuilder();
        var at = 0;
        string? width = null;
        foreach (var a in attributes)
        {
            keep.Append(tag, at, a.Index - at);
            at = a.Index + a.Length;
            var name = a.Groups["name"].Value.ToLowerInvariant();
            if (name == "width") width = a.Groups["value"].Value;
            // width and height stay (they are the size it was shown at); the rest are the old site's files.
            if (name is "width" or "height") keep.Append(a.Value);
        }
        keep.Append(tag, at, tag.Length - at);
        var end = keep.ToString().TrimEnd('>', '/', ' ');
        var srcset = variants.SrcSet(picture.FileName, picture.Width);
        var sizes = int.TryParse(width, out var shown) && shown > 0 && shown < picture.Width ? $"{shown}px" : BodySizes;
        return $"{end} src=\"{MediaFolder.UrlOf(picture.FileName)}\""
            + (srcset is null ? "" : $" srcset=\"{WebUtility.HtmlEncode(srcset)}\" sizes=\"{sizes}\"") + ">";
    }

    /// <summary>
    /// The library copy of an old upload, stored on first sight: the original file when WordPress's
    /// full-size one is in the folder ("photo.jpg" for "photo-300x200.jpg"), since the library makes
    /// its own smaller copies. Null with the reason when it is not there or not a picture we take.
    /// </summary>
    private async Task<(LibraryPicture? Picture, string Why)> UploadAsync(string url, string alt, CancellationToken ct)
    {
        if (uploads is null) return (null, "give --uploads DIR, a copy of wp-content/uploads, to bring it in");
        if (UploadKey(url) is not { } key) return (null, UploadPath.Resolve(url, uploads, out var refused) is null ? refused : "not found");
        if (uploadsSeen.TryGetValue(key, out var seen)) return (seen, seen is null ? "it could not be brought in; see the warning above" : "");
        // Brought in on an earlier run, and still in the library: the same row, no second file.
        if (map.Find("media", key) is { } id && await pictures.FindAsync((int)id, ct) is { } again)
        {
            summary.Unchanged("media");
            return (uploadsSeen[key] = again, "");
        }
        var path = Path.Combine(Path.GetFullPath(uploads), key);
        // The attachment this file belongs to gives the row the featured pictures' credit rule
        // (Media/PictureCredit.FromWordPress, docs/import.md), and its alt text when the caller has none.
        var attachment = AttachmentOf(key);
        var credit = attachment is null ? new PictureCredit.Found("", "", "")
            : PictureCredit.FromWordPress(WordPressHtml.TextOf(attachment.Caption), WordPressHtml.TextOf(attachment.Description));
        if (alt.Length == 0 && attachment is not null) alt = ImportMap.Fit(attachment.Alt, 300);
        var (picture, why) = new FileInfo(path) is { Exists: true, Length: <= MaxPictureBytes } found
            ? await pictures.StoreAsync(await File.ReadAllBytesAsync(path, ct), found.Name, alt, credit.Credit, credit.Licence, ct)
            : (null, $"{key} is not in the uploads folder, or is larger than {MaxPictureBytes / 1024 / 1024} MB");
        uploadsSeen[key] = picture;
        if (picture is null)
        {
            summary.Skipped("media");
            return (null, why);
        }
        writtenFiles.AddRange(picture.Files);
        map.Record("media", key, picture.Id);
        summary.Created("media");
        return (picture, "");
    }

    private Dictionary<string, WxrAttachment>? attachmentsByKey;

    /// <summary>
    /// The export's attachment for a file under uploads, matched by the same key as the file (so a
    /// body's resized "photo-300x200.jpg" finds the attachment of "photo.jpg"); the first one wins.
    /// </summary>
    private WxrAttachment? AttachmentOf(string key)
    {
        if (attachmentsByKey is null)
        {
            attachmentsByKey = new(StringComparer.Ordinal);
            foreach (var a in file.Attachments.Values)
                if (IsPicture(a.Url) && UploadPath.IsUpload(a.Url) && UploadKey(a.Url) is { } k) attachmentsByKey.TryAdd(k, a);
        }
        return attachmentsByKey.GetValueOrDefault(key);
    }

    /// <summary>The file's path under the uploads folder ("2019/05/photo.jpg"), preferring the full size; null when the URL names none there.</summary>
    private string? UploadKey(string url)
    {
        if (uploads is null || UploadPath.Resolve(url, uploads, out _) is not { } path) return null;
        var root = Path.GetFullPath(uploads);
        var original = SizeSuffix().Replace(path, "");
        if (original != path && File.Exists(original)) path = original;
        return Path.GetRelativePath(root, path).Replace('\\', '/');
    }

    private static bool IsPicture(string url) =>
        PictureExtensions.Contains(Path.GetExtension(url.Split('?', '#')[0]).ToLowerInvariant());
}
