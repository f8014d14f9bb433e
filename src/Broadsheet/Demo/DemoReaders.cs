using Broadsheet.Data.Identity;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Data;
using Broadsheet.Follows;
using Broadsheet.Votes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Demo;

/// <summary>
/// The demo's readers and what they did: accounts in the reader role (no password, so nobody can
/// sign in as them), comment threads with replies, votes and follows. Rows go into the same
/// tables the app writes, in one batch, and the articles' counters are then recounted from those
/// rows, so every "12 comments" and every score matches what a reader can count on the page.
/// Different stories draw the talk and the votes, so "Most discussed" and "Top this week" differ.
/// </summary>
public static class DemoReaders
{
    public const int Count = 24;

    private static readonly string[] First = ["Amara", "Bram", "Cleo", "Dev", "Elin", "Farid", "Greta", "Hugo", "Isla", "Jun", "Kofi", "Lena",
        "Mateo", "Nia", "Oskar", "Pia", "Quinn", "Rafe", "Saoirse", "Tomas", "Uma", "Viktor", "Wren", "Yara"];
    private static readonly string[] Last = ["Adeyemi", "Brask", "Castellano", "Dalby", "Eriksen", "Fairweather", "Gallo", "Holm", "Ibarra", "Jarvik",
        "Kowal", "Lindqvist", "Moreau", "Novak", "Okoro", "Petrov", "Quaid", "Rasmus", "Soto", "Tanaka", "Ueda", "Voss", "Whitlock", "Zand"];

    private static readonly string[] Openers = ["Good piece.", "I'm not convinced.", "This matches what we've seen locally.", "Finally someone asks the obvious question.",
        "Interesting, but the numbers need context.", "Thanks for covering this.", "Worth reading to the end.", "Hmm.", "The quote from the council says it all.",
        "I was at the meeting and it was tenser than this suggests."];
    private static readonly string[] Middles = ["The real issue is who pays for it in five years' time.", "Nobody I know was consulted, and that says a lot.",
        "We tried something similar a decade ago and it worked better than people remember.", "I'd like to see the full report rather than the summary.",
        "Small businesses will feel this first.", "The timeline seems optimistic given the last two projects.", "It's refreshing to read something without the usual spin.",
        "My neighbours have been saying the same for months.", "There's a good follow-up story in the comparison with other regions.",
        "Let's see whether the promises survive the next budget."];
    private static readonly string[] Replies = ["Agreed.", "I read it differently: the report is clearer than the summary.", "Fair point, though the costs are already public.",
        "Same here.", "Do you have a source for that?", "That's exactly what happened in our street.", "Not sure that follows, but I take the point.",
        "The follow-up would be worth it.", "Thanks, I hadn't seen that."];

