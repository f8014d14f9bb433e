using AngleSharp.Dom;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Caching;

/// <summary>Page caching on, for a lifetime long enough that nothing expires during a test.</summary>
public sealed class PageCachingApp : BroadsheetApp
{
    // On by default (30 s); set here so these tests keep their meaning if the default changes.
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Caching:PageSeconds", "60")];
}

/// <summary>
/// Reader pages are cached, but nobody's name, session or follows may ever be cached or served to
/// someone else. A signed-in reader gets the shared copy with their own parts spliced in
/// (<see cref="SharedPageTests"/> covers that from every side).
/// </summary>
[Trait("Category", "Integration")]
public sealed class PersonalStateCacheTests(PageCachingApp app) : IClassFixture<PageCachingApp>
{
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private static void ShowsNobody(IDocument page, params User[] readers)
    {
        page.QuerySelector(".site-header .account-name").ShouldBeNull();
        page.QuerySelector("form[action='/account/sign-out']").ShouldBeNull();
        page.QuerySelector(".site-header a[href^='/account/sign-in']").ShouldNotBeNull();
        page.QuerySelectorAll("[aria-pressed=true]").ShouldBeEmpty();
        page.QuerySelectorAll("form[action='/follow']").ShouldBeEmpty();
        foreach (var reader in readers) page.Source.Text.ShouldNotContain(reader.DisplayName);
    }

    private static void ShowsOnly(IDocument page, User reader, params User[] others)
    {
        page.QuerySelector(".site-header .account-name")!.TextContent.ShouldBe(reader.DisplayName);
        page.QuerySelector(".site-header form.sign-out[action='/account/sign-out'][method=post]").ShouldNotBeNull();
        page.QuerySelector(".site-header a[href^='/account/sign-in']").ShouldBeNull();
        foreach (var other in others) page.Source.Text.ShouldNotContain(other.DisplayName);
    }

    private async Task<Article> FreshArticleAsync() =>
        await app.ArticleAsync(category: await app.CategoryAsync(), author: await app.AuthorAsync());

    [Fact]
    public async Task Page_caching_is_on_for_anonymous_readers()
    {
        var article = await FreshArticleAsync();

        var (first, _) = await app.GetPageAsync($"/articles/{article.Slug}");
        var (second, _) = await app.GetPageAsync($"/articles/{article.Slug}");

        FromCache(first).ShouldBeFalse();
        FromCache(second).ShouldBeTrue();
    }

    [Fact]
    public async Task A_signed_in_readers_page_shows_their_name_and_a_sign_out_form_in_the_header()
    {
        var article = await FreshArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;

        var (response, page) = await reader.GetPageAsync($"/articles/{article.Slug}");

        ((int)response.StatusCode).ShouldBe(200);
        ShowsOnly(page, user);
        page.QuerySelector(".site-header form.sign-out input[name=__RequestVerificationToken]").ShouldNotBeNull();
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Anonymous_requests_just_before_and_just_after_a_signed_in_one_never_get_the_readers_page()
    {
        var article = await FreshArticleAsync();
        var path = $"/articles/{article.Slug}";
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;
        var (followed, _) = await reader.SubmitAsync(path, "/follow", new Dictionary<string, string>()); // the author, so the page has a pressed button
        ((int)followed.StatusCode).ShouldBe(302);

        var (_, before) = await app.GetPageAsync(path);
        ShowsNobody(before, user);

        await app.ContentChangedAsync(); // nothing cached: the reader's request renders first
        var (signedIn, readersPage) = await reader.GetPageAsync(path);
        ShowsOnly(readersPage, user);
        readersPage.QuerySelectorAll(".story-follows button.follow-button").Select(b => b.GetAttribute("aria-pressed")).ShouldBe(["true", "false"]);
        readersPage.QuerySelector(".story-follows button.follow-button")!.TextContent.ShouldStartWith("Following");
        FromCache(signedIn).ShouldBeFalse();

        // The reader's request filled the cache with the shared copy, never with their own.
        var (after, anonymous) = await app.GetPageAsync(path);
        FromCache(after).ShouldBeTrue();
        ShowsNobody(anonymous, user);
        anonymous.QuerySelectorAll(".story-follows a.follow-button").Length.ShouldBe(2);

        var (again, cached) = await app.GetPageAsync(path);
        FromCache(again).ShouldBeTrue();
        ShowsNobody(cached, user);
    }

    [Fact]
    public async Task A_page_cached_for_anonymous_readers_shows_each_signed_in_reader_their_own_name_from_the_same_copy()
    {
        var article = await FreshArticleAsync();
        var path = $"/articles/{article.Slug}";
        await app.GetPageAsync(path);
        var (cached, _) = await app.GetPageAsync(path);
        FromCache(cached).ShouldBeTrue();
        var (ada, adaUser) = await app.SignedInReaderAsync();
        var (bo, boUser) = await app.SignedInReaderAsync();
        using var adaSession = ada;
        using var boSession = bo;
        adaUser.DisplayName.ShouldNotBe(boUser.DisplayName);

        for (var round = 0; round < 2; round++)
        {
            var (adaResponse, adaPage) = await ada.GetPageAsync(path);
            var (boResponse, boPage) = await bo.GetPageAsync(path);

            ShowsOnly(adaPage, adaUser, boUser);
            ShowsOnly(boPage, boUser, adaUser);
            FromCache(adaResponse).ShouldBeTrue();
            FromCache(boResponse).ShouldBeTrue();
        }

        var (_, anonymous) = await app.GetPageAsync(path);
        ShowsNobody(anonymous, adaUser, boUser);
    }
}
