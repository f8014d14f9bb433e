using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.Articles;

/// <summary>The editor's htmx helpers: live preview, autosave and tag suggestions. Fragments, never whole pages.</summary>
public static class EditorEndpoints
{
    public static void MapEditorEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/newsroom").RequireAuthorization(Policies.Staff);
        staff.MapPost("/articles/preview", PreviewAsync);
        staff.MapPost("/articles/{id:int}/autosave", AutosaveAsync);
        staff.MapGet("/tags/suggest", SuggestAsync);
    }

    private static async Task<bool> ValidAsync(HttpContext http)
    {
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            return true;
        }
        catch (AntiforgeryValidationException) { return false; }
    }

    private static IResult Fragment(string html, int status = 200) =>
        Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Escape(string s) => WebUtility.HtmlEncode(s);

    /// <summary>
    /// The whole story as the reader page lays it out (Articles/_StoryPreview), from the form as typed:
    /// the body through the public page's own pipeline (Markdown, then the sanitizer).
    /// </summary>
    private static async Task<IResult> PreviewAsync(HttpContext http, BroadsheetDb db, Caching.PartialRenderer partials, CancellationToken ct)
    {
        if (!await ValidAsync(http)) return Results.BadRequest();
        var input = EditorForm.Read(await http.Request.ReadFormAsync(ct));
        if (EditorPreview.Problem(input.Body) is { } problem) return Fragment($"<p class=\"form-error\">{Escape(problem)}</p>", 422);
        http.Response.Headers.CacheControl = "no-store";
        return Fragment(await partials.RenderAsync(http, EditorPreview.Partial, await EditorPreview.BuildAsync(input, db, ct)));
    }

    private static async Task<IResult> AutosaveAsync(int id, HttpContext http, ArticleDesk desk, CancellationToken ct)
    {
        if (!await ValidAsync(http)) return Results.BadRequest();
        var input = EditorForm.Read(await http.Request.ReadFormAsync(ct));
        var existing = id != 0 ? id : input.Id;
        var article = existing is int known ? await desk.FindAsync(known, http.User, ct) : null;
        if (existing is not null && article is null) return Results.NotFound();
        if (article is not null && article.Status != ArticleStatus.Draft)
            return Fragment("Autosave is off: this article is not a draft, so only Save changes it.", 409);
        article ??= new Article { Title = "", Slug = "" };
        var decision = ArticleWorkflow.Decide(await desk.RoleOfAsync(http.User), article.Id == 0 || ArticleDesk.Owns(http.User, article), ArticleStatus.Draft, WorkflowAction.Save);
        if (!decision.Allowed) return Fragment(Escape(decision.Refusal), 403);
        var errors = await desk.ApplyAsync(article, input, http.User, ct);
        if (errors.Count > 0) return Fragment($"Not saved yet: {Escape(errors[0])}", 422);
        var created = article.Id == 0;
        if (created) desk.Add(article);
        if (!await desk.AutosaveAsync(article, http.User, ct)) return Fragment("Not saved yet: that slug was just taken.", 422);
        var saved = $"Saved at <time datetime=\"{article.UpdatedAt:yyyy-MM-ddTHH:mm:ssZ}\">{article.UpdatedAt:HH:mm}</time> UTC";
        // A new article's first autosave made it: later saves (and the Save button) must update it, not make another.
        return Fragment(created ? saved + $"<input type=\"hidden\" id=\"article-id\" name=\"Input.Id\" value=\"{article.Id}\" data-hx-swap-oob=\"true\">" : saved);
    }

    /// <summary>
    /// Tags starting with the last comma-separated word typed, as a datalist whose options complete
    /// the whole field. An author is offered only tags that readers can already see (on a live
    /// article) or that are on their own articles: a tag that exists only on a colleague's draft
    /// would leak what that draft is about. Editors and admins read every draft, so they get all.
    /// </summary>
    private static async Task<IResult> SuggestAsync(HttpContext http, BroadsheetDb db, TimeProvider clock, IAuthorizationService auth, CancellationToken ct)
    {
        var raw = (http.Request.Query["q"].FirstOrDefault() ?? http.Request.Query["Input.Tags"].FirstOrDefault() ?? "");
        if (raw.Length > 2000) raw = raw[..2000];
        var comma = raw.LastIndexOf(',');
        var typed = raw[(comma + 1)..].Trim();
        var before = comma < 0 ? "" : raw[..(comma + 1)].TrimEnd() + " ";
        var html = new StringBuilder("<datalist id=\"tag-suggestions\">");
        if (ArticleInput.TagSlug(typed) is { Length: > 0 } stem)
        {
            var tags = db.Tags.AsNoTracking().Where(t => t.Slug.StartsWith(stem));
            if (!(await auth.AuthorizeAsync(http.User, Policies.Editors)).Succeeded)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var userId = http.User.UserId();
                var live = db.Articles.Live(now);
                var own = db.Articles.Where(a => a.Author.UserId == userId);
                tags = tags.Where(t => live.Any(a => a.Tags.Any(x => x.Id == t.Id)) || own.Any(a => a.Tags.Any(x => x.Id == t.Id)));
            }
            var names = await tags.OrderBy(t => t.Slug).Take(10).Select(t => t.Name).ToListAsync(ct);
            foreach (var name in names) html.Append($"<option value=\"{Escape(before + name)}\">{Escape(name)}</option>");
        }
        return Fragment(html.Append("</datalist>").ToString());
    }
}
