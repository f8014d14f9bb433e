using Broadsheet.Shared;

namespace Broadsheet.Tests.Shared;

public sealed class CountsTests
{
    [Theory]
    [InlineData(0, "0 Votes")]
    [InlineData(1, "1 Vote")]
    [InlineData(2, "2 Votes")]
    [InlineData(-1, "-1 Votes")]
    [InlineData(1000, "1,000 Votes")]
    [InlineData(1_234_567, "1,234,567 Votes")]
    public void Exactly_one_is_singular_and_every_other_count_plural(long n, string expected) =>
        Counts.Of(n, "Vote", "Votes").ShouldBe(expected);
}
