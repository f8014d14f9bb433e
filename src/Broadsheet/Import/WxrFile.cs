using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Broadsheet.Import;

public sealed record WxrAuthor(string Id, string Login, string Email, string DisplayName);

/// <summary>A category or tag. Slug is WordPress's nicename as written (it may be percent-encoded).</summary>
public sealed record WxrTerm(string Taxonomy, string Slug, string Name, string ParentSlug, string Id = "", string Description = "");

public sealed record WxrComment(string Id, string ParentId, string Author, DateTime? Date, string Content,
    string Approved, string Type, string UserId)
{
    public string Fingerprint { get; init; } = "";
}

public sealed record WxrAttachment(string Id, string Url, string Caption, string Alt)
{
    /// <summary>The attachment page's old address and the post or page it belongs to ("0" or "" when none).</summary>
    public string Link { get; init; } = "";
    public string ParentId { get; init; } = "";
    /// <summary>The attachment's description (its content:encoded), where WordPress sites often keep the credit.</summary>
    public string Description { get; init; } = "";
}

public sealed record WxrPost(string Id, string Title, string Link, string Slug, string Creator, string Content,
    string Excerpt, DateTime? Date, DateTime? Modified, string Status, bool PasswordProtected, bool CommentsClosed,
    IReadOnlyList<WxrTerm> Terms, IReadOnlyDictionary<string, string> Meta, IReadOnlyList<WxrComment> Comments)
{
    public bool Sticky { get; init; }

    /// <summary>wp:menu_order: a page's place among its siblings.</summary>
    public int MenuOrder { get; init; }

    /// <summary>The item exactly as the export wrote it, hashed: a re-run leaves alone what did not change.</summary>
    public string Fingerprint { get; init; } = "";
}

/// <summary>
/// A WordPress eXtended RSS export (WXR 1.0–1.2), read and checked as a whole before anything
/// is written, so a bad file changes nothing. Errors name the line and column.
/// </summary>
public sealed class WxrFile
{
    // WordPress writes http://wordpress.org/export/1.x/; WordPress.com and some tools write https.
    // Like the official importer, we read whatever namespace the document binds to these.
    private static readonly string[] WpPrefixes = ["http://wordpress.org/export/", "https://wordpress.org/export/"];
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public required string SiteUrl { get; init; }
    public required List<WxrAuthor> Authors { get; init; }
    public required List<WxrTerm> Categories { get; init; }
    public required List<WxrTerm> Tags { get; init; }
    public required List<WxrPost> Posts { get; init; }
    /// <summary>Static pages (post_type page), read as posts are.</summary>
    public List<WxrPost> Pages { get; init; } = [];
    public required Dictionary<string, WxrAttachment> Attachments { get; init; }
    /// <summary>Items that are neither posts, pages nor attachments (menu items, revisions...), by type.</summary>
    public required Dictionary<string, int> OtherItems { get; init; }

    /// <summary>The path the old site lived under ("" at the root, "/news" in a subfolder).</summary>
    public string SitePath => Uri.TryCreate(SiteUrl, UriKind.Absolute, out var u) ? u.AbsolutePath.TrimEnd('/') : "";

    public static WxrFile Load(string path)
    {
        XDocument doc;
        try
        {
            // No DTDs: an export never has one, and refusing them shuts out entity expansion attacks.
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex) when (ex.LineNumber == 0 && DoctypeAt(path) is { } at)
        {
            // The reader refuses a DTD before it counts lines, so it says "line 0": find it ourselves.
            throw new WxrException($"{Path.GetFileName(path)} line {at.Line}, column {at.Column}: a DTD (<!DOCTYPE>) is not allowed in an export (WordPress never writes one, and it could expand entities without bound). Nothing was read.");
        }
        catch (XmlException ex)
        {
            throw new WxrException($"{Path.GetFileName(path)} is not well-formed XML at line {ex.LineNumber}, column {ex.LinePosition}: {ex.Message}");
        }
        return Parse(doc, Path.GetFileName(path));
    }

