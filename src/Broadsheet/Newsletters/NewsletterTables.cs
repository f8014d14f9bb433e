using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsletters;

/// <summary>The Newsletters tables on the one context (the feature names its own sets, so Data names no feature).</summary>
public static class NewsletterTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<Newsletter> Newsletters => db.Set<Newsletter>();
        public DbSet<Subscription> Subscriptions => db.Set<Subscription>();
        public DbSet<NewsletterIssue> NewsletterIssues => db.Set<NewsletterIssue>();
        public DbSet<NewsletterRun> NewsletterRuns => db.Set<NewsletterRun>();
    }
}
