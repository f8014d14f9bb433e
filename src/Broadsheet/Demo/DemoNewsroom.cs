using Broadsheet.Views;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Newsroom.Media;
using Broadsheet.Search;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Broadsheet.Demo;

/// <summary>
/// Fills a newsroom with generated stories: the demo site on first start, and
/// benchmark-sized data from the `seed` command. Articles go in through plain,
/// provider-neutral SQL in batches, because EF change tracking would make 100k
/// articles take minutes.
/// </summary>
public sealed partial class DemoNewsroom(TimeProvider clock, ISearchIndex search, ILogger<DemoNewsroom> log,
    IServiceScopeFactory scopes, IOptions<MediaOptions> media)
{
    public const int DemoArticleCount = 72;
    private const int BatchSize = 2_000;
    private const int BulkTuningFrom = 5_000;

    public async Task SeedIfEmptyAsync(BroadsheetDb db, CancellationToken ct = default)
    {
        if (await db.Articles.AnyAsync(ct)) return;
        log.LogInformation("Empty database: writing the demo newsroom ({Count} articles)", DemoArticleCount);
        var started = Stopwatch.GetTimestamp();
        // Drawing and encoding the pictures needs no database: it runs while the articles are written.
        var pictures = Task.Run(() => DrawPictures(), ct);
        try
        {
            await SeedArticlesAsync(db, DemoArticleCount, TimeSpan.FromDays(30), progress: null, ct);
            await DemoReaders.SeedAsync(db, clock.GetUtcNow().UtcDateTime, seed: 41, ct);
            await SeedReadingHistoryAsync(db, ct);
            await DemoPages.SeedAsync(db, clock.GetUtcNow().UtcDateTime, ct);
            await DemoNewsletters.SeedAsync(db, clock.GetUtcNow().UtcDateTime, ct);
            await SeedPicturesAsync(await pictures, ct);
            // After the pictures (it picks pictured stories), before the live story (not one of them).
            await DemoTrust.SeedAsync(db, clock.GetUtcNow().UtcDateTime, ct);
            // After the pictures: one of its entries shows one from the library.
            await DemoLive.SeedAsync(db, clock.GetUtcNow().UtcDateTime, ct);
            log.LogInformation("Demo newsroom written in {Ms} ms", (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException)
        {
            // Two instances starting on one empty PostgreSQL race here; the UNIQUE slugs let one win.
            log.LogInformation(ex, "Another instance wrote the demo newsroom first");
        }
    }

    private sealed record PreparedDemoPicture(string Section, PreparedPicture Picture, string Alt, string Caption);

    /// <summary>Every section's drawn pictures, encoded in all sizes; drawn in parallel, each on its own bitmap.</summary>
    private List<PreparedDemoPicture> DrawPictures()
    {
        var started = Stopwatch.GetTimestamp();
        var options = media.Value;
        var drawn = NewsWriter.Categories.SelectMany(c => DemoPictures.For(c.Slug, seed: 17)).ToList();
        var prepared = new PreparedDemoPicture?[drawn.Count];
        Parallel.For(0, drawn.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) }, i =>
        {
            using var bitmap = drawn[i].Bitmap;
            if (MediaUpload.FromDrawing(bitmap, options) is { } picture)
                prepared[i] = new PreparedDemoPicture(drawn[i].Section, picture, drawn[i].Alt, drawn[i].Caption);
        });
        log.LogInformation("Demo pictures drawn and encoded in {Ms} ms, beside the article writes", (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return [.. prepared.OfType<PreparedDemoPicture>()];
    }

    /// <summary>
    /// Stores the pictures through the media library, as uploads are (files in every width, a row
    /// with the alt text), and gives five stories in six one of its section's pictures with its alt
    /// text and caption, so most cards have a picture and a few show how a story without one looks.
    /// </summary>
    public const string DemoCredit = "Broadsheet demo";

    private async Task SeedPicturesAsync(List<PreparedDemoPicture> pictures, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var library = scope.ServiceProvider.GetRequiredService<MediaLibrary>();
        var sections = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.Id, ct);
        foreach (var group in pictures.GroupBy(p => p.Section))
        {
            if (!sections.TryGetValue(group.Key, out var categoryId)) continue;
            var stored = new List<(Newsroom.MediaImage Image, PreparedDemoPicture Drawn)>();
            // Drawn here, so the site itself is the credit (issue 24: every library picture has one).
            foreach (var p in group) stored.Add((await library.StoreAsync(p.Picture, p.Alt, userId: null, ct, DemoCredit), p));
            for (var k = 0; k < stored.Count; k++)
            {
                var (image, drawn) = stored[k];
                var (name, count) = (image.FileName, stored.Count);
                await db.Articles.Where(a => a.CategoryId == categoryId && a.Id % 6 != 0 && a.Id % count == k)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(a => a.ImagePath, name).SetProperty(a => a.ImageAlt, drawn.Alt).SetProperty(a => a.ImageCaption, drawn.Caption)
                        .SetProperty(a => a.ImageCredit, DemoCredit)
                        .SetProperty(a => a.ImageWidth, image.Width).SetProperty(a => a.ImageHeight, image.Height), ct);
            }
        }
        log.LogInformation("Demo pictures stored and given to stories in {Ms} ms", (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// The demo's view counts as per-day rows too (over each story's days so far, at most a week,
    /// most on its first days and unevenly, so today's and this week's lists differ), and hotness
    /// to match the views, votes and comments, so "most viewed" and "trending" are not empty on a first start.
    /// </summary>
    private async Task SeedReadingHistoryAsync(BroadsheetDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var live = await db.Articles.AsNoTracking().Live(now).Select(a => new { a.Id, a.ViewCount, a.PublishedAt }).ToListAsync(ct);
        var random = new Random(53);
        foreach (var a in live)
        {
            var first = DateOnly.FromDateTime(a.PublishedAt!.Value);
            var days = Math.Clamp(today.DayNumber - first.DayNumber + 1, 1, 7);
            // Day 0 is the story's first day in the window: it gets the most, later days less, each a little off the curve.
            var weights = Enumerable.Range(0, days).Select(d => (0.6 + 0.8 * random.NextDouble()) / (1 + d)).ToArray();
            var total = weights.Sum();
            for (var d = 0; d < days; d++)
                db.ArticleDailyViews.Add(new Views.ArticleDailyViews { ArticleId = a.Id, Day = today.AddDays(-(days - 1 - d)), Views = (long)(a.ViewCount * weights[d] / total) });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await Ranking.HotnessRefresh.RunAsync(db, [.. live.Select(a => a.Id)], now, ct);
    }

    public async Task SeedArticlesAsync(BroadsheetDb db, int count, TimeSpan spread, IProgress<int>? progress, CancellationToken ct = default)
    {
        var categoryIds = await EnsureCategoriesAsync(db, ct);
        var authorIds = await EnsureAuthorsAsync(db, ct);
        var tagIds = await db.Tags.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Id, ct);
        var slugs = (await db.Articles.AsNoTracking().Select(a => a.Slug).ToListAsync(ct)).ToHashSet();

        var writer = new NewsWriter(seed: slugs.Count + 17);
        var random = new Random(slugs.Count + 29);
        var now = clock.GetUtcNow().UtcDateTime;
        var categorySlugs = categoryIds.Keys.ToArray();
        var standfirsts = new HashSet<string>(StringComparer.Ordinal);

        List<NewArticle> Compose(int from)
        {
            var batch = new List<NewArticle>(Math.Min(BatchSize, count - from));
            for (var i = from; i < from + batch.Capacity; i++)
            {
                var category = categorySlugs[random.Next(categorySlugs.Length)];
                var story = writer.Write(category);
                // Readers notice two stories that open with the same sentence: a few more tries find a fresh one.
                for (var tries = 0; tries < 8 && !standfirsts.Add(story.Standfirst); tries++) story = writer.Write(category);
                batch.Add(new NewArticle(story, UniqueSlug(story.Title, slugs), categoryIds[category],
                    authorIds[random.Next(authorIds.Count)], Placement(i, count, spread, now, random)));
            }
            // Rendering and sanitizing costs more than writing the rows; spread it over the cores.
            // One worker fewer than the cores: the database writer needs one to itself.
            Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) }, a =>
            {
                a.Html = ArticleBody.ToSafeHtml(a.Story.Markdown);
                a.Text = ArticleBody.ToPlainText(a.Story.Markdown);
            });
            return batch;
        }

        // One open connection for the whole load, so provider tuning for bulk writes sticks to it.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.BeforeBulkLoadAsync(ct);
            // Index tuning for big loads only: PostgreSQL's drops the GIN indexes until the end, which
            // two instances writing the demo newsroom at once must not do to each other.
            var bulk = count >= BulkTuningFrom;
            if (bulk) await search.BeginBulkLoadAsync(db, ct);
            // More than one batch: the provider's writers take batches side by side, each on its own
            // connection (PostgreSQL parses each batch's text for the search table on its own core);
            // each batch is still one transaction. This connection composes the tags meanwhile.
            var writers = count > BatchSize ? db.BulkWriters : 1;
            var order = new BatchOrder(progress);
            var queue = System.Threading.Channels.Channel.CreateBounded<QueuedBatch>(writers);
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var workers = writers == 1 ? [] : Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
            {
                try { await WriteBatchesAsync(queue.Reader, order, now, failed.Token); }
                catch { await failed.CancelAsync(); throw; }
            }, ct)).ToList();
            try
            {
                // Compose the next batch while the database writes this one.
                var next = Task.Run(() => Compose(0), ct);
                for (var (done, index) = (0, 0); done < count; index++)
                {
                    var batch = await next;
                    var after = done + batch.Count;
                    next = after < count ? Task.Run(() => Compose(after), ct) : Task.FromResult(new List<NewArticle>());
                    await EnsureTagsAsync(db, batch.SelectMany(a => a.Story.Tags), tagIds, ct);
                    if (writers == 1)
                    {
                        await InsertAsync(db, batch, tagIds, now, ct);
                        order.Done(index, batch.Count);
                    }
                    // The writers read their own copy of the tag ids: this loop adds to the dictionary.
                    else await queue.Writer.WriteAsync(new QueuedBatch(index, batch, new Dictionary<string, int>(tagIds)), failed.Token);
                    done = after;
                }
            }
            catch (OperationCanceledException) when (failed.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                // A writer failed and stopped the others: its own exception surfaces below.
            }
            catch
            {
                await failed.CancelAsync();
                queue.Writer.TryComplete();
                await Task.WhenAll(workers).ContinueWith(_ => { }, TaskScheduler.Default); // they stop; this failure is the one to report
                throw;
            }
            queue.Writer.TryComplete();
            await Task.WhenAll(workers);
            if (bulk) await search.EndBulkLoadAsync(db, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Schedule(ArticleStatus Status, DateTime PublishedAt, long Views);

    private sealed class NewArticle(DemoStory story, string slug, int categoryId, int authorId, Schedule schedule)
    {
        public DemoStory Story { get; } = story;
        public string Slug { get; } = slug;
        public int CategoryId { get; } = categoryId;
        public int AuthorId { get; } = authorId;
        public Schedule Schedule { get; } = schedule;
        public string Html { get; set; } = "";
        public string Text { get; set; } = "";
    }

    /// <summary>Newest first across the spread; a few drafts and one scheduled story make the newsroom look real.</summary>
    private static Schedule Placement(int index, int count, TimeSpan spread, DateTime now, Random random)
    {
        var age = TimeSpan.FromMinutes(12) + spread * ((index + random.NextDouble()) / count);
        var views = (long)(Math.Pow(random.NextDouble(), 3) * 25_000 * (1 - (double)index / count)) + random.Next(40);
        return (index % 37, index % 53) switch
        {
            (36, _) => new Schedule(ArticleStatus.Draft, now - age, 0),
            (_, 52) => new Schedule(ArticleStatus.Scheduled, now + TimeSpan.FromHours(6 + index % 24), 0),
            _ => new Schedule(ArticleStatus.Published, now - age, views),
        };
    }

    private static string UniqueSlug(string title, HashSet<string> taken)
    {
        var stem = Slug.From(title);
        var slug = stem;
        for (var n = 2; !taken.Add(slug); n++) slug = $"{stem}-{n}";
        return slug;
    }

    private static async Task<Dictionary<string, int>> EnsureCategoriesAsync(BroadsheetDb db, CancellationToken ct)
    {
        var existing = await db.Categories.ToDictionaryAsync(c => c.Slug, ct);
        foreach (var (c, position) in NewsWriter.Categories.Select((c, i) => (c, i)))
            if (!existing.ContainsKey(c.Slug))
                existing[c.Slug] = db.Categories.Add(new Category { Name = c.Name, Slug = c.Slug, Description = c.Description, Position = position }).Entity;
        await db.SaveChangesAsync(ct);
        return NewsWriter.Categories.ToDictionary(c => c.Slug, c => existing[c.Slug].Id);
    }

    private static async Task<List<int>> EnsureAuthorsAsync(BroadsheetDb db, CancellationToken ct)
    {
        var existing = await db.Authors.ToDictionaryAsync(a => a.Slug, ct);
        foreach (var a in NewsWriter.Authors)
            if (!existing.ContainsKey(a.Slug))
                existing[a.Slug] = db.Authors.Add(new Author { DisplayName = a.DisplayName, Slug = a.Slug, Bio = a.Bio }).Entity;
        await db.SaveChangesAsync(ct);
        return NewsWriter.Authors.Select(a => existing[a.Slug].Id).ToList();
    }

    private static async Task EnsureTagsAsync(BroadsheetDb db, IEnumerable<string> names, Dictionary<string, int> ids, CancellationToken ct)
    {
        var added = new List<Tag>();
        foreach (var name in names.Distinct())
        {
            var slug = Slug.From(name);
            if (ids.ContainsKey(slug) || added.Any(t => t.Slug == slug)) continue;
            added.Add(db.Tags.Add(new Tag { Name = name, Slug = slug }).Entity);
        }
        if (added.Count == 0) return;
        await db.SaveChangesAsync(ct);
        foreach (var t in added) ids[t.Slug] = t.Id;
        db.ChangeTracker.Clear();
    }

    private async Task InsertAsync(BroadsheetDb db, List<NewArticle> batch, Dictionary<string, int> tagIds, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await search.PauseAsync(db, ct);
        var ids = await db.ReserveIdsAsync("Articles", batch.Count, ct);
        if (ids is not null)
        {
            await CopyAsync(db, batch, ids, tagIds, now, ct);
            await search.IndexRangeAndResumeAsync(db, ids.Min(), ids.Max(), ct);
            await tx.CommitAsync(ct);
            return;
        }
        int? first = null, last = null;
        var connection = db.Database.GetDbConnection();
        await using var article = Command(connection, tx,
            $"""
            INSERT INTO "Articles" ({string.Join(", ", ArticleColumns.Select(c => $"\"{c}\""))}, "Upvotes", "Downvotes", "CommentCount")
            VALUES (@title, @slug, @standfirst, @markdown, @html, @text, @status, @published, @updated, @minutes, @category, @author, @views, 0, 0, 0)
            RETURNING "Id"
            """,
            "title", "slug", "standfirst", "markdown", "html", "text", "status", "published", "updated", "minutes", "category", "author", "views");
        await using var tag = Command(connection, tx,
            """INSERT INTO "ArticleTags" ("ArticleId", "TagId") VALUES (@article, @tag)""", "article", "tag");

        foreach (var a in batch)
        {
            var values = Values(a, now);
            for (var i = 0; i < values.Length; i++) article.Parameters[i].Value = values[i];
            var id = Convert.ToInt32(await article.ExecuteScalarAsync(ct));
            first ??= id;
            last = id;
            foreach (var tagId in a.Story.Tags.Select(t => tagIds[Slug.From(t)]).Distinct())
            {
                tag.Parameters[0].Value = id;
                tag.Parameters[1].Value = tagId;
                await tag.ExecuteNonQueryAsync(ct);
            }
        }
        if (first is not null) await search.IndexRangeAndResumeAsync(db, first.Value, last!.Value, ct);
        await tx.CommitAsync(ct);
    }

    private static readonly string[] ArticleColumns = ["Title", "Slug", "Standfirst", "BodyMarkdown", "BodyHtml", "BodyText", "Status",
        "PublishedAt", "UpdatedAt", "ReadingMinutes", "CategoryId", "AuthorId", "ViewCount"];

    /// <summary>One article's values in <see cref="ArticleColumns"/> order.</summary>
    private static object?[] Values(NewArticle a, DateTime now) =>
        [a.Story.Title, a.Slug, a.Story.Standfirst, a.Story.Markdown, a.Html, a.Text, a.Schedule.Status.ToString(),
            a.Schedule.PublishedAt, a.Schedule.Status == ArticleStatus.Published ? a.Schedule.PublishedAt : now,
            ReadingTime.MinutesFor(a.Story.Markdown), a.CategoryId, a.AuthorId, a.Schedule.Views];

    /// <summary>The provider's bulk path (PostgreSQL's COPY), with ids taken beforehand so the tags can follow.</summary>
    private static async Task CopyAsync(BroadsheetDb db, List<NewArticle> batch, int[] ids, Dictionary<string, int> tagIds, DateTime now, CancellationToken ct)
    {
        await db.BulkInsertAsync("Articles", ["Id", .. ArticleColumns, "Upvotes", "Downvotes", "CommentCount"],
            batch.Select((a, i) => (object?[])[ids[i], .. Values(a, now), 0, 0, 0]), ct);
        await db.BulkInsertAsync("ArticleTags", ["ArticleId", "TagId"],
            batch.SelectMany((a, i) => a.Story.Tags.Select(t => tagIds[Slug.From(t)]).Distinct().Select(tag => (object?[])[ids[i], tag])), ct);
    }

    private static DbCommand Command(DbConnection connection, IDbContextTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx.GetDbTransaction();
        foreach (var name in names) command.AddParameter(name);
        return command;
    }
}
