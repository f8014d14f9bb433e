using System.Xml;

namespace Broadsheet.Feeds;

/// <summary>Atom 1.0 (RFC 4287). Entry ids are the permalinks, as the RSS guids are.</summary>
public static class AtomWriter
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const string Ns = "http://www.w3.org/2005/Atom";

    public static void Write(XmlWriter x, FeedDocument feed)
    {
        x.WriteStartElement("feed", Ns);
        x.WriteAttributeString("xml", "lang", null, feed.Language);
        x.WriteAttributeString("xmlns", "media", null, MediaRss.Ns);
        // Story bodies may link site-relative (/media/..., /articles/...); xml:base resolves them.
        x.WriteAttributeString("xml", "base", null, feed.Url("/"));
        x.WriteElementString("title", Ns, feed.Source.Title);
        x.WriteElementString("subtitle", Ns, feed.Source.Description);
        x.WriteElementString("id", Ns, feed.Url(feed.SelfPath));
        x.WriteElementString("updated", Ns, FeedDates.Rfc3339(feed.Updated));
        Link(x, "alternate", "text/html", feed.Url(feed.Source.PagePath));
        Link(x, "self", "application/atom+xml", feed.Url(feed.SelfPath));
        x.WriteElementString("generator", Ns, FeedDocument.Generator);
        foreach (var item in feed.Items) WriteEntry(x, feed, item);
        x.WriteEndElement();
    }

    private static void WriteEntry(XmlWriter x, FeedDocument feed, FeedItem item)
    {
        var permalink = feed.Permalink(item);
        x.WriteStartElement("entry", Ns);
        x.WriteElementString("title", Ns, item.Title);
        x.WriteElementString("id", Ns, permalink);
        Link(x, "alternate", "text/html", permalink);
        x.WriteElementString("published", Ns, FeedDates.Rfc3339(item.PublishedAt));
        x.WriteElementString("updated", Ns, FeedDates.Rfc3339(item.Modified));
        x.WriteStartElement("author", Ns);
        x.WriteElementString("name", Ns, item.AuthorName);
        x.WriteElementString("uri", Ns, feed.Url($"/author/{item.AuthorSlug}"));
        x.WriteEndElement();
        foreach (var more in item.MoreAuthors)
        {
            x.WriteStartElement("author", Ns);
            x.WriteElementString("name", Ns, more.Name);
            if ((more.Slug is { } slug ? feed.Url($"/author/{slug}") : more.Url) is { } uri) x.WriteElementString("uri", Ns, uri);
            x.WriteEndElement();
        }
        Category(x, item.Category, feed.Url("/category/"));
        foreach (var tag in item.Tags) Category(x, tag, feed.Url("/tag/"));
        x.WriteStartElement("summary", Ns);
        x.WriteAttributeString("type", "text");
        x.WriteString(item.Standfirst);
        x.WriteEndElement();
        if (item.Html is not null)
        {
            x.WriteStartElement("content", Ns);
            x.WriteAttributeString("type", "html");
            x.WriteString(item.Html);
            x.WriteEndElement();
        }
        if (feed.EnclosureOf(item.ImagePath) is { } picture)
        {
            x.WriteStartElement("link", Ns);
            x.WriteAttributeString("rel", "enclosure");
            x.WriteAttributeString("type", picture.Type);
            x.WriteAttributeString("length", picture.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            x.WriteAttributeString("href", picture.Url);
            x.WriteEndElement();
            MediaRss.Write(x, picture, item.PictureWords);
        }
        x.WriteEndElement();
    }

    private static void Link(XmlWriter x, string rel, string type, string href)
    {
        x.WriteStartElement("link", Ns);
        x.WriteAttributeString("rel", rel);
        x.WriteAttributeString("type", type);
        x.WriteAttributeString("href", href);
        x.WriteEndElement();
    }

    private static void Category(XmlWriter x, FeedTerm term, string scheme)
    {
        x.WriteStartElement("category", Ns);
        x.WriteAttributeString("term", term.Slug);
        x.WriteAttributeString("scheme", scheme);
        x.WriteAttributeString("label", term.Name);
        x.WriteEndElement();
    }
}
