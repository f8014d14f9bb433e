using Broadsheet.Shared;

namespace Broadsheet.Votes;

/// <summary>
/// The votes line, in the fixed form readers know from the reference page:
/// "N Votes: U Upvotes, D Downvotes (P Points)". Points are up minus down and may be negative.
/// The wording stays plural on purpose: it is a fixed widget label, not a sentence.
/// </summary>
public static class VoteTally
{
    public static int Points(int up, int down) => up - down;

    public static string Line(int up, int down) =>
        $"{Counts.Number(up + down)} Votes: {Counts.Number(up)} Upvotes, {Counts.Number(down)} Downvotes ({Counts.Number(Points(up, down))} Points)";
}
