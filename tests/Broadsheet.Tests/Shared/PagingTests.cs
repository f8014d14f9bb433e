using Broadsheet.Shared;

namespace Broadsheet.Tests.Shared;

public sealed class PagingTests
{
    [Theory]
    [InlineData(null, true, 1)]
    [InlineData("1", true, 1)]
    [InlineData("42", true, 42)]
    [InlineData("10000", true, 10000)]
    [InlineData("10001", false, 0)]
    [InlineData("0", false, 0)]
    [InlineData("-3", false, 0)]
    [InlineData("+3", false, 0)]
    [InlineData(" 3", false, 0)]
    [InlineData("3.0", false, 0)]
    [InlineData("abc", false, 0)]
    [InlineData("", false, 0)]
    [InlineData("99999999999999999999", false, 0)]
    public void TryParse_accepts_only_small_positive_integers(string? raw, bool ok, int expected)
    {
        Paging.TryParse(raw, out var page).ShouldBe(ok);
        if (ok) page.ShouldBe(expected);
    }
}
