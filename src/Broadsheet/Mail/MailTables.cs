using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Mail;

/// <summary>
/// The Mail tables on the one context, as `db.OutboxMails`: the feature names its own sets (and
/// configures them), so Data depends on no feature. EF translates these in subqueries too
/// (Data/TableExtensionTests).
/// </summary>
public static class MailTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<OutboxMail> OutboxMails => db.Set<OutboxMail>();
        public DbSet<OutboxBody> OutboxBodies => db.Set<OutboxBody>();
        public DbSet<StoppedAddress> StoppedAddresses => db.Set<StoppedAddress>();
    }
}
