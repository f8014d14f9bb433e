using Broadsheet.Audit;
using System.Security.Claims;

namespace Broadsheet.Accounts;

/// <summary>
/// The signed-in request as an audit actor: its user id and display name claims. Here, not in
/// Audit, because the name claim is Accounts' (<see cref="UserClaims"/>) and Audit knows no feature.
/// </summary>
public static class AuditActor
{
    extension(AuditLog audit)
    {
        public AuditEntry Add(ClaimsPrincipal actor, string action, string targetKind, string targetId, string detail = "") =>
            audit.Add(int.TryParse(actor.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null, actor.DisplayName(), action, targetKind, targetId, detail);
    }
}
