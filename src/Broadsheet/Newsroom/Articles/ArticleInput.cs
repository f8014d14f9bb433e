using Broadsheet.Articles;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// Everything the editor form may set, and nothing else: the page binds only this, so a posted
/// AuthorId, Status, Role or ViewCount has nowhere to go (mass assignment).
/// </summary>
public sealed class ArticleInput
{
    public const int SeoTitleMax = 70;
    public const int SeoDescriptionMax = 160;
    public const int BodyMax = 200_000;
    public const int MaxTags = 20;

    /// <summary>Set once an autosave has created the article, so "Save" on the new-article page updates it rather than making another.</summary>
    public int? Id { get; set; }
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Standfirst { get; set; }
    public string? Body { get; set; }
    public int CategoryId { get; set; }
    public string? Tags { get; set; }
    /// <summary>File name of the chosen picture ("" for none).</summary>
    public string? Image { get; set; }
    public string? ImageAlt { get; set; }
    public string? ImageCaption { get; set; }
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    public bool CommentsClosed { get; set; }
    public bool Breaking { get; set; }
    /// <summary>UTC, from a datetime-local field.</summary>
    public DateTime? BreakingUntil { get; set; }
    /// <summary>A save of a live story that readers should be told about ("Updated 14:05"); unticked, a save changes nothing they see about dates.</summary>
    public bool Substantive { get; set; }
    /// <summary>Shown with "Updated" when <see cref="Substantive"/> is ticked.</summary>
    public string? UpdateNote { get; set; }
    public const int UpdateNoteMax = 300;
    /// <summary>UTC, for "Schedule".</summary>
    public DateTime? ScheduleAt { get; set; }

    public static ArticleInput From(Article a, IEnumerable<string> tagNames) => new()
    {
        Id = a.Id == 0 ? null : a.Id,
        Title = a.Title,
        Slug = a.Slug,
        Standfirst = a.Standfirst,
        Body = a.BodyMarkdown,
        CategoryId = a.CategoryId,
        Tags = string.Join(", ", tagNames),
        Image = a.ImagePath ?? "",
        ImageAlt = a.ImageAlt,
        ImageCaption = a.ImageCaption,
        SeoTitle = a.SeoTitle,
        SeoDescription = a.SeoDescription,
        CommentsClosed = a.CommentsClosed,
        Breaking = a.BreakingUntil is not null,
        BreakingUntil = a.BreakingUntil,
        ScheduleAt = a.Status == ArticleStatus.Scheduled ? a.PublishedAt : null,
        UpdateNote = a.UpdateNote,
    };

    /// <summary>The tag names typed, trimmed, one per slug, in the order given.</summary>
    public static List<string> TagNames(string? raw) =>
        [.. (raw ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(t => TagSlug(t).Length > 0)
            .DistinctBy(TagSlug)];

    /// <summary>A tag's slug: the same rule wherever a typed name is matched to a stored tag.</summary>
    public static string TagSlug(string name) => Shared.Slug.From(name, 100);

    public static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
