using Broadsheet.Shared;

namespace Broadsheet.Votes;

/// <summary>
/// The votes line, in the fixed form readers know from the reference page:
/// "N Votes: U Upvotes, D Downvotes (P Points)". Points are up minus down and may be negative.
/// Each count is worded by <see cref="Counts"/>: "1 Vote: 1 Upvote, 0 Downvotes (1 Point)".
/// </summary>
public static class VoteTally
{
    public static int Points(int up, int down) => up - down;

    public static string Line(int up, int down) =>
        $"{Counts.Of(up + down, "Vote", "Votes")}: {Counts.Of(up, "Upvote", "Upvotes")}, {Counts.Of(down, "Downvote", "Downvotes")} ({Counts.Of(Points(up, down), "Point", "Points")})";
}
