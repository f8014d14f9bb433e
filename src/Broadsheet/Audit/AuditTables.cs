using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Audit;

/// <summary>The audit table on the one context, as `db.AuditLog` (see Articles/ArticleTables.cs).</summary>
public static class AuditTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<AuditEntry> AuditLog => db.Set<AuditEntry>();
    }

    /// <summary>One log per request scope, so entries join the caller's unit of work.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditLog>();
}
