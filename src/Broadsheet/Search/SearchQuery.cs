using System.Text;

namespace Broadsheet.Search;

/// <summary>A word or an exact phrase, as the reader typed it (letters and digits only).</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words)
{
    public bool IsPhrase => Words.Count > 1;
    public override string ToString() => string.Join(' ', Words);
}

/// <summary>
/// The reader's query, parsed once and the same for both providers:
/// plain words are ANDed, <c>"exact phrase"</c>, <c>-excluded</c> and <c>a OR b</c>.
/// Everything else (<c>* ^ : ( ) NEAR</c>, stray quotes, control characters) is plain text:
/// only letters and digits survive, so no input can reach an engine as syntax.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> Required, IReadOnlyList<SearchTerm> Excluded)
{
    public const int MaxLength = 200;
    private const int MaxTerms = 16;

    /// <summary>True when there is something to look for; a query of exclusions alone has none.</summary>
    public bool IsEmpty => Required.Count == 0;

    public static SearchQuery Parse(string? raw)
    {
        var text = raw ?? "";
        if (text.Length > MaxLength) text = text[..MaxLength];
        var required = new List<List<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        var joinNext = false;
        var i = 0;
        while (i < text.Length && required.Count + excluded.Count < MaxTerms)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }

            var negate = c == '-' && i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '"');
            if (negate) i++;

            SearchTerm? term;
            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                // A stray quote with no partner is text, not the start of a phrase.
                var end = close < 0 ? text.Length : close;
                term = Term(text[(i + 1)..end]);
                i = close < 0 ? text.Length : close + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"') i++;
                var token = text[start..i];
                if (!negate && token == "OR" && required.Count > 0 && !joinNext)
                {
                    joinNext = true;
                    continue;
                }
                term = Term(token);
            }

            if (term is null) continue;
            if (negate) excluded.Add(term);
            else if (joinNext) required[^1].Add(term);
            else required.Add([term]);
            joinNext = false;
        }
        return new SearchQuery(required, excluded);
    }

    /// <summary>Splits on anything that is not a letter or digit; a token of punctuation is no term at all.</summary>
    private static SearchTerm? Term(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(ch)) word.Append(ch);
            else if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words.Count == 0 ? null : new SearchTerm(words);
    }

    /// <summary>
    /// The query in SQLite FTS5 syntax. Every term is a quoted string, so FTS5 sees no operator
    /// the reader did not mean: <c>"a" AND ("b" OR "c d") NOT "e"</c>. The AND is explicit because
    /// FTS5 does not imply it next to a parenthesised group.
    /// </summary>
    /// <param name="withExclusions">False for the required terms alone, e.g. to put under a column filter.</param>
    public string ToFts5(bool withExclusions = true)
    {
        var sb = new StringBuilder();
        foreach (var group in Required)
        {
            if (sb.Length > 0) sb.Append(" AND ");
            if (group.Count == 1) sb.Append(Quote(group[0]));
            else sb.Append('(').AppendJoin(" OR ", group.Select(Quote)).Append(')');
        }
        if (withExclusions)
            foreach (var term in Excluded) sb.Append(" NOT ").Append(Quote(term));
        return sb.ToString();
    }

    /// <summary>
    /// The query in PostgreSQL's web-search syntax, rebuilt from the parsed terms so it means
    /// exactly what <see cref="ToFts5"/> means; <c>websearch_to_tsquery</c> never raises on input.
    /// </summary>
    public string ToWebSearch()
    {
        var parts = Required.Select(g => string.Join(" or ", g.Select(Quote)))
            .Concat(Excluded.Select(t => "-" + Quote(t)));
        return string.Join(' ', parts);
    }

    private static string Quote(SearchTerm term) => $"\"{term}\"";
}
