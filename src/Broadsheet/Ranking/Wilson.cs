namespace Broadsheet.Ranking;

/// <summary>
/// Lower bound of the Wilson score interval (95%): how good a comment is at least, given its
/// up and down votes. Unlike up-minus-down or the plain ratio, one lucky upvote does not beat
/// forty upvotes and two downvotes. The "Best" comment order uses it.
/// </summary>
public static class Wilson
{
    private const double Z = 1.959964; // 95% confidence

    public static double LowerBound(int up, int down)
    {
        var n = up + down;
        if (n <= 0) return 0;
        var p = (double)up / n;
        var z2 = Z * Z;
        return (p + z2 / (2 * n) - Z * Math.Sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
    }
}
