using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class AuthorModel(BroadsheetDb db, TimeProvider clock) : SubjectListPageModel<Author>(db, clock)
{
    public Author Author => Subject;
    public override string Heading => Author.DisplayName;
    public override string? Description => Author.Bio;

    protected override string PathOf(Author s) => $"/author/{s.Slug}";
    protected override Task<Author?> FindAsync(string slug, CancellationToken ct) => Db.Authors.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);
    protected override (string Kind, int Id, string Slug, string Name) FollowOf(Author s) => ("author", s.Id, s.Slug, s.DisplayName);
    protected override IQueryable<Article> ArticlesOf(IQueryable<Article> live, Author s) => live.Where(ArticleQueries.ByAuthor(Db.ArticleBylines, s.Id));

    // Own and co-written stories sit in two indexes: walk each a page long and merge (ArticleQueries.NewestByAuthor).
    protected override Task<IQueryable<Article>> PageOfAsync(Func<IQueryable<Article>, IQueryable<Article>> of, FeedCursor? after, int take, CancellationToken ct) =>
        Db.NewestByAuthorAsync(Author.Id, Now, after, take, ct);
}
