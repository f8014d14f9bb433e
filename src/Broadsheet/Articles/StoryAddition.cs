namespace Broadsheet.Articles;

/// <summary>
/// A part a higher feature adds to a story's page (live coverage: its timeline above the body,
/// its entries below). Articles only renders the partials it is handed, so it depends on no such
/// feature; the model also goes into ViewData under <see cref="ViewDataKey"/> for the page's
/// &lt;head&gt; (JSON-LD).
/// </summary>
public sealed record StoryAddition(string TopPartial, string BottomPartial, object Model)
{
    public const string ViewDataKey = "Articles.StoryAddition";
}

/// <summary>Implemented by a feature that adds to some stories' pages; asked once per render of the story.</summary>
public interface IStoryAdditions
{
    Task<StoryAddition?> FindAsync(Article article, CancellationToken ct);
}
