using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Shared;

/// <summary>
/// The Shared tables on the one context, as `db.RateLimitCounters`: the feature names its own sets (and
/// configures them), so Data depends on no feature. EF translates these in subqueries too
/// (Data/TableExtensionTests).
/// </summary>
public static class SharedTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<RateLimitCounter> RateLimitCounters => db.Set<RateLimitCounter>();
    }
}
