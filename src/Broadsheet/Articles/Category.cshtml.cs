using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class CategoryModel(BroadsheetDb db, TimeProvider clock) : ListPageModel(db, clock)
{
    public Category Category { get; private set; } = null!;
    public override string Heading => Category.Name;
    public override string? Description => Category.Description;
    public string CanonicalPath => $"/category/{Category.Slug}";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return NotFound();
        var category = await Db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (category is null) return NotFound();
        Category = category;
        ShowFollow("category", category.Id, category.Slug, category.Name, CanonicalPath);
        return await ListAsync(CanonicalPath, Live.Where(a => a.CategoryId == category.Id), ct);
    }
}
