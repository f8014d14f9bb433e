using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class CategoryModel(BroadsheetDb db, TimeProvider clock) : SubjectListPageModel<Category>(db, clock)
{
    public Category Category => Subject;
    public override string Heading => Category.Name;
    public override string? Description => Category.Description;

    protected override string PathOf(Category s) => $"/category/{s.Slug}";
    protected override Task<Category?> FindAsync(string slug, CancellationToken ct) => Db.Categories.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);
    protected override (string Kind, int Id, string Slug, string Name) FollowOf(Category s) => ("category", s.Id, s.Slug, s.Name);
    protected override IQueryable<Article> ArticlesOf(IQueryable<Article> live, Category s) => live.Where(a => a.CategoryId == s.Id);
}
