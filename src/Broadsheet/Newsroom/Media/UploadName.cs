namespace Broadsheet.Newsroom.Media;

/// <summary>
/// The uploader's file name is never used to store anything (the server makes the name), but a
/// name that tries to climb folders or hide a second extension says something is off, and the
/// uploader should hear it rather than have it silently ignored.
/// </summary>
public static class UploadName
{
    // What a web server might run or a browser might render as a page, if the name were ever trusted.
    private static readonly HashSet<string> Active = new(StringComparer.OrdinalIgnoreCase)
    {
        "php", "php3", "php4", "php5", "php7", "phtml", "phar", "asp", "aspx", "ashx", "asmx", "cer", "jsp", "jspx",
        "cgi", "pl", "py", "rb", "sh", "exe", "dll", "bat", "cmd", "com", "js", "mjs", "html", "htm", "xhtml",
        "shtml", "svg", "svgz", "xml", "swf", "jar", "hta",
    };

    /// <summary>Null when the name is acceptable; otherwise the sentence that says why not.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "The file has no name. Choose a picture file from your device.";
        if (name.Length > 255) return "The file name is longer than 255 characters. Rename the file and try again.";
        if (name.Contains("..") || name.Contains('/') || name.Contains('\\') || name.Contains(':') || name.Any(char.IsControl))
            return $"The file name \"{name}\" contains a folder path (/, \\, .. or a drive). Upload the file under a plain name such as photo.jpg.";
        // "photo.php.jpg", and "photo.jpg.php" too; "IMG_2024.01.05.jpg" or "town.hall.jpg" are fine.
        var parts = name.Trim().TrimEnd('.').Split('.');
        if (parts.Length > 1 && parts[1..].Any(Active.Contains))
            return $"The file name \"{name}\" has an extension that a server could run ({string.Join(", ", parts[1..].Where(Active.Contains).Select(p => "." + p))}). Rename it to a single extension such as photo.jpg.";
        return null;
    }
}
