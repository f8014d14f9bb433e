namespace Broadsheet.Shared;

/// <summary>
/// How deep a Markdown text nests, measured on the raw text before Markdig sees it. Markdig
/// refuses a syntax tree deeper than its MaximumNestingDepth (128 by default) by throwing, so
/// 1000 "&gt;" or 1200 "*" around a word made a 500 out of a comment. Every place Markdown comes
/// in (comment post and edit, article save and autosave, live preview) asks <see cref="Problem"/>
/// first and answers 422 with its message; well under Markdig's limit, since the measure is
/// an estimate and quotes, lists, emphasis and links stack in one tree.
/// </summary>
public static class MarkdownNesting
{
    /// <summary>Levels of quotes and lists, and separately of emphasis; nobody writes more.</summary>
    public const int Limit = 32;

    /// <summary>Null when the text nests no deeper than <see cref="Limit"/>, else what to tell the writer.</summary>
    public static string? Problem(string? markdown)
    {
        var depth = Depth(markdown ?? "");
        return depth <= Limit ? null
            : $"This text nests quotes, lists or emphasis {depth} levels deep; at most {Limit} levels are allowed. Flatten it and try again.";
    }

    /// <summary>The deeper of the two estimates: containers at the start of a line, and inline openers within a paragraph.</summary>
    public static int Depth(string markdown)
    {
        int deepest = 0, emphasis = 0;
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            // A blank line ends the paragraph: emphasis never reaches across it.
            if (line.IsWhiteSpace()) emphasis = 0;
            var blocks = Containers(line, out var start);
            deepest = Math.Max(deepest, blocks);
            deepest = Math.Max(deepest, Emphasis(line[start..], ref emphasis));
        }
        return deepest;
    }

    /// <summary>Quote markers, list markers and list indentation (two spaces a level) at the start of a line.</summary>
    private static int Containers(ReadOnlySpan<char> line, out int rest)
    {
        var depth = 0;
        var i = 0;
        var indent = 0;
        while (i < line.Length && line[i] is ' ' or '\t') { indent += line[i] == '\t' ? 4 : 1; i++; }
        depth += indent / 2;
        while (i < line.Length)
        {
            if (line[i] == '>') i++;
            else if (line[i] is '*' or '-' or '+' && i + 1 < line.Length && line[i + 1] is ' ' or '\t') i += 2;
            else if (OrderedMarker(line[i..]) is > 0 and var length) i += length;
            else break;
            depth++;
            while (i < line.Length && line[i] is ' ' or '\t') i++;
        }
        rest = i;
        return depth;
    }

    /// <summary>The length of "12. " or "3) " at the start, or 0.</summary>
    private static int OrderedMarker(ReadOnlySpan<char> s)
    {
        var digits = 0;
        while (digits < s.Length && digits < 10 && char.IsAsciiDigit(s[digits])) digits++;
        return digits > 0 && digits + 1 < s.Length && s[digits] is '.' or ')' && s[digits + 1] is ' ' or '\t' ? digits + 2 : 0;
    }

    /// <summary>
    /// Emphasis delimiters that open (followed by a non-space) minus those that close (preceded by
    /// one), carried over the paragraph's lines: the most that could be open at once, which is as
    /// deep as Markdig's emphasis tree can go. (Brackets need no count: a link cannot hold a link,
    /// and 1200 nested "[" parse flat.)
    /// </summary>
    private static int Emphasis(ReadOnlySpan<char> text, ref int emphasis)
    {
        var deepest = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\') { i++; continue; }
            if (c is '*' or '_' or '~')
            {
                var start = i;
                while (i + 1 < text.Length && text[i + 1] == c) i++;
                var run = i - start + 1;
                var closes = start > 0 && !char.IsWhiteSpace(text[start - 1]);
                var opens = i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
                if (closes) emphasis = Math.Max(0, emphasis - run);
                if (opens) emphasis += run;
            }
            deepest = Math.Max(deepest, emphasis);
        }
        return deepest;
    }
}
