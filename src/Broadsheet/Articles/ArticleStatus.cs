namespace Broadsheet.Articles;

/// <summary>Where an article is in its life. Stored as text so the database reads plainly.</summary>
public enum ArticleStatus
{
    Draft,
    Scheduled,
    Published,
    Unpublished,

    /// <summary>
    /// Never live: the hidden stand-in that holds a static page's votes, views and comments
    /// (<see cref="Companion"/>), so those features keep keying everything by article.
    /// </summary>
    Companion,
}
