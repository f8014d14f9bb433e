using System.Text.RegularExpressions;

namespace Broadsheet.Import;

/// <summary>
/// Where an attachment's file is in a copy of wp-content/uploads. Only the part after
/// "wp-content/uploads/" (or, elsewhere, the year/month folders and file name) counts, read from the raw URL (a parsed URI would already have
/// folded "../" away), percent-decoded, and refused when it climbs out, is absolute or
/// would resolve outside the folder.
/// </summary>
public static partial class UploadPath
{
    [GeneratedRegex(@"^https?://[^/?#]+(?:/[^?#]*)?/(?<path>(?:19|20)\d\d/(?:0[1-9]|1[0-2])/[^/?#]+)(?:[?#].*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex YearMonthFile();

    private const string Marker = "wp-content/uploads/";

    /// <summary>Whether the URL looks like one of the old site's uploads (on any host), before looking in the folder.</summary>
    public static bool IsUpload(string url) =>
        url.Contains(Marker, StringComparison.OrdinalIgnoreCase) || YearMonthFile().IsMatch(url);

    /// <summary>The file's full path under the uploads folder, or null with the reason.</summary>
    public static string? Resolve(string attachmentUrl, string uploadsFolder, out string error)
    {
        error = "";
        var at = attachmentUrl.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        string relative;
        if (at >= 0) relative = attachmentUrl[(at + Marker.Length)..];
        // WordPress.com and CDNs serve uploads elsewhere (example.files.wordpress.com/2008/06/x.jpg),
        // but keep WordPress's year/month folders, which is where the file sits in a copy of uploads.
        else if (YearMonthFile().Match(attachmentUrl) is { Success: true } dated) relative = dated.Groups["path"].Value;
        else { error = $"'{attachmentUrl}' is neither under wp-content/uploads/ nor in a year/month folder"; return null; }
        var end = relative.IndexOfAny(['?', '#']);
        if (end >= 0) relative = relative[..end];
        relative = ImportSlug.Decode(relative).Replace('\\', '/');
        var segments = relative.Split('/');
        if (relative.Length == 0 || relative.StartsWith('/') || Path.IsPathRooted(relative) || relative.Contains('\0')
            || segments.Any(s => s is ".." or "." or ""))
        {
            error = $"'{attachmentUrl}' does not name a file inside the uploads folder";
            return null;
        }
        var root = Path.GetFullPath(uploadsFolder);
        var full = Path.GetFullPath(Path.Combine(root, Path.Combine(segments)));
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            error = $"'{attachmentUrl}' resolves outside the uploads folder";
            return null;
        }
        return full;
    }
}
