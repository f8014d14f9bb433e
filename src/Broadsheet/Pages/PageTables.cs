using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Pages;

/// <summary>The Pages table on the one context, as `db.Pages` (Data knows no feature).</summary>
public static class PageTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<Page> Pages => db.Set<Page>();
    }

    /// <summary>What readers may see.</summary>
    public static IQueryable<Page> Live(this IQueryable<Page> pages) => pages.Where(p => p.Status == PageStatus.Published);
}
