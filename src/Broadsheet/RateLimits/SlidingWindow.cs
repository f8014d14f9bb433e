namespace Broadsheet.RateLimits;

/// <summary>
/// A rate limit over a sliding window, estimated from two fixed windows: the current one in
/// full, and the one before it weighted by the share of it that still lies within the last
/// window's length. Fixed windows alone let a client spend its permits at the end of one window
/// and again at the start of the next, twice the limit in a moment; this counts them together.
/// The arithmetic is in whole numbers scaled by the window, so a decision is exact.
/// </summary>
public static class SlidingWindow
{
    /// <summary>
    /// Whether the hits so far are within the limit, <paramref name="elapsed"/> seconds into the
    /// current window; <paramref name="current"/> includes the request being decided.
    /// </summary>
    public static bool Allows(LimitPolicy policy, long previous, long current, long elapsed)
    {
        long window = policy.WindowSeconds;
        return previous * (window - elapsed) + current * window <= policy.Permits * window;
    }

    /// <summary>Whole seconds (at least 1) until one more request would be allowed, if none came meanwhile.</summary>
    public static long RetryAfter(LimitPolicy policy, long previous, long current, long elapsed)
    {
        long window = policy.WindowSeconds, permits = policy.Permits, left = window - elapsed;
        if (current + 1 <= permits)
        {
            if (previous == 0) return 1;
            // Later in this window, once the previous window's weight has fallen far enough:
            // previous * (left - t) <= (permits - current - 1) * window.
            var t = left - (permits - current - 1) * window / previous;
            if (t < left) return Math.Max(1, t);
        }
        // In the next window, where this window's hits carry the weight, s seconds in:
        // current * (window - s) + window <= permits * window.
        var s = current < permits ? 0 : CeilingDivide(window * (current - permits + 1), current);
        return left + s;
    }

    private static long CeilingDivide(long a, long b) => (a + b - 1) / b;
}
