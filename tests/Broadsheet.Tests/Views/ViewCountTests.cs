using Broadsheet.Views;

namespace Broadsheet.Tests.Views;

public sealed class ViewCountTests
{
    [Theory]
    [InlineData(0, "0 Views")]
    [InlineData(1, "1 View")]
    [InlineData(3, "3 Views")]
    [InlineData(1234, "1,234 Views")]
    [InlineData(12345678, "12,345,678 Views")]
    public void Label_uses_singular_for_one_and_thousands_separators(long views, string expected) =>
        ViewCount.Label(views).ShouldBe(expected);
}
