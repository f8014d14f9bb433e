using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.AspNetCore.Mvc;

namespace Broadsheet.Search;

/// <summary>
/// The header search box's results: live stories whose title or standfirst contain the words.
/// A plain substring match on both providers; ranked full-text search replaces it in its own feature.
/// </summary>
public sealed class SearchModel(BroadsheetDb db, TimeProvider clock) : ListPageModel(db, clock)
{
    public const int MaxQueryLength = 200;

    public string Query { get; private set; } = "";
    public override string Heading => Query.Length == 0 ? "Search" : $"Results for “{Query}”";
    public override string? Description => Query.Length == 0 ? "Type a word or two from a headline." : null;

    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        Query = (q ?? "").Trim();
        if (Query.Length > MaxQueryLength) return BadRequest();
        if (Query.Length == 0) return Page();
        var words = Query.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var matches = Live;
        foreach (var word in words)
            matches = matches.Where(a => a.Title.ToLower().Contains(word) || a.Standfirst.ToLower().Contains(word));
        return await ListAsync($"/search?q={Uri.EscapeDataString(Query)}", matches, ct);
    }
}
