using Broadsheet.Accounts;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.Dashboard;

/// <summary>/newsroom: an author's own drafts, scheduled and recent stories; an editor's view of everyone's, with the review list and the moderation queue.</summary>
[Authorize(Policy = Policies.Staff)]
[NeverStored]
public sealed class DashboardModel(DashboardQueries queries, IAuthorizationService auth) : PageModel
{
    public DashboardLists Lists { get; private set; } = null!;
    public bool Editor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Editor = (await auth.AuthorizeAsync(User, Policies.Editors)).Succeeded;
        Lists = await queries.ForAsync(User.UserId()!.Value, Editor, ct);
    }
}
