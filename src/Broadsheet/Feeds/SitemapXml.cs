using System.Text;
using System.Xml;

namespace Broadsheet.Feeds;

/// <summary>The sitemaps.org 0.9 vocabulary, written straight to the response as rows stream in.</summary>
public static class SitemapXml
{
    public const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";
    public const string ContentType = "application/xml; charset=utf-8";

    public static XmlWriter Open(Stream body) =>
        XmlWriter.Create(body, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true });

    /// <summary>One &lt;url&gt; (or &lt;sitemap&gt; in an index) with its location and, when known, last change.</summary>
    public static async Task EntryAsync(XmlWriter x, string element, string loc, DateTime? lastmod)
    {
        await x.WriteStartElementAsync(null, element, Ns);
        await x.WriteElementStringAsync(null, "loc", Ns, loc);
        if (lastmod is { } when) await x.WriteElementStringAsync(null, "lastmod", Ns, FeedDates.Rfc3339(when));
        await x.WriteEndElementAsync();
    }

    public static DateTime Later(DateTime a, DateTime? b) => b is { } other && other > a ? other : a;
}
