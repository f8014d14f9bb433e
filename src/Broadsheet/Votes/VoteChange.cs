namespace Broadsheet.Votes;

public enum VoteState { None = 0, Up = 1, Down = -1 }

public enum VoteDirection { Up, Down, Clear }

/// <summary>
/// What a vote request does to a reader's vote, and how it moves the counts. Asking for the
/// vote you already have changes nothing, so a retried or doubled request is harmless; the
/// buttons send "clear" to withdraw. Switching moves the vote from one count to the other.
/// </summary>
public static class VoteChange
{
    public readonly record struct Outcome(VoteState State, int UpDelta, int DownDelta);

    public static Outcome Apply(VoteState current, VoteDirection requested)
    {
        var next = requested switch
        {
            VoteDirection.Up => VoteState.Up,
            VoteDirection.Down => VoteState.Down,
            _ => VoteState.None,
        };
        return new Outcome(next, Count(next, VoteState.Up) - Count(current, VoteState.Up), Count(next, VoteState.Down) - Count(current, VoteState.Down));
    }

    public static bool TryParse(string? raw, out VoteDirection direction)
    {
        switch (raw)
        {
            case "up": direction = VoteDirection.Up; return true;
            case "down": direction = VoteDirection.Down; return true;
            case "clear": direction = VoteDirection.Clear; return true;
            default: direction = default; return false;
        }
    }

    /// <summary>What a pressed button asks for: pressing the vote you hold withdraws it.</summary>
    public static string ButtonValue(VoteState current, VoteDirection button) =>
        (current, button) switch
        {
            (VoteState.Up, VoteDirection.Up) or (VoteState.Down, VoteDirection.Down) => "clear",
            (_, VoteDirection.Up) => "up",
            _ => "down",
        };

    private static int Count(VoteState state, VoteState which) => state == which ? 1 : 0;
}
