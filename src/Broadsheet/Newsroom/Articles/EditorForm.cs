using Microsoft.AspNetCore.Http;

namespace Broadsheet.Newsroom.Articles;

/// <summary>Reads the editor form's "Input.*" fields for the htmx endpoints, the same names the page binds.</summary>
public static class EditorForm
{
    public static ArticleInput Read(IFormCollection f) => new()
    {
        Id = int.TryParse(f["Input.Id"].FirstOrDefault(), out var id) && id > 0 ? id : null,
        Title = f["Input.Title"].FirstOrDefault(),
        Slug = f["Input.Slug"].FirstOrDefault(),
        Standfirst = f["Input.Standfirst"].FirstOrDefault(),
        Body = f["Input.Body"].FirstOrDefault(),
        CategoryId = int.TryParse(f["Input.CategoryId"].FirstOrDefault(), out var c) ? c : 0,
        Tags = f["Input.Tags"].FirstOrDefault(),
        Image = f["Input.Image"].FirstOrDefault(),
        ImageAlt = f["Input.ImageAlt"].FirstOrDefault(),
        ImageCaption = f["Input.ImageCaption"].FirstOrDefault(),
        SeoTitle = f["Input.SeoTitle"].FirstOrDefault(),
        SeoDescription = f["Input.SeoDescription"].FirstOrDefault(),
        CommentsClosed = f["Input.CommentsClosed"].Contains("true"),
        Breaking = f["Input.Breaking"].Contains("true"),
        BreakingUntil = DateTime.TryParse(f["Input.BreakingUntil"].FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var b) ? b : null,
    };
}