    private static bool IsExportNamespace(string uri) =>
        WpPrefixes.Any(p => uri.StartsWith(p, StringComparison.Ordinal)) && uri.EndsWith('/') && uri.Count(c => c == '/') == 5;

    private static (int Line, int Column)? DoctypeAt(string path)
    {
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var at = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
            if (at >= 0) return (line, at + 1);
            if (line > 10_000) break; // a prolog is short; a DTD after the root element is refused anyway
        }
        return null;
    }

    private static WxrFile Parse(XDocument doc, string name)
    {
        var root = doc.Root!;
        if (root.Name != "rss") throw Error(name, root, $"the root element is <{root.Name.LocalName}>, not <rss>: this is not a WordPress export");
        var channel = root.Element("channel") ?? throw Error(name, root, "<rss> has no <channel>");
        var wp = (XNamespace?)root.Attributes().Where(a => a.IsNamespaceDeclaration && IsExportNamespace(a.Value))
            .OrderBy(a => a.Name.LocalName == "wp" ? 0 : 1).Select(a => a.Value).FirstOrDefault()
            ?? throw Error(name, root, "no WordPress export namespace (http://wordpress.org/export/1.2/): this is an RSS feed, not a WXR export");
        if (channel.Element(wp + "wxr_version") is null) throw Error(name, channel, "<channel> has no <wp:wxr_version>");
        // The home URL: where permalinks and archives lived (base_site_url is where WordPress is installed).
        var site = Text(channel.Element("link")) is { Length: > 0 } link ? link
            : Text(channel.Element(wp + "base_blog_url")) is { Length: > 0 } blog ? blog
            : Text(channel.Element(wp + "base_site_url"));
        if (site.Length == 0) throw Error(name, channel, "<channel> has no <link> or <wp:base_site_url>");

        var file = new WxrFile
        {
            SiteUrl = site.TrimEnd('/'),
            Authors = [.. channel.Elements(wp + "author").Select(a => ReadAuthor(name, a, wp))],
            Categories = [.. channel.Elements(wp + "category").Select(c => new WxrTerm("category",
                Required(name, c, wp + "category_nicename"), Text(c.Element(wp + "cat_name")), Text(c.Element(wp + "category_parent")), Text(c.Element(wp + "term_id")), Text(c.Element(wp + "category_description"))))],
            Tags = [.. channel.Elements(wp + "tag").Select(t => new WxrTerm("post_tag",
                Required(name, t, wp + "tag_slug"), Text(t.Element(wp + "tag_name")), "", Text(t.Element(wp + "term_id"))))],
            Posts = [],
            Attachments = [],
            OtherItems = [],
        };
        foreach (var item in channel.Elements("item"))
        {
            var id = Required(name, item, wp + "post_id");
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)) throw Error(name, item, $"<wp:post_id> '{id}' is not a number");
            var type = Required(name, item, wp + "post_type");
            var meta = item.Elements(wp + "postmeta")
                .Select(m => (Key: Text(m.Element(wp + "meta_key")), Value: Text(m.Element(wp + "meta_value"))))
                .Where(m => m.Key.Length > 0).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First().Value);
            switch (type)
            {
                case "attachment":
                    file.Attachments[id] = new WxrAttachment(id, Text(item.Element(wp + "attachment_url")),
                        Text(item.Element(Excerpt(item))), meta.GetValueOrDefault("_wp_attachment_image_alt", ""))
                    { Link = Text(item.Element("link")), ParentId = Text(item.Element(wp + "post_parent")), Description = Text(item.Element(Content + "encoded")) };
                    break;
                case "post":
                    file.Posts.Add(ReadPost(name, item, wp, id, meta));
                    break;
                case "page":
                    file.Pages.Add(ReadPost(name, item, wp, id, meta) with
                    {
                        MenuOrder = int.TryParse(Text(item.Element(wp + "menu_order")), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var order) ? order : 0,
                    });
                    break;
                default:
                    file.OtherItems[type] = file.OtherItems.GetValueOrDefault(type) + 1;
                    break;
            }
        }
        return file;
    }

    // <wp:author_id> is optional (WordPress.com and some 6.x exports leave it out); the login is
    // unique on a site too, so it keys the author instead.
    private static WxrAuthor ReadAuthor(string name, XElement a, XNamespace wp)
    {
        var login = Required(name, a, wp + "author_login");
        var id = Text(a.Element(wp + "author_id")) is { Length: > 0 } given ? given : "user:" + login; // not "login:", which marks a creator the export does not list
        return new WxrAuthor(id, login, Text(a.Element(wp + "author_email")), Text(a.Element(wp + "author_display_name")));
    }

    private static WxrPost ReadPost(string name, XElement item, XNamespace wp, string id, Dictionary<string, string> meta) => new WxrPost(
        id,
        Text(item.Element("title")),
        Text(item.Element("link")),
        Text(item.Element(wp + "post_name")),
        Text(item.Element(Dc + "creator")),
        Text(item.Element(Content + "encoded")),
        Text(item.Element(Excerpt(item))),
        Date(item.Element(wp + "post_date_gmt")) ?? Date(item.Element(wp + "post_date")),
        Date(item.Element(wp + "post_modified_gmt")),
        Required(name, item, wp + "status"),
        Text(item.Element(wp + "post_password")).Length > 0,
        Text(item.Element(wp + "comment_status")) == "closed",
        [.. item.Elements("category").Select(c => new WxrTerm((string?)c.Attribute("domain") ?? "", (string?)c.Attribute("nicename") ?? "", c.Value.Trim(), ""))
            .Where(t => t.Slug.Length > 0)],
        meta,
        [.. item.Elements(wp + "comment").Select(c => new WxrComment(
            Required(name, c, wp + "comment_id"),
            Text(c.Element(wp + "comment_parent")),
            Text(c.Element(wp + "comment_author")),
            Date(c.Element(wp + "comment_date_gmt")) ?? Date(c.Element(wp + "comment_date")),
            Text(c.Element(wp + "comment_content")),
            Text(c.Element(wp + "comment_approved")),
            Text(c.Element(wp + "comment_type")),
            Text(c.Element(wp + "comment_user_id"))) { Fingerprint = Fingerprint(c) })])
    {
        Sticky = Text(item.Element(wp + "is_sticky")) == "1",
        // Comments have their own fingerprints: a new comment must not make the post look edited.
        Fingerprint = Fingerprint(item, except: wp + "comment"),
    };

    private static string Fingerprint(XElement e, XName? except = null)
    {
        var copy = new XElement(e);
        if (except is not null) copy.Elements(except).Remove();
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(copy.ToString(SaveOptions.DisableFormatting))))[..32];
    }

    // The excerpt namespace follows the export version (…/export/1.2/excerpt/).
    private static XName Excerpt(XElement item) =>
        item.Elements().FirstOrDefault(e => e.Name.LocalName == "encoded" && e.Name.NamespaceName.EndsWith("/excerpt/", StringComparison.Ordinal))?.Name
        ?? XName.Get("encoded", "urn:none");

    private static string Text(XElement? e) => e?.Value.Trim() ?? "";

    private static string Required(string file, XElement parent, XName child) =>
        parent.Element(child) is { } e && e.Value.Trim() is { Length: > 0 } value
            ? value
            : throw Error(file, parent, $"<{parent.Name.LocalName}> has no <{Prefixed(child)}>");

    private static string Prefixed(XName n) => IsExportNamespace(n.NamespaceName) ? "wp:" + n.LocalName : n.LocalName;

    // WordPress writes "0000-00-00 00:00:00" for dates it never set (a draft's GMT date).
    private static DateTime? Date(XElement? e) =>
        DateTime.TryParseExact(Text(e), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static WxrException Error(string file, XObject at, string message)
    {
        var line = (IXmlLineInfo)at;
        return new WxrException($"{file} line {line.LineNumber}, column {line.LinePosition}: {message}.");
    }
}

/// <summary>The export cannot be imported; the message says where and why.</summary>
public sealed class WxrException(string message) : Exception(message);
