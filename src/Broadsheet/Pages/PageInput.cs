using Broadsheet.Shared;

namespace Broadsheet.Pages;

/// <summary>The page editor's form; the only thing bound from a request.</summary>
public sealed class PageInput
{
    public const int TitleMax = 300;
    public const int BodyMax = 100_000;
    public const int DescriptionMax = 500;
    public const int SlugMax = 180;

    public string Title { get; set; } = "";
    public string? Slug { get; set; }
    /// <summary>Named as the article editor's field, so its live preview endpoint reads it unchanged.</summary>
    public string Body { get; set; } = "";
    public string? Description { get; set; }
    public bool InMenu { get; set; }
    public bool InFooter { get; set; }
    public int Position { get; set; }
    public bool AllowComments { get; set; }
    public bool AllowVotes { get; set; }
    public bool CountViews { get; set; }

    public static PageInput From(Page p) => new()
    {
        Title = p.Title, Slug = p.Slug, Body = p.BodyMarkdown, Description = p.Description,
        InMenu = p.InMenu, InFooter = p.InFooter, Position = p.Position, AllowComments = p.AllowComments, AllowVotes = p.AllowVotes, CountViews = p.CountViews,
    };

    /// <summary>Everything wrong with the form, in words an editor can act on; empty when it may be saved.</summary>
    public List<string> Problems()
    {
        var errors = new List<string>();
        Title = (Title ?? "").Trim();
        Body ??= "";
        if (Title.Length == 0) errors.Add("Give the page a title.");
        if (Title.Length > TitleMax) errors.Add($"The title is longer than {TitleMax} characters.");
        if (Body.Length > BodyMax) errors.Add($"The body is longer than {BodyMax:N0} characters.");
        if (MarkdownNesting.Problem(Body) is { } nested) errors.Add(nested);
        if ((Description ?? "").Length > DescriptionMax) errors.Add($"The description is longer than {DescriptionMax} characters.");
        if (Position is < -10_000 or > 10_000) errors.Add("The order must be between -10000 and 10000.");
        var slug = string.IsNullOrWhiteSpace(Slug) ? Shared.Slug.From(Title) : Slug.Trim();
        if (!Shared.Slug.IsValid(slug)) errors.Add("The slug may hold only lower-case letters, digits and single hyphens (for example corrections-policy).");
        // Room for the companion article's mark and a deleted page's suffix (Articles/Companion).
        else if (slug.Length > SlugMax) errors.Add($"The slug is longer than {SlugMax} characters.");
        Slug = slug;
        return errors;
    }
}
