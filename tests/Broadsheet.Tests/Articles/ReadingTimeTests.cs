using Broadsheet.Articles;

namespace Broadsheet.Tests.Articles;

public sealed class ReadingTimeTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("One", 1)]
    [InlineData("The minister's plan, agreed on Tuesday, costs £4.5m.", 9)]
    [InlineData("well-known  words\n\nacross   lines", 4)]
    public void CountWords_counts_words_not_punctuation(string text, int words) =>
        ReadingTime.CountWords(text).ShouldBe(words);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(100, 1)]
    [InlineData(345, 2)]
    [InlineData(2300, 10)]
    public void MinutesFor_rounds_at_230_words_a_minute_and_is_at_least_one(int words, int minutes) =>
        ReadingTime.MinutesFor(string.Join(' ', Enumerable.Repeat("tide", words))).ShouldBe(minutes);
}
