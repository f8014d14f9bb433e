using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Follows;
using Broadsheet.Views;
using Broadsheet.Votes;
using Broadsheet.Shared;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data;

/// <summary>
/// The one model for both providers. Each provider has a subclass in Data/Migrations/&lt;Provider&gt;
/// so that each keeps its own migration set; the rest of the app only sees this type.
/// </summary>
public abstract class BroadsheetDb(DbContextOptions options)
    : IdentityDbContext<User, IdentityRole<int>, int>(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();
    public DbSet<Mail.OutboxMail> OutboxMails => Set<Mail.OutboxMail>();
    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();
    public DbSet<ArticleVote> ArticleVotes => Set<ArticleVote>();
    public DbSet<ArticleDailyViews> ArticleDailyViews => Set<ArticleDailyViews>();
    public DbSet<ArticleViewer> ArticleViewers => Set<ArticleViewer>();
    public DbSet<DailySalt> DailySalts => Set<DailySalt>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentVote> CommentVotes => Set<CommentVote>();
    public DbSet<CommentReport> CommentReports => Set<CommentReport>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Redirect> Redirects => Set<Redirect>();
    public DbSet<Api.ApiKey> ApiKeys => Set<Api.ApiKey>();
    public DbSet<Import.ImportedItem> ImportedItems => Set<Import.ImportedItem>();
    public DbSet<Newsroom.AuditEntry> AuditLog => Set<Newsroom.AuditEntry>();
    public DbSet<Newsroom.ArticleRevision> ArticleRevisions => Set<Newsroom.ArticleRevision>();
    public DbSet<Newsroom.PreviewLink> PreviewLinks => Set<Newsroom.PreviewLink>();
    public DbSet<Newsroom.MediaImage> MediaImages => Set<Newsroom.MediaImage>();
    public DbSet<Newsroom.SiteSetting> SiteSettings => Set<Newsroom.SiteSetting>();
    public DbSet<ReferrerDaily> ReferrerDaily => Set<ReferrerDaily>();

    /// <summary>PostgreSQL keeps Data Protection keys here, shared by every instance (SQLite: data/keys).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Applies migrations with the provider's tuning around them (EF takes a lock, so N instances may start at once).</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await BeforeMigrateAsync(ct);
        await Database.MigrateAsync(ct);
        await AfterMigrateAsync(ct);
    }

    /// <summary>Provider tuning that must come before the first table exists (SQLite's page size).</summary>
    public virtual Task BeforeMigrateAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Provider tuning that must follow a migration (SQLite turns on WAL here).</summary>
    public virtual Task AfterMigrateAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Held around short, hot write transactions (a vote, a rate-limit hit, a views flush).
    /// SQLite has one writer at a time and its driver waits for the lock by sleeping the thread;
    /// queueing on an async gate in the process instead keeps threads free. PostgreSQL locks rows
    /// itself, so its gate is open.
    /// </summary>
    public virtual ValueTask<IDisposable> WriteGateAsync(CancellationToken ct) => ValueTask.FromResult<IDisposable>(NoGate.Instance);

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();
        public void Dispose() { }
    }

    /// <summary>Provider tuning for a large load on the open connection (SQLite enlarges its page cache).</summary>
    public virtual Task BeforeBulkLoadAsync(CancellationToken ct) => Task.CompletedTask;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's tables, renamed by the configurations below
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BroadsheetDb).Assembly);
    }
}
