using AngleSharp.Dom;
using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using System.IO.Compression;
using System.Text.Json;

namespace Broadsheet.Tests.Sharing;

/// <summary>The app as deployed behind a proxy: a public base URL unlike its loopback address, an X handle, its own media folder.</summary>
public sealed class SharingApp : BroadsheetApp
{
    public const string BaseUrl = "https://news.example.org";

    public string MediaFolder => Path.Combine(Folder, "media");

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [
        new("Site:BaseUrl", BaseUrl + "/"),
        new("Site:Twitter", "harbourdesk"),
        new("Site:Language", "en-GB"),
        new("Media:Directory", MediaFolder),
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

/// <summary>A real, valid PNG (grey, 8-bit) of a chosen size, written without an imaging library.</summary>
public static class TestPicture
{
    public static byte[] Png(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BigEndian(header, 0, width);
        BigEndian(header, 4, height);
        header[8] = 8; // bit depth; colour type 0 (greyscale), deflate, no filter, no interlace
        Chunk(png, "IHDR", header);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            for (var y = 0; y < height; y++) { z.WriteByte(0); z.Write(Enumerable.Repeat((byte)0x80, width).ToArray()); }
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BigEndian(length, 0, data.Length);
        png.Write(length);
        var body = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(body);
        var crc = new byte[4];
        BigEndian(crc, 0, (int)Crc32(body));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    private static void BigEndian(byte[] into, int at, int value)
    {
        into[at] = (byte)(value >> 24); into[at + 1] = (byte)(value >> 16); into[at + 2] = (byte)(value >> 8); into[at + 3] = (byte)value;
    }
}
