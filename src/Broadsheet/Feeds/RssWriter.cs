using System.Xml;

namespace Broadsheet.Feeds;

/// <summary>RSS 2.0 with the content, Dublin Core and Atom (self link) modules.</summary>
public static class RssWriter
{
    public const string ContentType = "application/rss+xml; charset=utf-8";
    public const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    public const string DcNs = "http://purl.org/dc/elements/1.1/";

    public static void Write(XmlWriter x, FeedDocument feed)
    {
        x.WriteStartElement("rss");
        x.WriteAttributeString("version", "2.0");
        x.WriteAttributeString("xmlns", "atom", null, AtomWriter.Ns);
        x.WriteAttributeString("xmlns", "content", null, ContentNs);
        x.WriteAttributeString("xmlns", "dc", null, DcNs);
        x.WriteAttributeString("xmlns", "media", null, MediaRss.Ns);
        x.WriteStartElement("channel");
        x.WriteElementString("title", feed.Source.Title);
        x.WriteElementString("link", feed.Url(feed.Source.PagePath));
        x.WriteElementString("description", feed.Source.Description);
        x.WriteElementString("language", feed.Language);
        x.WriteElementString("lastBuildDate", FeedDates.Rfc822(feed.Updated));
        x.WriteElementString("generator", FeedDocument.Generator);
        x.WriteStartElement("link", AtomWriter.Ns);
        x.WriteAttributeString("href", feed.Url(feed.SelfPath));
        x.WriteAttributeString("rel", "self");
        x.WriteAttributeString("type", "application/rss+xml");
        x.WriteEndElement();
        foreach (var item in feed.Items) WriteItem(x, feed, item);
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void WriteItem(XmlWriter x, FeedDocument feed, FeedItem item)
    {
        var permalink = feed.Permalink(item);
        x.WriteStartElement("item");
        x.WriteElementString("title", item.Title);
        x.WriteElementString("link", permalink);
        x.WriteStartElement("guid");
        x.WriteAttributeString("isPermaLink", "true");
        x.WriteString(permalink);
        x.WriteEndElement();
        x.WriteElementString("pubDate", FeedDates.Rfc822(item.PublishedAt));
        // One dc:creator per author, in byline order (Dublin Core repeats the element; RSS's <author> wants an e-mail).
        x.WriteElementString("dc", "creator", DcNs, item.AuthorName);
        foreach (var more in item.MoreAuthors) x.WriteElementString("dc", "creator", DcNs, more.Name);
        WriteCategory(x, feed.Url($"/category/{item.Category.Slug}"), item.Category.Name);
        foreach (var tag in item.Tags) WriteCategory(x, feed.Url($"/tag/{tag.Slug}"), tag.Name);
        x.WriteElementString("description", item.Standfirst);
        if (item.Html is not null) x.WriteElementString("content", "encoded", ContentNs, item.Html);
        if (feed.EnclosureOf(item.ImagePath) is { } picture)
        {
            x.WriteStartElement("enclosure");
            x.WriteAttributeString("url", picture.Url);
            x.WriteAttributeString("length", picture.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            x.WriteAttributeString("type", picture.Type);
            x.WriteEndElement();
            MediaRss.Write(x, picture, item.PictureWords);
        }
        x.WriteEndElement();
    }

    private static void WriteCategory(XmlWriter x, string domain, string name)
    {
        x.WriteStartElement("category");
        x.WriteAttributeString("domain", domain);
        x.WriteString(name);
        x.WriteEndElement();
    }
}
