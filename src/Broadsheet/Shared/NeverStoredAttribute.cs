using Microsoft.AspNetCore.Mvc;

namespace Broadsheet.Shared;

/// <summary>
/// A page with the viewer's own state (an account, the newsroom, a form with its token): no
/// browser or proxy may keep it. It says "no-cache, no-store" itself, which is what antiforgery
/// sets on any page with a form; a bare "no-store" made antiforgery overwrite it and log a
/// warning on every such page.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeverStoredAttribute : ResponseCacheAttribute
{
    public NeverStoredAttribute()
    {
        NoStore = true;
        Location = ResponseCacheLocation.None;
    }
}
