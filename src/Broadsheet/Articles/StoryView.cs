namespace Broadsheet.Articles;

/// <summary>
/// What the reader page shows of a story above its comments: the section, headline, standfirst,
/// picture and body. The newsroom's previews fill one from the editor's form so that they render
/// through the reader page's own partials (<c>_StoryFigure</c>, <c>_StoryPreview</c>), not a look of their own.
/// </summary>
/// <param name="HeadlineLevel">1 on a page of its own; 3 inside the editor, whose page has its own h1 and a "Preview" h2.</param>
public sealed record StoryView(string? Section, string Title, string? Standfirst, StoryPicture? Picture, string BodyHtml, int HeadlineLevel = 1);

/// <summary>A story's main picture: the file under /media, its size (null when unknown) and the words that go with it.</summary>
/// <param name="Credit">Who took or owns it (issue 24), shown after the caption; empty when unknown.</param>
/// <param name="Licence">The licence note; only a link (a licence's address) is shown to readers.</param>
public sealed record StoryPicture(string Path, int? Width, int? Height, string Alt, string? Caption, string Credit = "", string Licence = "")
{
    /// <summary>The column's width: one value for the &lt;img&gt; and the head's preload, so both pick the same file.</summary>
    public const string Sizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

    public static StoryPicture? Of(Article a) =>
        a.ImagePath is null ? null : new(a.ImagePath, a.ImageWidth, a.ImageHeight, a.ImageAlt, a.ImageCaption, a.ImageCredit, a.ImageLicence);
}