    /// <summary>Writes the readers and their activity over the live stories of the last week, then recounts the counters.</summary>
    public static async Task SeedAsync(BroadsheetDb db, DateTime now, int seed, CancellationToken ct)
    {
        var rng = new Random(seed);
        var readers = new List<User>();
        for (var i = 0; i < Count; i++)
        {
            var name = $"{First[i % First.Length]} {Last[(i * 7) % Last.Length]}";
            var handle = $"{First[i % First.Length]}-{Last[(i * 7) % Last.Length]}".ToLowerInvariant();
            readers.Add(new User
            {
                UserName = handle, NormalizedUserName = handle.ToUpperInvariant(),
                Email = $"{handle}@demo.invalid", NormalizedEmail = $"{handle}@demo.invalid".ToUpperInvariant(), EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"), DisplayName = name, JoinedAt = now.AddDays(-40 - rng.Next(300)),
            });
        }
        db.Users.AddRange(readers);
        await db.SaveChangesAsync(ct);
        var readerRole = await db.Roles.Where(r => r.Name == Roles.Reader).Select(r => r.Id).SingleAsync(ct);
        db.UserRoles.AddRange(readers.Select(r => new IdentityUserRole<int> { UserId = r.Id, RoleId = readerRole }));

        var replies = new List<Action>();
        var week = await db.Articles.AsNoTracking().Live(now).Where(a => a.PublishedAt >= now.AddDays(-7)).Newest()
            .Select(a => new { a.Id, a.PublishedAt, a.CategoryId, a.AuthorId }).ToListAsync(ct);
        for (var i = 0; i < week.Count; i++)
        {
            var a = week[i];
            var since = now - a.PublishedAt!.Value;
            // Every third story draws the talk, the next one the votes; the rest get a little of each.
            var (threads, votes) = (i % 3) switch { 0 => (3 + rng.Next(4), 2 + rng.Next(3)), 1 => (rng.Next(2), 9 + rng.Next(Count - 9)), _ => (rng.Next(2), rng.Next(4)) };
            AddThreads(db, rng, readers, a.Id, a.PublishedAt!.Value, since, threads, replies);
            foreach (var voter in readers.OrderBy(_ => rng.Next()).Take(votes))
            {
                var at = a.PublishedAt!.Value + since * rng.NextDouble();
                db.Set<ArticleVote>().Add(new ArticleVote { ArticleId = a.Id, UserId = voter.Id, Value = rng.Next(8) == 0 ? -1 : 1, CreatedAt = at, UpdatedAt = at });
            }
        }
        var targets = await db.Categories.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        var authors = await db.Authors.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        foreach (var reader in readers)
        {
            foreach (var id in targets.OrderBy(_ => rng.Next()).Take(1 + rng.Next(3)))
                db.Set<Follow>().Add(new Follow { UserId = reader.Id, Kind = FollowKind.Category, TargetId = id, CreatedAt = reader.JoinedAt });
            foreach (var id in authors.OrderBy(_ => rng.Next()).Take(rng.Next(3)))
                db.Set<Follow>().Add(new Follow { UserId = reader.Id, Kind = FollowKind.Author, TargetId = id, CreatedAt = reader.JoinedAt });
        }
        await db.SaveChangesAsync(ct);
        foreach (var reply in replies) reply();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // The counters, recounted from the rows just written (as the app's writers do), in three statements.
        int[] ids = [.. week.Select(a => a.Id)];
        await db.Articles.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.CommentCount, a => db.Set<Comment>().Count(c => c.ArticleId == a.Id && c.Status == CommentStatus.Visible))
            .SetProperty(a => a.Upvotes, a => db.Set<ArticleVote>().Count(v => v.ArticleId == a.Id && v.Value == 1))
            .SetProperty(a => a.Downvotes, a => db.Set<ArticleVote>().Count(v => v.ArticleId == a.Id && v.Value == -1)), ct);
    }

    /// <summary>The top-level comments now; their replies once the parents have ids (the caller saves in between).</summary>
    private static void AddThreads(BroadsheetDb db, Random rng, List<User> readers, int articleId, DateTime published, TimeSpan since, int threads,
        List<Action> replies)
    {
        for (var t = 0; t < threads; t++)
        {
            var at = published + since * (0.1 + 0.5 * rng.NextDouble());
            var top = Add(db, articleId, null, readers[rng.Next(readers.Count)].Id, Body(rng), at);
            for (var r = rng.Next(4); r > 0; r--)
            {
                var (by, body, when) = (readers[rng.Next(readers.Count)].Id, Replies[rng.Next(Replies.Length)], at.AddMinutes(5 + rng.Next(180)));
                replies.Add(() => Add(db, articleId, top.Id, by, body, when));
            }
        }
    }

    private static Comment Add(BroadsheetDb db, int articleId, long? parentId, int userId, string body, DateTime at) =>
        db.Set<Comment>().Add(new Comment
        {
            ArticleId = articleId, ParentId = parentId, UserId = userId, BodyMarkdown = body, BodyHtml = CommentMarkdown.ToSafeHtml(body),
            Status = CommentStatus.Visible, CreatedAt = at,
        }).Entity;

    /// <summary>One to four sentences, so comments vary from a word to a paragraph.</summary>
    private static string Body(Random rng)
    {
        var sentences = new List<string> { Openers[rng.Next(Openers.Length)] };
        for (var n = rng.Next(4); n > 0; n--) sentences.Add(Middles[rng.Next(Middles.Length)]);
        return string.Join(" ", sentences.Distinct());
    }
}
