using Broadsheet.RateLimits;

namespace Broadsheet.Tests.RateLimits;

public sealed class SlidingWindowTests
{
    [Theory]
    // Permits, window, hits in the window before, hits in this one (this request included), seconds into this one.
    [InlineData(3, 300, 0, 3, 10, true)]       // the first window is a plain count
    [InlineData(3, 300, 0, 4, 10, false)]
    [InlineData(3, 300, 3, 1, 0, false)]       // three at the end of one window and one at the start of the next is four
    [InlineData(3, 300, 3, 1, 99, false)]      // just under a third of the way in: 3 * 201/300 + 1 is over 3
    [InlineData(3, 300, 3, 1, 100, true)]      // a third of the way in: 3 * 2/3 + 1 = 3
    [InlineData(3, 300, 4, 1, 150, true)]      // half of four, and one: exactly the limit
    [InlineData(3, 300, 4, 2, 150, false)]
    [InlineData(1, 60, 1, 1, 59, false)]       // a limit of one a minute holds until a whole minute has passed
    public void A_request_is_allowed_while_the_weighted_count_is_within_the_limit(int permits, int window, long previous, long current, long elapsed, bool allowed) =>
        SlidingWindow.Allows(new LimitPolicy(permits, window), previous, current, elapsed).ShouldBe(allowed);

    [Theory]
    [InlineData(3, 300, 0, 4, 0, 450)]         // next window, once half of this one's four have faded: 2 + 1
    [InlineData(3, 300, 3, 1, 0, 200)]         // later in this window: 3 * 100/300 + 1 + 1 = 3
    [InlineData(3, 300, 3, 3, 200, 200)]       // a third into the next window: 3 * 2/3 + 1 = 3
    [InlineData(1, 60, 0, 2, 30, 90)]          // one a minute, tried twice: not until the window after next
    [InlineData(5, 60, 0, 1, 0, 1)]            // not refused at all: one second is the least it says
    public void Retry_after_is_the_first_whole_second_a_request_would_be_allowed(int permits, int window, long previous, long current, long elapsed, long seconds) =>
        SlidingWindow.RetryAfter(new LimitPolicy(permits, window), previous, current, elapsed).ShouldBe(seconds);

    [Fact]
    public void Retry_after_agrees_with_asking_second_by_second()
    {
        foreach (var window in new[] { 1, 2, 7, 60 })
        foreach (var permits in new[] { 1, 2, 3, 10 })
        foreach (var previous in Enumerable.Range(0, 2 * permits + 2))
        foreach (var current in Enumerable.Range(0, 2 * permits + 2))
        for (var elapsed = 0; elapsed < window; elapsed++)
        {
            var policy = new LimitPolicy(permits, window);
            var first = 1;
            while (!AllowedLater(policy, previous, current, elapsed, first)) first++;
            SlidingWindow.RetryAfter(policy, previous, current, elapsed)
                .ShouldBe(first, $"permits {permits}, window {window}, previous {previous}, current {current}, elapsed {elapsed}");
        }
    }

    /// <summary>Whether one more request, <paramref name="wait"/> seconds from now and with none between, would be allowed.</summary>
    private static bool AllowedLater(LimitPolicy policy, long previous, long current, long elapsed, long wait)
    {
        var at = elapsed + wait;
        if (at < policy.WindowSeconds) return SlidingWindow.Allows(policy, previous, current + 1, at);
        if (at < 2 * policy.WindowSeconds) return SlidingWindow.Allows(policy, current, 1, at - policy.WindowSeconds);
        return SlidingWindow.Allows(policy, 0, 1, at % policy.WindowSeconds); // nothing before it counts any more
    }
}
