namespace Broadsheet.Newsroom.Articles;

public enum DiffKind { Same, Added, Removed }

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>
/// A line diff by longest common subsequence, the way "diff" shows it: unchanged lines, then
/// what was removed and added. The common head and tail are trimmed first, so an edit in a long
/// body costs only its changed middle; a middle too large to compare is shown as replaced whole.
/// </summary>
public static class LineDiff
{
    public const int MaxCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compare(string from, string to)
    {
        var a = Lines(from);
        var b = Lines(to);
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)]) tail++;

        var result = new List<DiffLine>();
        result.AddRange(a[..head].Select(l => new DiffLine(DiffKind.Same, l)));
        result.AddRange(Middle(a[head..(a.Length - tail)], b[head..(b.Length - tail)]));
        result.AddRange(a[(a.Length - tail)..].Select(l => new DiffLine(DiffKind.Same, l)));
        return result;
    }

    public static bool HasChanges(IReadOnlyList<DiffLine> lines) => lines.Any(l => l.Kind != DiffKind.Same);

    private static string[] Lines(string text) =>
        string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n").Split('\n');

    private static List<DiffLine> Middle(string[] a, string[] b)
    {
        if ((long)a.Length * b.Length > MaxCells)
            return [.. a.Select(l => new DiffLine(DiffKind.Removed, l)), .. b.Select(l => new DiffLine(DiffKind.Added, l))];
        // lcs[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { lines.Add(new(DiffKind.Same, a[x])); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) lines.Add(new(DiffKind.Removed, a[x++]));
            else lines.Add(new(DiffKind.Added, b[y++]));
        }
        while (x < a.Length) lines.Add(new(DiffKind.Removed, a[x++]));
        while (y < b.Length) lines.Add(new(DiffKind.Added, b[y++]));
        return lines;
    }
}
