using System.Globalization;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.People;

/// <summary>
/// Who may do what to whom in user administration. A person's rank is their highest role.
/// Bans: editors ban readers and authors, admins also ban editors, and nobody bans an admin
/// (an admin who misbehaves is first demoted by another admin, so a ban can never lock the
/// site out of its own administration). Roles: only admins change them; an admin cannot take
/// their own admin role away, and the last admin cannot be demoted.
/// </summary>
public static class PeopleRules
{
    public const int ReasonMax = 500;

    /// <summary>The highest of the roles: admin over editor over author over reader.</summary>
    public static string Rank(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return set.Contains(Roles.Admin) ? Roles.Admin : set.Contains(Roles.Editor) ? Roles.Editor : set.Contains(Roles.Author) ? Roles.Author : Roles.Reader;
    }

    /// <summary>Null when the actor may ban (or lift the ban of) the target; otherwise why not.</summary>
    public static string? CheckBan(string actorRank, string targetRank, bool self) =>
        self ? "You cannot ban yourself."
        : targetRank == Roles.Admin ? "Admins cannot be banned. Another admin can change their role first."
        : targetRank == Roles.Editor && actorRank != Roles.Admin ? "Only an admin can ban an editor."
        : actorRank is Roles.Editor or Roles.Admin ? null
        : "Only editors and admins can ban readers.";

    /// <summary>Null when an admin may give the target this role; otherwise why not.</summary>
    public static string? CheckRoleChange(string targetRank, string newRole, bool self, int adminCount) =>
        targetRank == Roles.Admin && newRole != Roles.Admin && self ? "You cannot remove your own admin role. Ask another admin."
        : targetRank == Roles.Admin && newRole != Roles.Admin && adminCount <= 1 ? "This is the last admin: make someone else an admin first."
        : null;

    /// <summary>Null when an admin may lock the target out; otherwise why not.</summary>
    public static string? CheckLock(bool self) => self ? "You cannot lock your own account." : null;

    /// <summary>
    /// The end of a ban from the form: "forever" (DateTime.MaxValue), or a date (yyyy-mm-dd,
    /// the ban lasts to the end of that day, UTC) that must be in the future.
    /// </summary>
    public static bool TryParseUntil(string? length, string? date, DateTime now, out DateTime until, out string? problem)
    {
        until = default;
        problem = null;
        if (length == "forever") { until = DateTime.MaxValue; return true; }
        if (length != "until") { problem = "Choose until a date or for good."; return false; }
        if (!DateTime.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
        {
            problem = "Give the last day of the ban as a date (yyyy-mm-dd).";
            return false;
        }
        until = DateTime.SpecifyKind(day.Date.AddDays(1), DateTimeKind.Utc);
        if (until <= now) { problem = "The ban must end after today."; until = default; return false; }
        return true;
    }

    /// <summary>The reason, trimmed; null (with the problem) when missing or too long.</summary>
    public static string? CleanReason(string? raw, out string? problem)
    {
        var reason = (raw ?? "").Trim();
        problem = reason.Length == 0 ? "Give a reason: the reader sees it."
            : reason.Length > ReasonMax ? $"Keep the reason to {ReasonMax} characters."
            : null;
        return problem is null ? reason : null;
    }

    public static string DescribeUntil(DateTime until) => until == DateTime.MaxValue ? "for good" : $"until {Shared.RelativeTime.Exact(until)}";
}
