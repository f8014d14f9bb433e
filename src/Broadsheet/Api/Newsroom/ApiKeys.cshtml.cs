using Broadsheet.Accounts;
using Broadsheet.Newsroom;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Broadsheet.Data.Identity;

namespace Broadsheet.Api.Newsroom;

/// <summary>
/// /newsroom/api-keys: admins list, create and revoke Content API keys. The admin policy is on the
/// page, so every handler (GET, and each POST, including any added later) is covered by one
/// declaration: signed-out visitors are sent to sign in, other roles get the 403 page.
/// A new key is shown once, in the answer to the POST that made it: only its hash is kept.
/// </summary>
[Authorize(Policy = Policies.Admins)]
[NeverStored]
public sealed class ApiKeysModel(ApiKeys keys) : PageModel
{
    public IReadOnlyList<ApiKeyRow> Keys { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Problem { get; private set; }
    public string? NewKey { get; private set; }
    public string Name { get; private set; } = "";
    public ApiKeyKind Kind { get; private set; }
    public string Origins { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? revoked, CancellationToken ct)
    {
        if (revoked is not null) Message = $"The key {revoked} is revoked: requests with it now get 401.";
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? kind, string? origins, CancellationToken ct)
    {
        Name = (name ?? "").Trim();
        Origins = (origins ?? "").Trim();
        Kind = kind == "browser" ? ApiKeyKind.Browser : ApiKeyKind.Server;
        List<string> listed = [];
        Problem = Name.Length is 0 or > Api.ApiKeys.NameMax
            ? $"Give the key a name of 1 to {Api.ApiKeys.NameMax} characters, such as the site or app that will use it."
            : kind is not (null or "" or "server" or "browser") ? "Choose a server key or a browser key."
            : Kind == ApiKeyKind.Browser ? Api.ApiKeys.ParseOrigins(Origins, out listed) : null;
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync(ct);
        }
        NewKey = await keys.CreateAsync(Name, User.UserId()!.Value, Kind, listed, ct);
        (Name, Origins, Kind) = ("", "", ApiKeyKind.Server);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (!await keys.RevokeAsync(id, User.UserId()!.Value, ct)) return NotFound();
        var prefix = (await keys.ListAsync(ct)).First(k => k.Id == id).Prefix;
        return RedirectToPage(new { revoked = prefix });
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Keys = await keys.ListAsync(ct);
        return Page();
    }
}
