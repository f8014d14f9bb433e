using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Views;

/// <summary>
/// The Views tables on the one context, as `db.ArticleDailyViews`: the feature names its own sets (and
/// configures them), so Data depends on no feature. EF translates these in subqueries too
/// (Data/TableExtensionTests).
/// </summary>
public static class ViewTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<ArticleDailyViews> ArticleDailyViews => db.Set<ArticleDailyViews>();
        public DbSet<ArticleViewer> ArticleViewers => db.Set<ArticleViewer>();
        public DbSet<DailySalt> DailySalts => db.Set<DailySalt>();
        public DbSet<ReferrerDaily> ReferrerDaily => db.Set<ReferrerDaily>();
    }
}
