using Broadsheet.Votes;
using Broadsheet.Comments;
using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;

namespace Broadsheet.Tests.Shared;

public sealed partial class ScaleOutTests
{
    /// <summary>Marks the requests sent once instance A has exited, to find them in nginx's log.</summary>
    private const string AfterExit = "after-exit";

    [PostgresOnlyFact(ScaleOutCluster.Needs)]
    public async Task Sigterm_to_one_instance_mid_burst_loses_nothing_it_acknowledged_and_the_other_serves_on()
    {
        var article = await cluster.Data.ArticleAsync();
        const int during = 10, after = 3, views = 40;
        // Everything a reader needs is fetched first, so the burst is only votes, comments and views.
        // Readers sign in side by side (each from its own address); password hashing is the slow part.
        var readers = await Task.WhenAll(Enumerable.Range(0, during + after).Select(async i =>
        {
            var (session, user) = await SignedInReaderAsync();
            return (Session: session, UserId: user.Id, Vote: new Dictionary<string, string>(await VoteTokenAsync(session, article.Slug)) { ["direction"] = "up" },
                Comment: await CommentFormAsync(session, article.Slug, $"Burst comment {i} {Guid.NewGuid():N}"));
        }));
        using var browser = cluster.Reader();
        var acknowledgedVotes = new ConcurrentBag<int>();
        var acknowledgedComments = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<int>();
        var okViews = 0;

        // htmx posts, as the page sends them: an answer of 200 is the reader being told "counted".
        async Task ActAsync(int i, string suffix = "")
        {
            var (session, userId, vote, comment) = readers[i];
            var (voted, _) = await session.PostAsync($"/articles/{article.Slug}/vote{suffix}", vote, htmx: true);
            if ((int)voted.StatusCode == 200) acknowledgedVotes.Add(userId); else refused.Add((int)voted.StatusCode);
            var (commented, _) = await session.PostAsync(ThreadPath(article.Slug) + suffix, comment, htmx: true);
            if ((int)commented.StatusCode == 200) acknowledgedComments.Add(comment["body"]); else refused.Add((int)commented.StatusCode);
        }
        async Task ViewAsync(int i, string suffix = "")
        {
            if ((int)(await ScaleOutTests.ViewAsync(browser, $"/articles/{article.Slug}{suffix}", i)).StatusCode == 200) Interlocked.Increment(ref okViews);
        }

        try
        {
            // The burst is spread over about a second and a half; SIGTERM lands a third of the way in.
            var burst = Enumerable.Range(0, during).Select(i => Staggered(i * 120, () => ActAsync(i)))
                .Concat(Enumerable.Range(0, views).Select(i => Staggered(i * 35, () => ViewAsync(i))))
                .ToList();
            await Task.Delay(500);
            var exitCode = await cluster.A.TerminateAsync();
            await Task.WhenAll(burst);
            exitCode.ShouldBe(0, cluster.A.Tail(60));

            // After A has gone, every request is B's, and B answers each with success.
            await Task.WhenAll(Enumerable.Range(during, after).Select(i => ActAsync(i, $"?{AfterExit}"))
                .Concat(Enumerable.Range(views, 10).Select(i => ViewAsync(i, $"?{AfterExit}"))));
            var afterExit = await cluster.Nginx.AccessLogAsync(l => l.Target.EndsWith(AfterExit, StringComparison.Ordinal), after * 2 + 10);
            afterExit.Count.ShouldBe(after * 2 + 10);
            afterExit.ShouldAllBe(l => l.ServedBy == cluster.B.Upstream && l.Status >= 200 && l.Status < 300, Explain(afterExit));
            // A took part in the burst: it answered some of it before it went.
            var servedByA = cluster.Nginx.AccessLog().Count(l => l.Target.StartsWith($"/articles/{article.Slug}") && l.ServedBy == cluster.A.Upstream && l.Status == 200);
            servedByA.ShouldBeGreaterThan(0);

            var votes = await cluster.Data.WithDbAsync(db => db.ArticleVotes.Where(v => v.ArticleId == article.Id).Select(v => v.UserId).ToListAsync());
            votes.ShouldBeUnique();
            votes.ShouldBeSubsetOf(readers.Select(r => r.UserId));
            acknowledgedVotes.ShouldBeSubsetOf(votes, "every vote answered 200 should be stored");
            acknowledgedVotes.Count.ShouldBeGreaterThanOrEqualTo(after); // the ones after the exit, at least
            (await cluster.Data.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Upvotes).SingleAsync())).ShouldBe(votes.Count);

            var comments = await cluster.Data.WithDbAsync(db => db.Comments.Where(c => c.ArticleId == article.Id).Select(c => c.BodyMarkdown).ToListAsync());
            comments.ShouldBeUnique("no comment should be stored twice");
            acknowledgedComments.ShouldBeSubsetOf(comments, "every comment answered 200 should be stored");

            // A wrote its buffered views as it stopped; B writes its own within a flush.
            (await ViewCountSettledAsync(article.Id, okViews)).ShouldBe(okViews, cluster.Diagnostics());
            output.WriteLine($"A answered {servedByA} burst requests before it exited; acknowledged: {acknowledgedVotes.Count}/{during + after} votes, " +
                $"{acknowledgedComments.Count}/{during + after} comments, {okViews}/{views + 10} views; refused with {string.Join(", ", refused)}; stored {votes.Count} votes, {comments.Count} comments");
        }
        finally
        {
            foreach (var r in readers) r.Session.Dispose();
            // The other tests in this class want both instances again.
            if (cluster.A.HasExited) await cluster.RestartAsync(cluster.A);
        }
    }

    private static async Task Staggered(int delayMilliseconds, Func<Task> work)
    {
        await Task.Delay(delayMilliseconds);
        await work();
    }
}
