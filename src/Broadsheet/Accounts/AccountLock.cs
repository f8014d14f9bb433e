using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>Where an account stands, read from Identity's one lockout field.</summary>
public enum LockState
{
    /// <summary>Signs in any way.</summary>
    Open,

    /// <summary>
    /// Too many wrong passwords (Accounts:LockoutAttempts) paused password sign-in for a while.
    /// Anyone can cause this by guessing, so it must not shut the owner out: a mailed link
    /// (sign-in link, password reset) proves the mailbox and still works.
    /// </summary>
    Paused,

    /// <summary>Locked by an admin (Newsroom, People, Lock): refused every way in until unlocked.</summary>
    Locked,
}

/// <summary>
/// The one rule that tells a pause from an admin's lock. Identity keeps a single LockoutEnd for
/// both: failed tries set it minutes ahead, the admin's lock sets it to the end of time
/// (<see cref="AdminLockEnd"/>), so anything from <see cref="LockedFrom"/> on is a lock.
/// </summary>
public static class AccountLock
{
    /// <summary>What the newsroom's Lock writes.</summary>
    public static readonly DateTimeOffset AdminLockEnd = DateTimeOffset.MaxValue;

    /// <summary>No pause reaches this far, and the database may round the admin's value, so the line is drawn well below it.</summary>
    public static readonly DateTimeOffset LockedFrom = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static LockState Of(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd switch
    {
        { } end when end >= LockedFrom => LockState.Locked,
        { } end when end > now => LockState.Paused,
        _ => LockState.Open,
    };

    public static LockState Of(User user, DateTimeOffset now) =>
        user.LockoutEnabled ? Of(user.LockoutEnd, now) : LockState.Open;
}
