using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// The editor's form as the reader page would show it, saved or not: the live preview (htmx) and
/// the "Preview" button (no JavaScript) both render this through Articles/_StoryPreview.
/// Static pages' editor posts only a title and a body, so it gets no kicker, standfirst or picture.
/// </summary>
public static class EditorPreview
{
    public const string Partial = "~/Articles/_StoryPreview.cshtml";

    /// <summary>Null with a reason when the body cannot be previewed (too long, nested too deep).</summary>
    public static string? Problem(string? body) =>
        (body ?? "").Length > ArticleInput.BodyMax ? "The body is too long to preview."
        : Shared.MarkdownNesting.Problem(body ?? "");

    public static async Task<StoryView> BuildAsync(ArticleInput input, BroadsheetDb db, CancellationToken ct)
    {
        var section = input.CategoryId > 0
            ? await db.Categories.AsNoTracking().Where(c => c.Id == input.CategoryId).Select(c => c.Name).FirstOrDefaultAsync(ct)
            : null;
        var body = Problem(input.Body) is null ? ArticleBody.ToSafeHtml(input.Body ?? "") : "";
        return new StoryView(section, (input.Title ?? "").Trim(), input.Standfirst?.Trim(),
            await PictureAsync(input, db, ct), body, HeadlineLevel: 3);
    }

    /// <summary>
    /// Only a picture the server knows: one from the media library, or one a story already shows
    /// (an imported article's). Any other name would put an unchecked path in an img tag.
    /// </summary>
    private static async Task<StoryPicture?> PictureAsync(ArticleInput input, BroadsheetDb db, CancellationToken ct)
    {
        var chosen = (input.Image ?? "").Trim();
        if (chosen.Length == 0) return null;
        var (alt, caption) = ((input.ImageAlt ?? "").Trim(), input.ImageCaption?.Trim());
        var dot = chosen.LastIndexOf('.');
        if (dot > 0)
        {
            var (stem, ext) = (chosen[..dot], chosen[(dot + 1)..]);
            var media = await db.MediaImages.AsNoTracking().Where(m => m.Stem == stem && m.Extension == ext)
                .Select(m => new { m.Width, m.Height, m.Credit, m.Licence }).FirstOrDefaultAsync(ct);
            if (media is not null) return new StoryPicture(chosen, media.Width, media.Height, alt, caption, media.Credit, media.Licence);
        }
        var shown = await db.Articles.AsNoTracking().Where(a => a.ImagePath == chosen)
            .Select(a => new { a.ImageWidth, a.ImageHeight, a.ImageCredit, a.ImageLicence }).FirstOrDefaultAsync(ct);
        return shown is null ? null : new StoryPicture(chosen, shown.ImageWidth, shown.ImageHeight, alt, caption, shown.ImageCredit, shown.ImageLicence);
    }
}
