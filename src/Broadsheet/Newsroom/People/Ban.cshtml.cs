using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.People;

/// <summary>
/// /newsroom/users/{id}/ban: editors and admins ban a reader from commenting and voting, until a
/// day or for good, with a reason the reader is shown; or lift the ban. Who may ban whom is
/// <see cref="PeopleRules.CheckBan"/>. The moderation queue links here with a returnUrl back to itself.
/// </summary>
[Authorize(Policy = Policies.Editors)]
public sealed class BanModel(PeopleDirectory directory, PeopleActions actions, TimeProvider clock) : PeoplePageModel(directory)
{
    public string Length { get; private set; } = "until";
    public string Until { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string? ReturnUrl { get; private set; }

    public Task<IActionResult> OnGetAsync([FromRoute] int id, string? done, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = LocalPath.Normalize(returnUrl);
        Message = done switch { "ban" => "Banned from commenting and voting.", "unban" => "Ban lifted: they can comment and vote again.", _ => null };
        Until = clock.GetUtcNow().UtcDateTime.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, string? length, string? until, string? reason, string? returnUrl, CancellationToken ct)
    {
        (Length, Until, Reason, ReturnUrl) = (length ?? "until", until ?? "", reason ?? "", LocalPath.Normalize(returnUrl));
        if (!PeopleRules.TryParseUntil(length, until, clock.GetUtcNow().UtcDateTime, out var end, out var badDate)) return await RefuseAsync(id, badDate!, ct);
        if (PeopleRules.CleanReason(reason, out var badReason) is not { } cleaned) return await RefuseAsync(id, badReason!, ct);
        return await AfterAsync(await actions.BanAsync(User, id, end, cleaned, ct), id, "ban", ct, ReturnUrl);
    }

    public async Task<IActionResult> OnPostUnbanAsync([FromRoute] int id, string? returnUrl, CancellationToken ct) =>
        await AfterAsync(await actions.UnbanAsync(User, id, ct), id, "unban", ct, LocalPath.Normalize(returnUrl));
}
