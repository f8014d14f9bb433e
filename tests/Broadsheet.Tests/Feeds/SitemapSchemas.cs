using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Broadsheet.Tests.Feeds;

/// <summary>Validates sitemaps against the sitemaps.org schemas in Feeds/Schemas; any error or warning fails.</summary>
public static class SitemapSchemas
{
    public static void ShouldBeValidUrlset(string xml) => Validate(xml, "sitemap.xsd");

    public static void ShouldBeValidIndex(string xml) => Validate(xml, "siteindex.xsd");

    private static void Validate(string xml, string schema)
    {
        var set = new XmlSchemaSet();
        set.Add(null, Path.Combine(AppContext.BaseDirectory, "Feeds", "Schemas", schema));
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = set,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception?.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings)) while (reader.Read()) { }
        problems.ShouldBeEmpty();
    }

    public static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
}
