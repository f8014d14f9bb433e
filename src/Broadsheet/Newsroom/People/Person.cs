namespace Broadsheet.Newsroom.People;

/// <summary>One account as the newsroom sees it: who, their highest role, and whether they are locked out or banned.</summary>
public sealed record Person(int Id, string Name, string Handle, string Email, DateTime JoinedAt, string Rank,
    DateTimeOffset? LockoutEnd, DateTime? BannedUntil, string? BanReason)
{
    public bool IsLocked(DateTime now) => LockoutEnd is { } end && end.UtcDateTime > now;
    public bool IsBanned(DateTime now) => BannedUntil is { } until && until > now;
}

/// <summary>What an action did: not found, refused with a reason a person can act on, or done.</summary>
public sealed record Outcome(bool Found, string? Problem)
{
    public static readonly Outcome Missing = new(false, null);
    public static readonly Outcome Ok = new(true, null);
    public static Outcome Refused(string problem) => new(true, problem);
}
