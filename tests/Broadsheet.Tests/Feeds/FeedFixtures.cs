using Broadsheet.Tests.Fixtures;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace Broadsheet.Tests.Feeds;

/// <summary>The app the feed tests share (its pictures live in its own folder, as every test app's do).</summary>
public class FeedApp : BroadsheetApp;

/// <summary>Every feed option turned away from its default, and a public address behind a proxy.</summary>
public sealed class ConfiguredFeedApp : FeedApp
{
    public const string BaseUrl = "https://news.example.org";

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [
        .. base.Settings,
        new("Feeds:Content", "Summary"),
        new("Feeds:Items", "3"),
        new("Site:BaseUrl", BaseUrl + "/"),
        new("Site:Name", "The Harbour Gazette"),
        new("Site:Language", "fr"),
        new("Robots:Disallow:0", "/drafts/"),
        new("Robots:Extra:0", "User-agent: ExampleBot"),
        new("Robots:Extra:1", "Disallow: /"),
    ];
}

/// <summary>Two articles per sitemap page, so paging shows with a handful of stories.</summary>
public sealed class SmallSitemapApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Feeds:SitemapPageSize", "2")];
}

/// <summary>Reads what the app serves the way a feed reader or crawler would: over HTTP, with parsers that are not ours.</summary>
public static class FeedReading
{
    /// <summary>A 2×2 PNG, a real picture a browser would show.</summary>
    public static async Task<(HttpResponseMessage Response, SyndicationFeed Feed)> FeedAsync(this BroadsheetApp app, string path)
    {
        using var client = app.Client();
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, path);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return (response, SyndicationFeed.Load(reader));
    }

    public static async Task<(HttpResponseMessage Response, XDocument Xml)> XmlAsync(this BroadsheetApp app, string path)
    {
        using var client = app.Client();
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, path);
        return (response, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    public static SyndicationItem Item(this SyndicationFeed feed, string title) => feed.Items.Single(i => i.Title.Text == title);

    /// <summary>The text of a namespaced extension element (content:encoded, dc:creator), or null.</summary>
    public static string? Extension(this SyndicationItem item, string name, string ns) =>
        item.ElementExtensions.FirstOrDefault(e => e.OuterName == name && e.OuterNamespace == ns)?.GetReader().ReadElementContentAsString();

    /// <summary>Writes a real picture under the app's media folder and returns its server-style name and size.</summary>
    public static (string Name, long Length) Picture(this FeedApp app)
    {
        Directory.CreateDirectory(app.MediaFolder);
        var name = $"{Guid.NewGuid():N}.png";
        var png = TestPicture.Png(4, 3);
        File.WriteAllBytes(Path.Combine(app.MediaFolder, name), png);
        return (name, png.Length);
    }
}
