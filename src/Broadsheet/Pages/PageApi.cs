using Broadsheet.Api;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Broadsheet.Pages;

/// <summary>A published page. Every field is optional: fields= returns only those named; a list leaves out html and plaintext unless asked.</summary>
public sealed record ApiPage(
    int Id, string Slug, string Title, string Description, string Url, DateTime CreatedAt, DateTime UpdatedAt,
    bool InMenu, bool InFooter, int Position,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("plaintext")] string? Plaintext);

public sealed record PageList(IReadOnlyList<ApiPage> Items, ListMeta Meta, [property: JsonIgnore] IReadOnlySet<string> Fields) : ISelectsFields
{
    [JsonIgnore] public string Property => "items";
}

public sealed record PageResource(ApiPage Page, [property: JsonIgnore] IReadOnlySet<string> Fields) : ISelectsFields
{
    [JsonIgnore] public string Property => "page";
}

/// <summary>
/// /api/v1/pages, /api/v1/pages/{slug} and /api/v1/pages/id/{id}: published pages, in the menu's
/// order, on the API's group (keys, ETags, the shared cache, unknown-parameter 400s) with the
/// articles' fields= and formats= rules.
/// </summary>
public sealed class PageApi : IApiResources
{
    public static readonly IReadOnlyList<string> PageFields =
        ["id", "slug", "title", "description", "url", "createdAt", "updatedAt", "inMenu", "inFooter", "position", "html", "plaintext"];

    private static readonly IReadOnlySet<string> ListFields = PageFields.Where(f => !ApiParameters.Formats.Contains(f)).ToHashSet();
    private static readonly IReadOnlySet<string> ItemFields = PageFields.Where(f => f != "plaintext").ToHashSet();

    public static readonly string FieldPattern = $"^({string.Join('|', PageFields)})(,({string.Join('|', PageFields)}))*$";

    public void Map(RouteGroupBuilder api)
    {
        // GET and HEAD, HEAD left out of the document so each operation has one id (as ApiEndpoints
        // does), each with the handler named at the call so the request delegate generator builds it
        // at compile time rather than from expression trees at every start (issue 15).
        api.MapMethods("/pages", Head, ListAsync).ExcludeFromDescription();
        api.MapGet("/pages", ListAsync).WithName("ListPages").WithSummary("Published pages, in the site's menu order")
            .WithDescription("Static pages (About, Privacy...). The body only with formats= (html, plaintext) or fields=.");
        api.MapMethods("/pages/{slug}", Head, BySlugAsync).ExcludeFromDescription();
        api.MapGet("/pages/{slug}", BySlugAsync).WithName("GetPage").WithSummary("One published page by slug, with its body")
            .WithDescription("404 for a slug that names no published page.");
        api.MapMethods("/pages/id/{id:int}", Head, ByIdAsync).ExcludeFromDescription();
        api.MapGet("/pages/id/{id:int}", ByIdAsync).WithName("GetPageById").WithSummary("One published page by id, with its body")
            .WithDescription("404 for an id that names no published page.");
    }

    private static readonly string[] Head = [HttpMethods.Head];

    private static async Task<Results<Ok<PageList>, ProblemHttpResult>> ListAsync(BroadsheetDb db, SiteOrigin origin,
        [Description("Comma-separated page fields to return, e.g. title,slug,url")] string? fields,
        [Description("html and/or plaintext, comma-separated: add each page's body in that form")] string? formats,
        [Description("Page number, from 1")] string? page, [Description("Items per page, 1 to 100 (default 100)")] string? limit,
        CancellationToken ct)
    {
        if (ApiParameters.Paging(page, limit, ApiEndpoints.TermDefaultLimit, out var p, out var l) is { } badPaging) return ApiProblems.BadRequest(badPaging);
        if (Fields(fields, formats, ListFields, out var chosen) is { } badFields) return ApiProblems.BadRequest(badFields);
        var live = db.Pages.AsNoTracking().Live();
        var total = await live.CountAsync(ct);
        var rows = await live.OrderBy(x => x.Position).ThenBy(x => x.Title).ThenBy(x => x.Id).Skip((p - 1) * l).Take(l).ToListAsync(ct);
        return TypedResults.Ok(new PageList([.. rows.Select(r => ToApi(r, origin, chosen))], new ListMeta(Pagination.Of(p, l, total)), chosen));
    }

    private static async Task<Results<Ok<PageResource>, ProblemHttpResult>> BySlugAsync(BroadsheetDb db, SiteOrigin origin,
        [Description("The page's slug")] string slug,
        [Description("Comma-separated page fields to return")] string? fields,
        [Description("plaintext: add the body as plain text too (html is always there)")] string? formats, CancellationToken ct)
    {
        if (Fields(fields, formats, ItemFields, out var chosen) is { } problem) return ApiProblems.BadRequest(problem);
        var found = Slug.IsValid(slug) ? await db.Pages.AsNoTracking().Live().FirstOrDefaultAsync(x => x.Slug == slug, ct) : null;
        return found is null ? ApiProblems.NotFound($"There is no published page “{(slug.Length > 60 ? slug[..60] + "…" : slug)}”.")
            : TypedResults.Ok(new PageResource(ToApi(found, origin, chosen), chosen));
    }

    private static async Task<Results<Ok<PageResource>, ProblemHttpResult>> ByIdAsync(BroadsheetDb db, SiteOrigin origin,
        [Description("The page's id")] int id,
        [Description("Comma-separated page fields to return")] string? fields,
        [Description("plaintext: add the body as plain text too (html is always there)")] string? formats, CancellationToken ct)
    {
        if (Fields(fields, formats, ItemFields, out var chosen) is { } problem) return ApiProblems.BadRequest(problem);
        var found = await db.Pages.AsNoTracking().Live().FirstOrDefaultAsync(x => x.Id == id, ct);
        return found is null ? ApiProblems.NotFound($"There is no published page with id {id}.") : TypedResults.Ok(new PageResource(ToApi(found, origin, chosen), chosen));
    }

    private static ApiPage ToApi(Page p, SiteOrigin origin, IReadOnlySet<string> fields) => new(
        p.Id, p.Slug, p.Title, p.Description, origin.Absolute(PageDesk.PathOf(p.Slug)), p.CreatedAt, p.UpdatedAt,
        p.InMenu, p.InFooter, p.Position,
        fields.Contains("html") ? p.BodyHtml : null, fields.Contains("plaintext") ? p.BodyText : null);

    /// <summary>As the articles' fields= and formats=: only the named fields, or the defaults plus the body forms; unknown names are a 400.</summary>
    public static string? Fields(string? fieldsRaw, string? formatsRaw, IReadOnlySet<string> defaults, out IReadOnlySet<string> fields)
    {
        fields = defaults;
        var formats = Split(formatsRaw);
        if (formats.FirstOrDefault(f => !ApiParameters.Formats.Contains(f)) is { } badFormat)
            return $"formats takes html and plaintext, not “{Clip(badFormat)}”.";
        if (Split(fieldsRaw) is { Count: > 0 } chosen)
        {
            if (chosen.FirstOrDefault(f => !PageFields.Contains(f)) is { } unknown)
                return $"Unknown field “{Clip(unknown)}”. Fields: {string.Join(", ", PageFields)}.";
            fields = chosen.Concat(formats).ToHashSet();
        }
        else if (formats.Count > 0) fields = defaults.Concat(formats).ToHashSet();
        return null;
    }

    private static List<string> Split(string? raw) =>
        (raw ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
