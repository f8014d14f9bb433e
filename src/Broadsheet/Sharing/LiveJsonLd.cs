using Broadsheet.Articles;
using Broadsheet.Live;
using System.Text.Json.Nodes;

namespace Broadsheet.Sharing;

/// <summary>
/// schema.org's LiveBlogPosting for a live story: the story's own description with
/// coverageStartTime/coverageEndTime and one BlogPosting per entry in liveBlogUpdate, newest first,
/// each addressed by its permalink (#entry-N).
/// </summary>
public static class LiveJsonLd
{
    public static void Apply(JsonObject story, LiveCoverage live, string canonicalUrl)
    {
        story["@type"] = "LiveBlogPosting";
        story["coverageStartTime"] = JsonLd.Date(live.StartedAt);
        if (live.EndedAt is { } ended) story["coverageEndTime"] = JsonLd.Date(ended);
        var entries = (live.Pinned is { } pinned ? live.Entries.Append(pinned) : live.Entries).OrderByDescending(e => e.CreatedAt);
        story["liveBlogUpdate"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
        {
            ["@type"] = "BlogPosting",
            ["headline"] = Snippet.Shorten(LiveCoverage.Summary(e), Snippet.HeadlineLength),
            ["datePublished"] = JsonLd.Date(e.CreatedAt),
            ["dateModified"] = JsonLd.Date(e.EditedAt ?? e.CreatedAt),
            ["articleBody"] = ArticleBody.ToPlainText(e.BodyMarkdown),
            ["url"] = $"{canonicalUrl}#entry-{e.Id}",
            ["author"] = new JsonObject { ["@type"] = "Person", ["name"] = e.AuthorName },
        })]);
    }
}
