using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class TagModel(BroadsheetDb db, TimeProvider clock) : SubjectListPageModel<Tag>(db, clock)
{
    public Tag Tag => Subject;
    public override string Heading => Tag.Name;
    public override string? Description => $"Every story tagged {Tag.Name}, newest first.";

    protected override string PathOf(Tag s) => $"/tag/{s.Slug}";
    protected override Task<Tag?> FindAsync(string slug, CancellationToken ct) => Db.Tags.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);
    protected override (string Kind, int Id, string Slug, string Name) FollowOf(Tag s) => ("tag", s.Id, s.Slug, s.Name);
    protected override IQueryable<Article> ArticlesOf(IQueryable<Article> live, Tag s) => live.Where(a => a.Tags.Any(t => t.Id == s.Id));
}
