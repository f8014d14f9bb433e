namespace Broadsheet.Articles;

/// <summary>
/// A static page's hidden companion article. Votes, views and comments are keyed by article in
/// every table, route, counter and thread; rather than teach each of them a second kind of
/// target, a page that turns any of them on gets one article with status
/// <see cref="ArticleStatus.Companion"/>, which <see cref="ArticleQueries.Live"/> never returns
/// (so it is in no list, feed, sitemap, search or ranking), and which holds the counters, votes
/// and comments. Its slug is the page's behind a mark that no story's slug can hold
/// (<see cref="Shared.Slug.IsValid"/> refuses it), so the two never collide and a companion is
/// never reached at /articles/...; readers reach it only through its page, /pages/{slug}.
/// </summary>
public static class Companion
{
    public const string Mark = "~";

    public static string SlugFor(string pageSlug) => Mark + pageSlug;

    public static bool Is(string slug) => slug.StartsWith(Mark, StringComparison.Ordinal);

    /// <summary>Where readers read what the article's votes and comments are about: a story, or the companion's page.</summary>
    public static string ReaderPath(string slug) => Is(slug) ? $"/pages/{slug[Mark.Length..]}" : $"/articles/{slug}";

    /// <summary>The article a vote or comment route names: a story by its slug, or a page's companion (<paramref name="onPage"/>).</summary>
    public static string? KeyOf(string? slug, bool onPage) =>
        slug is null || !Shared.Slug.IsValid(slug) ? null : onPage ? SlugFor(slug) : slug;

    /// <summary>Stories readers may vote on, and page companions whose page takes votes.</summary>
    public static IQueryable<Article> Votable(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a =>
            (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled) && a.PublishedAt != null && a.PublishedAt <= nowUtc
            || a.Status == ArticleStatus.Companion && !a.VotesClosed);

    /// <summary>Stories with a thread, and page companions whose page shows comments.</summary>
    public static IQueryable<Article> Discussable(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a =>
            (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled) && a.PublishedAt != null && a.PublishedAt <= nowUtc
            || a.Status == ArticleStatus.Companion && !a.CommentsClosed);
}
