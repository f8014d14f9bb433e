using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class AuthorModel(BroadsheetDb db, TimeProvider clock) : ListPageModel(db, clock)
{
    public Author Author { get; private set; } = null!;
    public override string Heading => Author.DisplayName;
    public override string? Description => Author.Bio;
    public string CanonicalPath => $"/author/{Author.Slug}";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return NotFound();
        var author = await Db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (author is null) return NotFound();
        Author = author;
        ShowFollow("author", author.Id, author.Slug, author.DisplayName, CanonicalPath);
        return await ListAsync(CanonicalPath, Live.Where(a => a.AuthorId == author.Id), ct);
    }
}
