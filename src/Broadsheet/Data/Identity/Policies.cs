using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Broadsheet.Data.Identity;

namespace Broadsheet.Data.Identity;

/// <summary>
/// Who may do what, as named authorization policies checked on the server: one per role set,
/// defined here once, next to <see cref="Roles"/>, so every feature can name them without
/// depending on another feature. Pages and endpoints put [Authorize(Policy = ...)] on
/// themselves; a decision that depends on a record (is this the story's author?) asks
/// <see cref="IAuthorizationService"/> with the record's owner as the resource, and so does
/// what a page only SHOWS by role (the newsroom link, an editor's wider list): the same policy
/// answers both, so the display and the gate cannot disagree. Signed-out
/// visitors are sent to sign in; signed-in readers without the role get a 403 page in place.
/// </summary>
public static class Policies
{
    /// <summary>Authors, editors and admins: the dashboard, their own drafts, uploads.</summary>
    public const string Staff = "newsroom-staff";

    /// <summary>Editors and admins: anyone's article, publishing, moderation, analytics, others' comments.</summary>
    public const string Editors = "newsroom-editors";

    /// <summary>Admins only: users, roles, site settings, sections and tags, API keys, the audit log.</summary>
    public const string Admins = "newsroom-admins";

    /// <summary>Editors and admins, or the owner of the resource (an <see cref="OwnedBy"/>): an author's own story.</summary>
    public const string OwnerOrEditor = "owner-or-editor";

    private static readonly string[] StaffRoles = [Roles.Author, Roles.Editor, Roles.Admin];
    private static readonly string[] EditorRoles = [Roles.Editor, Roles.Admin];

    public static IServiceCollection AddPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireRole(StaffRoles))
            .AddPolicy(Editors, p => p.RequireRole(EditorRoles))
            .AddPolicy(Admins, p => p.RequireRole(Roles.Admin))
            .AddPolicy(OwnerOrEditor, p => p.RequireAuthenticatedUser().AddRequirements(new OwnerOrEditorRequirement()));
        services.AddSingleton<IAuthorizationHandler, OwnerOrEditorHandler>();
        return services;
    }

    /// <summary>The roles this user holds, for rules that compare ranks (who may ban whom), not for gates.</summary>
    public static IEnumerable<string> RolesOf(ClaimsPrincipal user) => Roles.All.Where(user.IsInRole);

    /// <summary>
    /// The resource of <see cref="OwnerOrEditor"/>: the user who owns it, if any, and the accounts that
    /// share it (a story's co-authors, issue 24), who count as owners: a co-author may do whatever
    /// the first author may.
    /// </summary>
    public sealed record OwnedBy(int? UserId)
    {
        public IReadOnlyCollection<int> CoOwners { get; init; } = [];
    }

    private sealed class OwnerOrEditorRequirement : IAuthorizationRequirement;

    private sealed class OwnerOrEditorHandler : AuthorizationHandler<OwnerOrEditorRequirement, OwnedBy>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnerOrEditorRequirement requirement, OwnedBy resource)
        {
            var user = context.User;
            var me = user.Identity?.IsAuthenticated == true
                && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mine) ? mine : (int?)null;
            var owner = me is int i && (resource.UserId == i || resource.CoOwners.Contains(i));
            if (owner || EditorRoles.Any(user.IsInRole)) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
