using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Import;

/// <summary>
/// The Import tables on the one context, as `db.ImportedItems`: the feature names its own sets (and
/// configures them), so Data depends on no feature. EF translates these in subqueries too
/// (Data/TableExtensionTests).
/// </summary>
public static class ImportTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<ImportedItem> ImportedItems => db.Set<ImportedItem>();
    }
}
