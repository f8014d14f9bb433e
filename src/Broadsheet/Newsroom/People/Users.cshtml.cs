using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.People;

/// <summary>/newsroom/users: admins search accounts by name, handle or email, newest first, a page at a time, and invite authors and editors.</summary>
[Authorize(Policy = Policies.Admins)]
[NeverStored]
public sealed class UsersModel(PeopleDirectory directory, Invitations invitations) : PageModel
{
    public sealed class InviteForm
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string? Role { get; set; } = Broadsheet.Data.Identity.Roles.Author;
    }

    [BindProperty] public InviteForm Invite { get; set; } = new();
    public string? InviteProblem { get; private set; }
    /// <summary>The address just invited, shown as a notice after the redirect.</summary>
    public string? Invited { get; private set; }

    public IReadOnlyList<Person> People { get; private set; } = [];
    public string Query { get; private set; } = "";
    public int PageNumber { get; private set; } = 1;
    public bool More { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, [FromQuery(Name = "page")] string? page, string? invited, CancellationToken ct)
    {
        Invited = invited is { Length: > 0 and <= Broadsheet.Data.Identity.AccountLimits.EmailMax } ? invited : null;
        if (!Paging.TryParse(page, out var n) || (q?.Length ?? 0) > PeopleDirectory.QueryMax) return BadRequest();
        (Query, PageNumber) = (q?.Trim() ?? "", n);
        (People, More) = await directory.SearchAsync(Query, n, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        InviteProblem = await invitations.InviteAsync(Invite.Email, Invite.Name, Invite.Role, User, ct);
        if (InviteProblem is null) return RedirectToPage(new { invited = Invite.Email!.Trim() });
        (People, More) = await directory.SearchAsync("", 1, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public string PageLink(int page) => $"/newsroom/users?{(Query.Length > 0 ? $"q={Uri.EscapeDataString(Query)}&" : "")}page={page}";
}
