using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Follows;

/// <summary>
/// The Follows tables on the one context, as `db.Follows`: the feature names its own sets (and
/// configures them), so Data depends on no feature. EF translates these in subqueries too
/// (Data/TableExtensionTests).
/// </summary>
public static class FollowTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<Follow> Follows => db.Set<Follow>();
    }
}
