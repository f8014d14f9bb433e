using AngleSharp.Dom;
using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using System.Text.Json;

namespace Broadsheet.Tests.Sharing;

/// <summary>The app as deployed behind a proxy: a public base URL unlike its loopback address, an X handle, its own media folder.</summary>
public sealed class SharingApp : BroadsheetApp
{
    public const string BaseUrl = "https://news.example.org";

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [
        new("Site:BaseUrl", BaseUrl + "/"),
        new("Site:Twitter", "harbourdesk"),
        new("Site:Language", "en-GB"),
    ];

    /// <summary>A live story with a real PNG of <paramref name="width"/>×<paramref name="height"/> pixels as its featured picture.</summary>
    public async Task<Article> ArticleWithPictureAsync(int width, int height, Action<Article>? shape = null, params string[] tags)
    {
        var name = $"{Guid.NewGuid():N}.png";
        Directory.CreateDirectory(MediaFolder);
        await File.WriteAllBytesAsync(Path.Combine(MediaFolder, name), TestPicture.Png(width, height));
        return await StoryAsync(a =>
        {
            a.ImagePath = name;
            a.ImageAlt = "Ferry at the harbour wall at dawn";
            a.ImageCaption = "The first sailing leaves at seven.";
            a.ImageWidth = width;
            a.ImageHeight = height;
            shape?.Invoke(a);
        }, tags);
    }

    /// <summary>A live story in a new section by a new author, returned with both filled in (TestNewsroom sets only their ids).</summary>
    public async Task<Article> StoryAsync(Action<Article>? shape = null, params string[] tags)
    {
        var category = await this.CategoryAsync();
        var author = await this.AuthorAsync();
        var article = await this.ArticleAsync(shape, category, author, tags);
        article.Category = category;
        article.Author = author;
        return article;
    }
}

/// <summary>What a link preview or a search engine reads from a page's head.</summary>
public static class Head
{
    public static string? Meta(this IDocument page, string key) =>
        page.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

    public static List<string> MetaAll(this IDocument page, string key) =>
        [.. page.QuerySelectorAll($"meta[property='{key}']").Select(m => m.GetAttribute("content")!)];

    public static string? Canonical(this IDocument page) => page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");

    /// <summary>Each ld+json block, parsed, by its @type.</summary>
    public static Dictionary<string, JsonElement> JsonLd(this IDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .ToDictionary(e => e.GetProperty("@type").GetString()!);

    public static string Str(this JsonElement e, params string[] path) =>
        path.Aggregate(e, (at, name) => at.GetProperty(name)).GetString()!;
}
