using Broadsheet.Newsroom.Articles;

namespace Broadsheet.Tests.Newsroom.Articles;

public sealed class LineDiffTests
{
    private static string Show(string from, string to) =>
        string.Join("|", LineDiff.Compare(from, to).Select(l => (l.Kind switch { DiffKind.Added => "+", DiffKind.Removed => "-", _ => " " }) + l.Text));

    [Theory]
    [InlineData("a\nb\nc", "a\nb\nc", " a| b| c")]
    [InlineData("a\nb\nc", "a\nx\nc", " a|-b|+x| c")]
    [InlineData("a\nc", "a\nb\nc", " a|+b| c")]
    [InlineData("a\nb\nc", "a\nc", " a|-b| c")]
    [InlineData("", "new", "+new")]
    [InlineData("old", "", "-old")]
    [InlineData("a\r\nb", "a\nb", " a| b")]
    [InlineData("x\na\nb", "a\nb\ny", "-x| a| b|+y")]
    [InlineData("one\ntwo\nthree\nfour", "one\nthree\ntwo\nfour", " one|-two| three|+two| four")]
    public void Lines_show_as_kept_removed_and_added(string from, string to, string expected) => Show(from, to).ShouldBe(expected);

    [Fact]
    public void A_middle_too_large_to_compare_is_shown_replaced_whole()
    {
        var a = string.Join("\n", Enumerable.Range(0, 2100).Select(i => $"a{i}"));
        var b = string.Join("\n", Enumerable.Range(0, 2100).Select(i => $"b{i}"));
        var lines = LineDiff.Compare(a, b);
        lines.Count(l => l.Kind == DiffKind.Removed).ShouldBe(2100);
        lines.Count(l => l.Kind == DiffKind.Added).ShouldBe(2100);
        LineDiff.HasChanges(lines).ShouldBeTrue();
        LineDiff.HasChanges(LineDiff.Compare(a, a)).ShouldBeFalse();
    }
}
