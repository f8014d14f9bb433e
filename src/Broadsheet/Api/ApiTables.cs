using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api;

/// <summary>
/// The Api tables on the one context, as `db.ApiKeys`: the feature names its own sets (and
/// configures them), so Data depends on no feature. EF translates these in subqueries too
/// (Data/TableExtensionTests).
/// </summary>
public static class ApiTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<ApiKey> ApiKeys => db.Set<ApiKey>();
    }
}
