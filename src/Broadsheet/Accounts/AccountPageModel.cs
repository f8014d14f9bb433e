using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Accounts;

/// <summary>
/// Shared shape of the account pages. Each is a full page without JavaScript; asked by htmx
/// (the header's dialog) it answers with just its panel, so the dialog and the page are one
/// form. Failed input answers 422 with the errors inline, never a redirect that loses them.
/// </summary>
[NeverStored]
public abstract class AccountPageModel : PageModel
{
    /// <summary>Where to go afterwards: a path on this site, else "/".</summary>
    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? Return { get; set; }

    public string ReturnPath => LocalPath.OrHome(Return);

    /// <summary>Set once the form has done its work; the panel then shows this instead of the form.</summary>
    public string? Notice { get; protected set; }

    protected bool IsHtmx => Request.Headers.ContainsKey("HX-Request");

    protected string Client => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    protected abstract string PanelPartial { get; }

    protected IActionResult Panel(int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        return IsHtmx ? Partial(PanelPartial, this) : Page();
    }

    protected IActionResult Invalid() => Panel(StatusCodes.Status422UnprocessableEntity);

    protected IActionResult Done(string notice)
    {
        Notice = notice;
        return Panel();
    }

    /// <summary>"Signing in…" in the dialog, then the page the reader came from; a plain redirect without JavaScript.</summary>
    protected IActionResult GoBack(string status) =>
        IsHtmx ? Partial("_Redirecting", new Redirecting(status, ReturnPath)) : LocalRedirect(ReturnPath);
}

public sealed record Redirecting(string Status, string To);
