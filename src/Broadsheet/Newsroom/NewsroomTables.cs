using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom;

/// <summary>
/// The Newsroom tables on the one context, as `db.ArticleRevisions`: the feature names its own sets (and
/// configures them), so Data depends on no feature. EF translates these in subqueries too
/// (Data/TableExtensionTests).
/// </summary>
public static class NewsroomTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<ArticleRevision> ArticleRevisions => db.Set<ArticleRevision>();
        public DbSet<PreviewLink> PreviewLinks => db.Set<PreviewLink>();
        public DbSet<MediaImage> MediaImages => db.Set<MediaImage>();
        public DbSet<SiteSetting> SiteSettings => db.Set<SiteSetting>();
    }
}
