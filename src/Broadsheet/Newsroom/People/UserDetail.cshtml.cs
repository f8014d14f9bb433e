using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.People;

/// <summary>
/// /newsroom/users/{id}: one account for admins, with its role, lockout, ban and password reset
/// actions. Each action is its own POST handler taking only the field it needs, so nothing else
/// posted (Id, UserName, EmailConfirmed, PasswordHash...) is ever bound. The id comes from the
/// route only: by default a posted "Id" field would win over the address.
/// </summary>
[Authorize(Policy = Policies.Admins)]
public sealed class UserDetailModel(PeopleDirectory directory, PeopleActions actions) : PeoplePageModel(directory)
{
    private static readonly Dictionary<string, string> Done = new()
    {
        ["role"] = "Role changed. Their sessions end at the next stamp check; they sign in again with the new role.",
        ["lock"] = "Locked out and signed out everywhere.",
        ["unlock"] = "Unlocked: they can sign in again.",
        ["reset"] = "A password reset link is on its way to their address.",
        ["ban"] = "Banned from commenting and voting.",
        ["unban"] = "Ban lifted: they can comment and vote again.",
    };

    public Task<IActionResult> OnGetAsync([FromRoute] int id, string? done, CancellationToken ct)
    {
        Message = done is not null && Done.TryGetValue(done, out var m) ? m : null;
        return ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostRoleAsync([FromRoute] int id, string? role, CancellationToken ct) =>
        Roles.TryParse(role, out var name)
            ? await AfterAsync(await actions.SetRoleAsync(User, id, name, ct), id, "role", ct)
            : await RefuseAsync(id, $"Choose one of: {string.Join(", ", Roles.All)}.", ct);

    public async Task<IActionResult> OnPostLockAsync([FromRoute] int id, CancellationToken ct) =>
        await AfterAsync(await actions.LockAsync(User, id, ct), id, "lock", ct);

    public async Task<IActionResult> OnPostUnlockAsync([FromRoute] int id, CancellationToken ct) =>
        await AfterAsync(await actions.UnlockAsync(User, id, ct), id, "unlock", ct);

    public async Task<IActionResult> OnPostResetAsync([FromRoute] int id, CancellationToken ct) =>
        await AfterAsync(await actions.SendResetAsync(User, id, ct), id, "reset", ct);
}
