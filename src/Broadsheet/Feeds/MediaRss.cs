using System.Xml;
using Broadsheet.Media;

namespace Broadsheet.Feeds;

/// <summary>
/// Media RSS (https://www.rssboard.org/media-rss) for a story's picture, in RSS items and Atom entries
/// alike (it is a namespace, not an RSS-only module): the enclosure says what the file is, this says
/// who took it. media:credit has role "photographer" for a person and "distributor" for an agency
/// (PictureCredit.Holder); media:license only when the note is a link, else the note is media:copyright.
/// </summary>
public static class MediaRss
{
    public const string Ns = "http://search.yahoo.com/mrss/";

    public static void Write(XmlWriter x, Enclosure picture, FeedPictureWords words)
    {
        x.WriteStartElement("content", Ns);
        x.WriteAttributeString("url", picture.Url);
        x.WriteAttributeString("type", picture.Type);
        x.WriteAttributeString("fileSize", picture.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        x.WriteAttributeString("medium", "image");
        if (words.Caption.Length > 0)
        {
            x.WriteStartElement("description", Ns);
            x.WriteAttributeString("type", "plain");
            x.WriteString(words.Caption);
            x.WriteEndElement();
        }
        if (words.Credit.Length > 0)
        {
            x.WriteStartElement("credit", Ns);
            x.WriteAttributeString("role", PictureCredit.Holder(words.Credit).Type == "Person" ? "photographer" : "distributor");
            x.WriteString(words.Credit);
            x.WriteEndElement();
        }
        if (PictureCredit.LicenceUrl(words.Licence) is { } licence)
        {
            x.WriteStartElement("license", Ns);
            x.WriteAttributeString("type", "text/html");
            x.WriteAttributeString("href", licence);
            x.WriteEndElement();
        }
        else if (words.Licence.Length > 0)
        {
            x.WriteElementString("copyright", Ns, words.Licence);
        }
        x.WriteEndElement();
    }
}
