using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class TagModel(BroadsheetDb db, TimeProvider clock) : ListPageModel(db, clock)
{
    public Tag Tag { get; private set; } = null!;
    public override string Heading => Tag.Name;
    public override string? Description => $"Every story tagged {Tag.Name}, newest first.";
    public string CanonicalPath => $"/tag/{Tag.Slug}";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return NotFound();
        var tag = await Db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tag is null) return NotFound();
        Tag = tag;
        ShowFollow("tag", tag.Id, tag.Slug, tag.Name, CanonicalPath);
        return await ListAsync(CanonicalPath, Live.Where(a => a.Tags.Any(t => t.Id == tag.Id)), ct);
    }
}
