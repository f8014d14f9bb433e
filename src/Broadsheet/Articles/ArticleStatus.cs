namespace Broadsheet.Articles;

/// <summary>Where an article is in its life. Stored as text so the database reads plainly.</summary>
public enum ArticleStatus
{
    Draft,
    Scheduled,
    Published,
    Unpublished,
}
