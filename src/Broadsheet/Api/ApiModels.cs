using System.Text.Json.Serialization;

namespace Broadsheet.Api;

// The JSON shapes of the Content API (camelCase on the wire). Lists are { items, meta }, a single
// article is { article }, so either can grow a field without breaking a client.

public sealed record ApiTerm(string Slug, string Name);

/// <param name="Credit">Who took or owns the picture (photographer or agency); empty when unknown.</param>
/// <param name="Licence">The licence note, or a licence's URL; empty when none was given.</param>
public sealed record ApiImage(string Url, string Alt, string Caption, int? Width, int? Height, string Credit, string Licence);

/// <summary>
/// One name on the byline (issue 24): a byline with a page has its slug (and url, its author page);
/// a guest has no slug, and a url only when the newsroom gave their link.
/// </summary>
public sealed record ApiByline(string? Slug, string Name, string? Url, bool Guest);

public sealed record ApiCounts(long Views, int Upvotes, int Downvotes, int Comments);

/// <summary>
/// An article. Every field is optional in the document: fields= cuts it down, a list leaves out
/// html and plaintext unless asked, a single article leaves out plaintext unless asked.
/// </summary>
public sealed record ApiArticle(
    int Id, string Slug, string Title, string Standfirst, string Url,
    DateTime PublishedAt, DateTime UpdatedAt, int ReadingMinutes,
    ApiTerm Category, ApiTerm Author, IReadOnlyList<ApiByline> Authors, IReadOnlyList<ApiTerm> Tags, ApiImage? Image, ApiCounts Counts,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("plaintext")] string? Plaintext);

public sealed record Pagination(int Page, int Limit, int Total, int Pages, int? Next, int? Prev)
{
    public static Pagination Of(int page, int limit, int total)
    {
        var pages = (total + limit - 1) / limit;
        return new(page, limit, total, pages, page < pages ? page + 1 : null, page > 1 ? Math.Min(page - 1, Math.Max(pages, 1)) : null);
    }
}

public sealed record ListMeta(Pagination Pagination);

/// <summary>A response whose article objects are cut down to the fields the client asked for.</summary>
public interface ISelectsFields
{
    /// <summary>The property holding one article or a list of them.</summary>
    string Property { get; }
    IReadOnlySet<string> Fields { get; }
}

public sealed record ArticleList(IReadOnlyList<ApiArticle> Items, ListMeta Meta, [property: JsonIgnore] IReadOnlySet<string> Fields) : ISelectsFields
{
    [JsonIgnore] public string Property => "items";
}

public sealed record ArticleResource(ApiArticle Article, [property: JsonIgnore] IReadOnlySet<string> Fields) : ISelectsFields
{
    [JsonIgnore] public string Property => "article";
}

public sealed record ApiCategory(string Slug, string Name, string Description, string Url, int Articles);

public sealed record ApiTag(string Slug, string Name, string Url, int Articles);

public sealed record ApiAuthor(string Slug, string Name, string Bio, string Url, int Articles);

public sealed record TermList<T>(IReadOnlyList<T> Items, ListMeta Meta);

public sealed record CategoryResource(ApiCategory Category);

public sealed record TagResource(ApiTag Tag);

public sealed record AuthorResource(ApiAuthor Author);

/// <summary>A search match: the article and a snippet of its text with the matched words in &lt;mark&gt;.</summary>
public sealed record ApiSearchHit(ApiArticle Article, string Snippet);

public sealed record SearchList(IReadOnlyList<ApiSearchHit> Items, ListMeta Meta);
