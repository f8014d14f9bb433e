using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Accounts;

/// <summary>
/// The Accounts tables on the one context, as `db.OneTimeTokens`: the feature names its own sets (and
/// configures them), so Data depends on no feature. EF translates these in subqueries too
/// (Data/TableExtensionTests).
/// </summary>
public static class AccountTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<OneTimeToken> OneTimeTokens => db.Set<OneTimeToken>();
    }
}
