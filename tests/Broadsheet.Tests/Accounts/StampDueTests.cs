using Broadsheet.Accounts;
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
    private static Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> VoteUpAsync(ReaderSession reader, string slug, string token) =>
        reader.PostAsync($"/articles/{slug}/vote", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["direction"] = "up" });

    private static bool RenewsSignIn(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith(AccountServices.AuthCookie, StringComparison.Ordinal));

    [Fact]
    public async Task A_double_click_with_a_due_cookie_checks_and_renews_it_once_and_records_the_vote()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        var token = await reader.VoteTokenAsync(article.Slug);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var clicks = await Task.WhenAll(VoteUpAsync(reader, article.Slug, token), VoteUpAsync(reader, article.Slug, token));

        clicks.ShouldAllBe(c => (int)c.Response.StatusCode == 302 && c.Response.Headers.Location!.OriginalString.StartsWith("/articles/", StringComparison.Ordinal));
        clicks.Count(c => RenewsSignIn(c.Response)).ShouldBe(1);
        (await app.WithDbAsync(db => db.ArticleVotes.SingleAsync(v => v.ArticleId == article.Id && v.UserId == user.Id))).Value.ShouldBe(1);
    }

    [Fact]
    public async Task After_sign_out_everywhere_both_requests_of_another_sessions_double_click_are_refused_once_the_interval_has_passed()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        using var other = app.Reader();
        ((int)(await other.SignInAsync(user.Email!)).Response.StatusCode).ShouldBe(302);
        var token = await other.VoteTokenAsync(article.Slug);

        ((int)(await reader.SubmitSettingsAsync("Everywhere", [])).Response.StatusCode).ShouldBe(302);
        // Past the interval, whatever the cookie's age: the first request must read the stamp again,
        // and the second may not pass on a verdict it did not share.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var clicks = await Task.WhenAll(VoteUpAsync(other, article.Slug, token), VoteUpAsync(other, article.Slug, token));

        // The cookie handler's challenge is an absolute URL.
        clicks.ShouldAllBe(c => (int)c.Response.StatusCode == 302 && c.Response.Headers.Location!.AbsolutePath == "/account/sign-in");
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id))).ShouldBe(0);
    }
}
