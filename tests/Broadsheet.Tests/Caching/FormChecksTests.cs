using Broadsheet.Caching;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Votes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Caching;

/// <summary>
/// A vote's antiforgery check is remembered per reader, antiforgery cookie and form token
/// (Caching/FormChecks.cs): a reader's next click with the same pair skips the two decryptions,
/// and a remembered pair is never trusted for anybody else or with any other token.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FormChecksTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private const string Antiforgery = ".AspNetCore.Antiforgery";

    private FormChecks Checks => app.Services.GetRequiredService<IAntiforgery>().ShouldBeOfType<FormChecks>();

    private static async Task<HttpResponseMessage> VoteAsync(ReaderSession reader, string slug, string token, string direction = "up") =>
        (await reader.PostAsync($"/articles/{slug}/vote", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["direction"] = direction })).Response;

    /// <summary>The same token with its last characters changed, so its signature no longer holds.</summary>
    private static string Forged(string token) => token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

    [Fact]
    public async Task A_readers_second_click_with_the_same_token_is_answered_from_the_remembered_check_and_applied()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;
        var token = await reader.VoteTokenAsync(article.Slug);

        var first = await VoteAsync(reader, article.Slug, token);
        var remembered = Checks.Remembered(reader.Cookies.Single(c => c.Key.StartsWith(Antiforgery, StringComparison.Ordinal)).Value, token);
        var recorded = await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id && v.UserId == user.Id && v.Value == 1));
        // A new account may not downvote yet (403), so the second click withdraws the vote.
        var second = await VoteAsync(reader, article.Slug, token, "clear");

        ((int)first.StatusCode).ShouldBe(302);
        recorded.ShouldBe(1);
        remembered.ShouldBeTrue();
        ((int)second.StatusCode).ShouldBe(302);
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id && v.UserId == user.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Another_reader_sending_a_remembered_cookie_and_token_is_refused_and_nothing_is_recorded()
    {
        var article = await app.ArticleAsync();
        var (first, _) = await app.SignedInReaderAsync();
        var (second, secondUser) = await app.SignedInReaderAsync();
        using var a = first;
        using var b = second;
        var token = await first.VoteTokenAsync(article.Slug);
        ((int)(await VoteAsync(first, article.Slug, token)).StatusCode).ShouldBe(302);
        // The second reader's browser sends the first one's antiforgery cookie and token with its own sign-in cookie.
        var cookie = first.Cookies.Keys.Single(k => k.StartsWith(Antiforgery, StringComparison.Ordinal));
        foreach (var mine in second.Cookies.Keys.Where(k => k.StartsWith(Antiforgery, StringComparison.Ordinal)).ToList()) second.Cookies.Remove(mine);
        second.Cookies[cookie] = first.Cookies[cookie];

        var refused = await VoteAsync(second, article.Slug, token);

        Checks.Remembered(first.Cookies[cookie], token).ShouldBeTrue();
        ((int)refused.StatusCode).ShouldBe(400);
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id && v.UserId == secondUser.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_changed_token_beside_a_remembered_cookie_is_checked_again_and_refused()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;
        var token = await reader.VoteTokenAsync(article.Slug);
        ((int)(await VoteAsync(reader, article.Slug, token)).StatusCode).ShouldBe(302);

        var forged = Forged(token);
        var refused = await VoteAsync(reader, article.Slug, forged, "down");

        ((int)refused.StatusCode).ShouldBe(400);
        (await app.WithDbAsync(db => db.ArticleVotes.SingleAsync(v => v.ArticleId == article.Id && v.UserId == user.Id))).Value.ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_check_is_not_remembered()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var session = reader;
        var token = await reader.VoteTokenAsync(article.Slug);
        var forged = Forged(token);

        var refused = await VoteAsync(reader, article.Slug, forged);

        ((int)refused.StatusCode).ShouldBe(400);
        Checks.Remembered(reader.Cookies.Single(c => c.Key.StartsWith(Antiforgery, StringComparison.Ordinal)).Value, forged).ShouldBeFalse();
    }
}
