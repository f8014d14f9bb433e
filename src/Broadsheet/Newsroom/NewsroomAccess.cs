using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom;

/// <summary>
/// Who may do what under /newsroom, as authorization policies checked on the server for every
/// request: put [Authorize(Policy = ...)] on each page or endpoint. Signed-out visitors are sent
/// to sign in; signed-in readers without the role get a 403 page in place.
/// </summary>
public static class NewsroomAccess
{
    /// <summary>Authors, editors and admins: the dashboard, their own drafts, uploads.</summary>
    public const string Staff = "newsroom-staff";

    /// <summary>Editors and admins: anyone's article, publishing, moderation, analytics.</summary>
    public const string Editors = "newsroom-editors";

    /// <summary>Admins only: users, roles, site settings, sections and tags, API keys, the audit log.</summary>
    public const string Admins = "newsroom-admins";

    public static IServiceCollection AddNewsroomAccess(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireRole(Roles.Author, Roles.Editor, Roles.Admin))
            .AddPolicy(Editors, p => p.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Admins, p => p.RequireRole(Roles.Admin));
        return services;
    }

    public static bool IsStaff(this System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Author) || user.IsEditor();

    public static bool IsEditor(this System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);
}
