using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.Articles;

public sealed record DeskRow(int Id, string Title, string AuthorName, ArticleStatus Status, DateTime? SubmittedAt, DateTime UpdatedAt, DateTime? PublishedAt);

/// <summary>/newsroom/articles: an author's own articles, or everyone's for editors; newest change first, by status.</summary>
[Authorize(Policy = Policies.Staff)]
[NeverStored]
public sealed class IndexModel(BroadsheetDb db, IAuthorizationService auth) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<DeskRow> Rows { get; private set; } = [];
    public string? Filter { get; private set; }
    public int PageNumber { get; private set; }
    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? status, [FromQuery(Name = "page")] string? pageNumber, CancellationToken ct)
    {
        if (status is { Length: > 0 } && !ArticleList.Filters.Contains(status)) return BadRequest();
        if (!Paging.TryParse(pageNumber, out var number)) return BadRequest();
        Filter = status is { Length: > 0 } ? status : null;
        PageNumber = number;
        var articles = db.Articles.AsNoTracking().Filter(Filter);
        if (!(await auth.AuthorizeAsync(User, Policies.Editors)).Succeeded)
        {
            var me = User.UserId();
            articles = articles.Where(a => a.Author.UserId == me);
        }
        var rows = await articles.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip((number - 1) * PageSize).Take(PageSize + 1)
            .Select(a => new DeskRow(a.Id, a.Title, a.Author.DisplayName, a.Status, a.SubmittedAt, a.UpdatedAt, a.PublishedAt))
            .ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        return Page();
    }
}
