using Broadsheet.Articles;

namespace Broadsheet.Newsroom.Articles;

/// <summary>The newsroom list's status filter, and how a status reads to people.</summary>
public static class ArticleList
{
    public static readonly string[] Filters = ["draft", "submitted", "scheduled", "published", "unpublished"];

    public static string Describe(ArticleStatus status, DateTime? submittedAt) => status switch
    {
        ArticleStatus.Draft when submittedAt is not null => "submitted for review",
        ArticleStatus.Draft => "draft",
        ArticleStatus.Scheduled => "scheduled",
        ArticleStatus.Published => "published",
        _ => "unpublished",
    };

    /// <summary>Narrows to one filter; null (no filter) keeps all, an unknown one is refused by the caller.</summary>
    public static IQueryable<Article> Filter(this IQueryable<Article> articles, string? filter) => filter switch
    {
        "draft" => articles.Where(a => a.Status == ArticleStatus.Draft && a.SubmittedAt == null),
        "submitted" => articles.Where(a => a.Status == ArticleStatus.Draft && a.SubmittedAt != null),
        "scheduled" => articles.Where(a => a.Status == ArticleStatus.Scheduled),
        "published" => articles.Where(a => a.Status == ArticleStatus.Published),
        "unpublished" => articles.Where(a => a.Status == ArticleStatus.Unpublished),
        // A static page's companion (Articles/Companion) is the page's, edited in /newsroom/pages: never a story here.
        _ => articles.Where(a => a.Status != ArticleStatus.Companion),
    };
}
