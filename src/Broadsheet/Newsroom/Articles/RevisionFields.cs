using Broadsheet.Articles;
using System.Text.Json;

namespace Broadsheet.Newsroom.Articles;

/// <summary>What a revision keeps beyond its text columns (ArticleRevision.Fields, as JSON).</summary>
public sealed record RevisionFields(
    int CategoryId, string[] Tags, string? ImagePath, string ImageAlt, string ImageCaption, int? ImageWidth, int? ImageHeight,
    string? SeoTitle, string? SeoDescription, bool CommentsClosed, DateTime? BreakingUntil)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RevisionFields Of(Article a) => new(
        a.CategoryId, [.. a.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)], a.ImagePath, a.ImageAlt, a.ImageCaption,
        a.ImageWidth, a.ImageHeight, a.SeoTitle, a.SeoDescription, a.CommentsClosed, a.BreakingUntil);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RevisionFields Parse(string json) =>
        JsonSerializer.Deserialize<RevisionFields>(string.IsNullOrWhiteSpace(json) ? "{}" : json, Json) ?? Parse("{}");

    /// <summary>Readable name → value, for "changed fields" in a comparison.</summary>
    public IReadOnlyDictionary<string, string> Describe(Func<int, string> categoryName) => new Dictionary<string, string>
    {
        ["Section"] = categoryName(CategoryId),
        ["Tags"] = string.Join(", ", Tags ?? []),
        ["Picture"] = ImagePath ?? "none",
        ["Alt text"] = ImageAlt ?? "",
        ["Caption"] = ImageCaption ?? "",
        ["SEO title"] = SeoTitle ?? "",
        ["SEO description"] = SeoDescription ?? "",
        ["Comments"] = CommentsClosed ? "closed" : "open",
        ["Breaking until"] = BreakingUntil is { } b ? $"{b:yyyy-MM-dd HH:mm} UTC" : "not breaking",
    };

    /// <summary>Name, before, after, for every field that differs.</summary>
    public static List<(string Field, string From, string To)> Changes(RevisionFields from, RevisionFields to, Func<int, string> categoryName)
    {
        var a = from.Describe(categoryName);
        var b = to.Describe(categoryName);
        return [.. a.Where(kv => b[kv.Key] != kv.Value).Select(kv => (kv.Key, kv.Value, b[kv.Key]))];
    }
}
