namespace Broadsheet.Articles;

/// <summary>Minutes to read, at a steady adult pace of 230 words a minute, never less than one.</summary>
public static class ReadingTime
{
    public const int WordsPerMinute = 230;

    public static int MinutesFor(string text)
    {
        var words = CountWords(text);
        return Math.Max(1, (int)Math.Round(words / (double)WordsPerMinute, MidpointRounding.AwayFromZero));
    }

    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var ch in text ?? "")
        {
            var wordChar = char.IsLetterOrDigit(ch);
            if (wordChar && !inWord) count++;
            inWord = wordChar || (inWord && (ch == '\'' || ch == '-'));
        }
        return count;
    }
}
