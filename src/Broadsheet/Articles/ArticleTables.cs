using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

/// <summary>
/// The Articles tables on the one context, as `db.Articles`: the feature names its own sets (and
/// configures them), so Data depends on no feature. EF translates these in subqueries too
/// (Data/TableExtensionTests).
/// </summary>
public static class ArticleTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<Article> Articles => db.Set<Article>();
        public DbSet<Category> Categories => db.Set<Category>();
        public DbSet<Tag> Tags => db.Set<Tag>();
        public DbSet<Author> Authors => db.Set<Author>();
        public DbSet<ArticleByline> ArticleBylines => db.Set<ArticleByline>();
        public DbSet<Redirect> Redirects => db.Set<Redirect>();
        public DbSet<Correction> Corrections => db.Set<Correction>();
    }
}
