using Broadsheet.Tests.Fixtures;
using Broadsheet.Votes;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Accounts;

/// <summary>The app with the security stamp re-read every 2 seconds, as production does every 30.</summary>
public sealed class TwoSecondStampApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Accounts:StampCheckSeconds", "2")];
}

/// <summary>
/// The stamp check is only built on the requests where it is due (Accounts/StampDue); a session
/// whose stamp moved must still end at the first request after the interval, a vote included.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StampDueTests(TwoSecondStampApp app) : IClassFixture<TwoSecondStampApp>
{
    [Fact]
    public async Task After_sign_out_everywhere_another_sessions_vote_is_refused_once_the_interval_has_passed()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        using var other = app.Reader();
        ((int)(await other.SignInAsync(user.Email!)).Response.StatusCode).ShouldBe(302);
        var token = await other.VoteTokenAsync(article.Slug);

        ((int)(await reader.SubmitSettingsAsync("Everywhere", [])).Response.StatusCode).ShouldBe(302);
        // Past the interval, whatever the cookie's age: the next request must read the stamp again.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var (vote, _) = await other.PostAsync($"/articles/{article.Slug}/vote",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["direction"] = "up" });

        ((int)vote.StatusCode).ShouldBe(302);
        // The cookie handler's challenge is an absolute URL.
        vote.Headers.Location!.AbsolutePath.ShouldBe("/account/sign-in");
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id))).ShouldBe(0);
    }
}
