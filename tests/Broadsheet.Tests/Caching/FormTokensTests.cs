using Broadsheet.Tests.Fixtures;
using Broadsheet.Votes;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Caching;

/// <summary>
/// A signed-in reader's form token is made once per antiforgery cookie and reader, then reused
/// on their next pages (Caching/FormTokens.cs). A reused token must still sign the reader's own
/// forms, and never anybody else's, even someone holding the same antiforgery cookie.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FormTokensTests(PageCachingApp app) : IClassFixture<PageCachingApp>
{
    private static async Task<string> PageTokenAsync(ReaderSession reader, string slug)
    {
        var (_, page) = await reader.GetPageAsync($"/articles/{slug}");
        return page.QuerySelector("form.vote input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static async Task<HttpResponseMessage> VoteUpAsync(ReaderSession reader, string slug, string token) =>
        (await reader.PostAsync($"/articles/{slug}/vote", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["direction"] = "up" })).Response;

    [Fact]
    public async Task A_readers_second_page_carries_the_token_of_the_first_and_it_still_records_their_vote()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;

        var first = await PageTokenAsync(reader, article.Slug);
        var second = await PageTokenAsync(reader, article.Slug);
        var response = await VoteUpAsync(reader, article.Slug, second);

        second.ShouldBe(first);
        ((int)response.StatusCode).ShouldBeLessThan(400);
        (await app.WithDbAsync(db => db.ArticleVotes.SingleAsync(v => v.ArticleId == article.Id && v.UserId == user.Id))).Value.ShouldBe(1);
    }

    [Fact]
    public async Task Another_reader_holding_the_same_antiforgery_cookie_gets_a_token_of_their_own_and_the_first_readers_is_refused()
    {
        var article = await app.ArticleAsync();
        var (first, _) = await app.SignedInReaderAsync();
        var (second, secondUser) = await app.SignedInReaderAsync();
        using var a = first;
        using var b = second;
        var firstToken = await PageTokenAsync(first, article.Slug);
        // The second browser now sends the first one's antiforgery cookie, with its own sign-in cookie.
        var cookie = first.Cookies.Keys.Single(k => k.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        foreach (var mine in second.Cookies.Keys.Where(k => k.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ToList()) second.Cookies.Remove(mine);
        second.Cookies[cookie] = first.Cookies[cookie];

        var secondToken = await PageTokenAsync(second, article.Slug);
        var refused = await VoteUpAsync(second, article.Slug, firstToken);
        var noVote = await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id && v.UserId == secondUser.Id));
        var accepted = await VoteUpAsync(second, article.Slug, secondToken);

        secondToken.ShouldNotBe(firstToken);
        ((int)refused.StatusCode).ShouldBe(400);
        noVote.ShouldBe(0);
        ((int)accepted.StatusCode).ShouldBeLessThan(400);
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id && v.UserId == secondUser.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task A_reader_whose_antiforgery_cookie_is_gone_gets_a_new_cookie_and_a_token_that_works()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;
        var old = await PageTokenAsync(reader, article.Slug);
        foreach (var name in reader.Cookies.Keys.Where(k => k.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ToList()) reader.Cookies.Remove(name);

        var fresh = await PageTokenAsync(reader, article.Slug);
        var response = await VoteUpAsync(reader, article.Slug, fresh);

        fresh.ShouldNotBe(old);
        reader.Cookies.Keys.ShouldContain(k => k.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        ((int)response.StatusCode).ShouldBeLessThan(400);
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id && v.UserId == user.Id))).ShouldBe(1);
    }
}
