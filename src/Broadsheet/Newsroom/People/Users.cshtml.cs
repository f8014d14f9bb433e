using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.People;

/// <summary>/newsroom/users: admins search accounts by name, handle or email, newest first, a page at a time.</summary>
[Authorize(Policy = Policies.Admins)]
[NeverStored]
public sealed class UsersModel(PeopleDirectory directory) : PageModel
{
    public IReadOnlyList<Person> People { get; private set; } = [];
    public string Query { get; private set; } = "";
    public int PageNumber { get; private set; } = 1;
    public bool More { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, [FromQuery(Name = "page")] string? page, CancellationToken ct)
    {
        if (!Paging.TryParse(page, out var n) || (q?.Length ?? 0) > PeopleDirectory.QueryMax) return BadRequest();
        (Query, PageNumber) = (q?.Trim() ?? "", n);
        (People, More) = await directory.SearchAsync(Query, n, ct);
        return Page();
    }

    public string PageLink(int page) => $"/newsroom/users?{(Query.Length > 0 ? $"q={Uri.EscapeDataString(Query)}&" : "")}page={page}";
}
