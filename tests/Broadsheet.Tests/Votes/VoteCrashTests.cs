using Broadsheet.Articles;
using Broadsheet.Votes;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Votes;

/// <summary>
/// A 200 or 302 for a vote means it is on disk. The app runs as its own process over the test's
/// database; a storm of votes goes in, and the process is SIGKILLed the moment the last answer
/// arrives, with no shutdown to flush anything. After a restart every acknowledged vote is there
/// and the counts equal the rows. Runs on whichever provider the pass uses (both in CI).
/// </summary>
[Trait("Category", "Integration")]
[LongRunning(45)]
public sealed class VoteCrashTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private const int Readers = 40;
    private const int VotesEach = 5;

    [Fact]
    public async Task Every_acknowledged_vote_survives_a_sigkill_the_moment_the_storm_is_answered()
    {
        var article = await app.ArticleAsync();
        var users = new List<Broadsheet.Data.Identity.User>();
        for (var i = 0; i < Readers; i++) users.Add(await app.UserAsync(joinedAt: DateTime.UtcNow.AddDays(-30)));
        var sessions = new List<ReaderSession>();
        foreach (var user in users)
        {
            var reader = app.Reader();
            ((int)(await reader.SignInAsync(user.Email!)).Response.StatusCode).ShouldBe(302);
            sessions.Add(reader);
        }

        await using var instance = new AppInstance("crash", Path.Combine(app.Folder, "crash"), Environment());
        instance.Start();
        await instance.WaitUntilHealthyAsync();
        var onInstance = sessions.Select(s => s.SameBrowserOn(instance.Address)).ToList();
        var tokens = await Task.WhenAll(onInstance.Select(r => r.VoteTokenAsync(article.Slug)));

        // Each reader sends its votes one after another (so its last acknowledged vote is its
        // final state), all readers at once; the process dies as the last answer arrives.
        var random = new Random(7);
        var plans = onInstance.Select(_ => Enumerable.Range(0, VotesEach).Select(_ => new[] { "up", "down", "clear" }[random.Next(3)]).ToArray()).ToList();
        var acknowledged = new string?[Readers];
        var storm = Enumerable.Range(0, Readers).Select(async i =>
        {
            foreach (var direction in plans[i])
            {
                var (response, _) = await onInstance[i].PostAsync($"/articles/{article.Slug}/vote",
                    new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[i], ["direction"] = direction });
                ((int)response.StatusCode).ShouldBe(302, instance.Tail());
                acknowledged[i] = direction;
            }
        });
        await Task.WhenAll(storm);
        await instance.KillAsync();

        instance.Start();
        await instance.WaitUntilHealthyAsync();
        var rows = await app.WithDbAsync(db => db.ArticleVotes.Where(v => v.ArticleId == article.Id).ToDictionaryAsync(v => v.UserId, v => v.Value));
        for (var i = 0; i < Readers; i++)
        {
            var expected = acknowledged[i] switch { "up" => 1, "down" => -1, _ => 0 };
            rows.GetValueOrDefault(users[i].Id).ShouldBe(expected, $"reader {i} was told their {acknowledged[i]} vote counted");
        }
        var stored = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        (stored.Upvotes, stored.Downvotes).ShouldBe((rows.Values.Count(v => v == 1), rows.Values.Count(v => v == -1)));
        foreach (var s in sessions.Concat(onInstance)) s.Dispose();
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = TestDatabase.Provider,
        ["ConnectionStrings__Broadsheet"] = app.ConnectionString,
        // The in-test app's keys, so the readers' cookies and form tokens are good here too.
        ["DataProtection__KeysDirectory"] = Path.Combine(app.Folder, "keys"),
        ["Site__BaseUrl"] = "http://127.0.0.1",
        ["Demo__Seed"] = "false",
        ["Email__Directory"] = Path.Combine(app.Folder, "crash-mail"),
        ["RateLimits__vote__Permits"] = "100000",
        ["RateLimits__vote-user__Permits"] = "100000",
    };
}
