using Broadsheet.Audit;
using Broadsheet.Accounts;
using Broadsheet.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using System.Security.Cryptography;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.People;

/// <summary>
/// Bans, roles, lockouts and reset mail. Each change and its audit entry are written by one
/// SaveChanges, so neither is ever kept without the other. The rules are in <see cref="PeopleRules"/>;
/// the callers' pages have already checked the actor's policy, these check who the target is.
/// </summary>
public sealed class PeopleActions(BroadsheetDb db, AuditLog audit, UserManager<User> users, AccountMail mail, TimeProvider clock, ILogger<PeopleActions> log)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome> BanAsync(ClaimsPrincipal actor, int id, DateTime until, string reason, CancellationToken ct)
    {
        var (user, rank) = await LoadAsync(id, ct);
        if (user is null) return Outcome.Missing;
        if (PeopleRules.CheckBan(ActorRank(actor), rank, actor.UserId() == id) is { } no) return Outcome.Refused(no);
        user.BannedUntil = until;
        user.BanReason = reason;
        audit.Add(actor, "user.ban", "user", Id(id), $"Banned {user.DisplayName} (@{user.Handle}) from commenting and voting {PeopleRules.DescribeUntil(until)}: {reason}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    public async Task<Outcome> UnbanAsync(ClaimsPrincipal actor, int id, CancellationToken ct)
    {
        var (user, rank) = await LoadAsync(id, ct);
        if (user is null) return Outcome.Missing;
        if (PeopleRules.CheckBan(ActorRank(actor), rank, actor.UserId() == id) is { } no) return Outcome.Refused(no);
        if (!user.IsBanned(Now)) return Outcome.Refused($"{user.DisplayName} is not banned.");
        user.BannedUntil = null;
        user.BanReason = null;
        audit.Add(actor, "user.unban", "user", Id(id), $"Lifted the ban on {user.DisplayName} (@{user.Handle})");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>
    /// Gives the account exactly reader + <paramref name="role"/> and moves its security stamp,
    /// so its sessions end at the next stamp check and sign in again with the new role.
    /// </summary>
    public async Task<Outcome> SetRoleAsync(ClaimsPrincipal actor, int id, string role, CancellationToken ct)
    {
        var (user, rank) = await LoadAsync(id, ct);
        if (user is null) return Outcome.Missing;
        if (rank == role) return Outcome.Refused($"{user.DisplayName} is already {Article(role)}.");
        var admins = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin select ur.UserId).CountAsync(ct);
        if (PeopleRules.CheckRoleChange(rank, role, actor.UserId() == id, admins) is { } no) return Outcome.Refused(no);

        string[] wanted = role == Roles.Reader ? [Roles.Reader] : [Roles.Reader, role];
        var roleIds = await db.Roles.Where(r => wanted.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        db.UserRoles.RemoveRange(await db.UserRoles.Where(ur => ur.UserId == id).ToListAsync(ct));
        db.UserRoles.AddRange(roleIds.Select(rid => new IdentityUserRole<int> { UserId = id, RoleId = rid }));
        user.SecurityStamp = NewStamp();
        audit.Add(actor, "user.role", "user", Id(id), $"Changed {user.DisplayName} (@{user.Handle}) from {rank} to {role}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>Locks the account out for good and ends its sessions (the stamp moves).</summary>
    public async Task<Outcome> LockAsync(ClaimsPrincipal actor, int id, CancellationToken ct)
    {
        var (user, _) = await LoadAsync(id, ct);
        if (user is null) return Outcome.Missing;
        if (PeopleRules.CheckLock(actor.UserId() == id) is { } no) return Outcome.Refused(no);
        user.LockoutEnabled = true;
        user.LockoutEnd = AccountLock.AdminLockEnd;
        user.SecurityStamp = NewStamp();
        audit.Add(actor, "user.lock", "user", Id(id), $"Locked {user.DisplayName} (@{user.Handle}) out of their account and ended their sessions");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    public async Task<Outcome> UnlockAsync(ClaimsPrincipal actor, int id, CancellationToken ct)
    {
        var (user, _) = await LoadAsync(id, ct);
        if (user is null) return Outcome.Missing;
        if (user.LockoutEnd is not { } end || end <= clock.GetUtcNow()) return Outcome.Refused($"{user.DisplayName} is not locked out.");
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        audit.Add(actor, "user.unlock", "user", Id(id), $"Unlocked {user.DisplayName} (@{user.Handle})");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>The same mail as "Forgotten password", sent to the account's address; the audit row is kept once it has gone.</summary>
    public async Task<Outcome> SendResetAsync(ClaimsPrincipal actor, int id, CancellationToken ct)
    {
        var (user, _) = await LoadAsync(id, ct);
        if (user is null) return Outcome.Missing;
        if (string.IsNullOrEmpty(user.Email)) return Outcome.Refused($"{user.DisplayName} has no email address.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        // The audit row first: queuing the mail saves both in one SaveChanges, so neither exists without the other.
        audit.Add(actor, "user.reset", "user", Id(id), $"Sent {user.DisplayName} (@{user.Handle}) a password reset link");
        await mail.ResetPasswordAsync(user.Email, user.DisplayName, mail.Absolute(ResetPasswordModel.PathFor(user.Id, token)), ct);
        log.LogInformation("User {ActorId} sent a password reset link to user {UserId}", actor.UserId(), id);
        return Outcome.Ok;
    }

    private async Task<(User? User, string Rank)> LoadAsync(int id, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return (null, Roles.Reader);
        var names = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name!).ToListAsync(ct);
        return (user, PeopleRules.Rank(names));
    }

    private static string ActorRank(ClaimsPrincipal actor) => PeopleRules.Rank(Policies.RolesOf(actor));

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    private static string Article(string role) => "aeiou".Contains(role[0]) ? $"an {role}" : $"a {role}";
}
