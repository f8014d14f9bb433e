using AngleSharp.Dom;
using Broadsheet.Follows;
using Broadsheet.Tests.Fixtures;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Follows;

[Trait("Category", "Integration")]
public sealed class FollowTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static readonly Dictionary<string, string> AsTheFormIs = [];

    private Task<List<Follow>> FollowsOfAsync(int userId) =>
        app.WithDbAsync(db => db.Follows.AsNoTracking().Where(f => f.UserId == userId).ToListAsync());

    /// <summary>Where a redirect leads, as a path on this site.</summary>
    private static string Target(HttpResponseMessage response) =>
        response.Headers.Location is { } l ? l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString : "";

    /// <summary>The hidden fields (token included) of the first form on the page posting to <paramref name="action"/>.</summary>
    private static Dictionary<string, string> FieldsOf(IParentNode page, string action) =>
        page.QuerySelectorAll($"form[action='{action}'] input[type=hidden]").Where(i => i.GetAttribute("name") is not null)
            .GroupBy(i => i.GetAttribute("name")!).ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? "");

    [Fact]
    public async Task Following_an_author_from_their_page_creates_one_follow_and_goes_back_to_the_page_showing_it()
    {
        var author = await app.AuthorAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;

        var (response, _) = await reader.SubmitAsync($"/author/{author.Slug}", "/follow", AsTheFormIs);

        ((int)response.StatusCode).ShouldBe(302);
        Target(response).ShouldBe($"/author/{author.Slug}");
        var follow = (await FollowsOfAsync(user.Id)).ShouldHaveSingleItem();
        follow.Kind.ShouldBe(FollowKind.Author);
        follow.TargetId.ShouldBe(author.Id);
        follow.CreatedAt.ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(1));

        var (_, page) = await reader.GetPageAsync($"/author/{author.Slug}");
        var button = page.QuerySelector(".list-header .follow button.follow-button")!;
        button.GetAttribute("aria-pressed").ShouldBe("true");
        button.TextContent.ShouldBe($"Following {author.DisplayName}");
        page.QuerySelector(".list-header .follow .followers")!.TextContent.ShouldBe("1 follower");
    }

    [Fact]
    public async Task Following_twice_in_a_row_leaves_one_follow()
    {
        var author = await app.AuthorAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;
        var again = new Dictionary<string, string> { ["follow"] = "true" };

        var (first, _) = await reader.SubmitAsync($"/author/{author.Slug}", "/follow", again);
        var (second, _) = await reader.SubmitAsync($"/author/{author.Slug}", "/follow", again);

        ((int)first.StatusCode).ShouldBe(302);
        ((int)second.StatusCode).ShouldBe(302);
        (await FollowsOfAsync(user.Id)).ShouldHaveSingleItem().TargetId.ShouldBe(author.Id);
    }

    [Fact]
    public async Task Two_follows_racing_each_other_leave_one_follow_and_both_succeed()
    {
        var author = await app.AuthorAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;
        var (_, page) = await reader.GetPageAsync($"/author/{author.Slug}");
        var fields = FieldsOf(page, "/follow");
        fields["follow"].ShouldBe("true");

        var responses = await Task.WhenAll(reader.PostAsync("/follow", fields), reader.PostAsync("/follow", fields));

        responses.Select(r => (int)r.Response.StatusCode).ShouldBe([302, 302]);
        (await FollowsOfAsync(user.Id)).ShouldHaveSingleItem().TargetId.ShouldBe(author.Id);
    }

    [Fact]
    public async Task Unfollowing_removes_the_follow_and_the_page_offers_follow_again()
    {
        var author = await app.AuthorAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;
        await reader.SubmitAsync($"/author/{author.Slug}", "/follow", AsTheFormIs);
        (await FollowsOfAsync(user.Id)).Count.ShouldBe(1);

        var (response, _) = await reader.SubmitAsync($"/author/{author.Slug}", "/follow", AsTheFormIs); // the form now says follow=false

        ((int)response.StatusCode).ShouldBe(302);
        Target(response).ShouldBe($"/author/{author.Slug}");
        (await FollowsOfAsync(user.Id)).ShouldBeEmpty();
        var (_, page) = await reader.GetPageAsync($"/author/{author.Slug}");
        var button = page.QuerySelector(".list-header .follow button.follow-button")!;
        button.GetAttribute("aria-pressed").ShouldBe("false");
        button.TextContent.ShouldBe($"Follow {author.DisplayName}");
        page.QuerySelector(".list-header .follow .followers")!.TextContent.ShouldBe("0 followers");
    }

    [Fact]
    public async Task Htmx_gets_just_the_new_button_which_can_be_pressed_again()
    {
        var author = await app.AuthorAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;

        var (response, fragment) = await reader.SubmitAsync($"/author/{author.Slug}", "/follow", AsTheFormIs, htmx: true);

        ((int)response.StatusCode).ShouldBe(200);
        var html = fragment.Body!.InnerHtml;
        html.ShouldNotContain("site-header");
        html.ShouldNotContain("<main");
        fragment.Body.Children.Length.ShouldBe(1);
        fragment.QuerySelector("body > div.follow")!.GetAttribute("data-follow").ShouldBe($"follow:author:{author.Slug}");
        fragment.QuerySelector(".follow button.follow-button")!.GetAttribute("aria-pressed").ShouldBe("true");
        fragment.QuerySelector(".follow .followers")!.TextContent.ShouldBe("1 follower");
        (await FollowsOfAsync(user.Id)).ShouldHaveSingleItem().TargetId.ShouldBe(author.Id);

        var fields = FieldsOf(fragment, "/follow");
        fields["follow"].ShouldBe("false");
        var (unfollowed, again) = await reader.PostAsync("/follow", fields, htmx: true);
        ((int)unfollowed.StatusCode).ShouldBe(200);
        again.QuerySelector(".follow button.follow-button")!.GetAttribute("aria-pressed").ShouldBe("false");
        (await FollowsOfAsync(user.Id)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(FollowKind.Category)]
    [InlineData(FollowKind.Tag)]
    public async Task Section_and_topic_pages_have_the_button_and_following_them_works(FollowKind kind)
    {
        var category = await app.CategoryAsync();
        var article = await app.ArticleAsync(category: category, tags: TestNewsroom.Unique("Lighthouses"));
        var (path, slug, id) = kind == FollowKind.Category
            ? ($"/category/{category.Slug}", category.Slug, category.Id)
            : ($"/tag/{article.Tags[0].Slug}", article.Tags[0].Slug, article.Tags[0].Id);
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;

        var (_, before) = await reader.GetPageAsync(path);
        before.QuerySelector(".list-header .follow")!.GetAttribute("data-follow").ShouldBe($"follow:{kind.ToString().ToLowerInvariant()}:{slug}");
        before.QuerySelector(".list-header .follow button.follow-button")!.GetAttribute("aria-pressed").ShouldBe("false");

        var (response, _) = await reader.SubmitAsync(path, "/follow", AsTheFormIs);

        ((int)response.StatusCode).ShouldBe(302);
        Target(response).ShouldBe(path);
        var follow = (await FollowsOfAsync(user.Id)).ShouldHaveSingleItem();
        follow.Kind.ShouldBe(kind);
        follow.TargetId.ShouldBe(id);
        var (_, after) = await reader.GetPageAsync(path);
        after.QuerySelector(".list-header .follow button.follow-button")!.GetAttribute("aria-pressed").ShouldBe("true");
    }

    [Fact]
    public async Task The_article_page_offers_to_follow_its_author_and_its_section()
    {
        var (author, category) = (await app.AuthorAsync(), await app.CategoryAsync());
        var article = await app.ArticleAsync(category: category, author: author);
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;
        var path = $"/articles/{article.Slug}";

        var (_, page) = await reader.GetPageAsync(path);

        page.QuerySelectorAll(".story-follows .follow").Select(f => f.GetAttribute("data-follow"))
            .ShouldBe([$"follow:author:{author.Slug}", $"follow:category:{category.Slug}"]);
        page.QuerySelectorAll(".story-follows button.follow-button").Select(b => b.TextContent)
            .ShouldBe([$"Follow {author.DisplayName}", $"Follow {category.Name}"]);

        var (response, _) = await reader.SubmitAsync(path, "/follow", AsTheFormIs); // the first: the author's

        ((int)response.StatusCode).ShouldBe(302);
        Target(response).ShouldBe(path);
        var follow = (await FollowsOfAsync(user.Id)).ShouldHaveSingleItem();
        (follow.Kind, follow.TargetId).ShouldBe((FollowKind.Author, author.Id));
        var (_, after) = await reader.GetPageAsync(path);
        after.QuerySelectorAll(".story-follows button.follow-button").Select(b => b.GetAttribute("aria-pressed")).ShouldBe(["true", "false"]);
    }

    [Fact]
    public async Task Signed_out_follow_is_a_sign_in_link_and_signing_in_through_it_completes_the_follow()
    {
        var author = await app.AuthorAsync();
        var user = await app.UserAsync();
        using var reader = app.Reader();
        var path = $"/author/{author.Slug}";

        var (_, page) = await reader.GetPageAsync(path);
        page.QuerySelector(".list-header form[action='/follow']").ShouldBeNull();
        var link = page.QuerySelector(".list-header .follow a.follow-button")!;
        var href = link.GetAttribute("href")!;
        href.Split('?')[0].ShouldBe("/account/sign-in");
        var query = QueryHelpers.ParseQuery(href[href.IndexOf('?')..]);
        query["returnUrl"].ToString().ShouldBe(path);
        query["then"].ToString().ShouldBe($"follow:author:{author.Slug}");
        (await FollowsOfAsync(user.Id)).ShouldBeEmpty();

        var (response, _) = await reader.SubmitAsync(href, "/account/sign-in",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = TestReaders.Password });

        ((int)response.StatusCode).ShouldBe(302);
        Target(response).ShouldBe(path);
        var follow = (await FollowsOfAsync(user.Id)).ShouldHaveSingleItem();
        (follow.Kind, follow.TargetId).ShouldBe((FollowKind.Author, author.Id));
        var (_, after) = await reader.GetPageAsync(path);
        after.QuerySelector(".list-header .follow button.follow-button")!.GetAttribute("aria-pressed").ShouldBe("true");
    }

    [Theory]
    [InlineData("publisher")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("Author,Tag")]
    public async Task An_unknown_kind_is_a_bad_request_and_follows_nothing(string kind)
    {
        var author = await app.AuthorAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;

        var (response, _) = await reader.SubmitAsync($"/author/{author.Slug}", "/follow", new Dictionary<string, string> { ["kind"] = kind });

        ((int)response.StatusCode).ShouldBe(400);
        (await FollowsOfAsync(user.Id)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("nobody-by-this-name")]
    [InlineData("Bad Slug!")]
    [InlineData("")]
    public async Task An_unknown_or_malformed_slug_is_not_found_and_follows_nothing(string slug)
    {
        var author = await app.AuthorAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;

        var (response, _) = await reader.SubmitAsync($"/author/{author.Slug}", "/follow", new Dictionary<string, string> { ["slug"] = slug });

        ((int)response.StatusCode).ShouldBe(404);
        (await FollowsOfAsync(user.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signed_out_post_is_sent_to_sign_in_and_follows_nothing()
    {
        var author = await app.AuthorAsync();
        using var reader = app.Reader();
        var followsBefore = await app.WithDbAsync(db => db.Follows.CountAsync(f => f.Kind == FollowKind.Author && f.TargetId == author.Id));

        var (response, _) = await reader.PostAsync("/follow", new Dictionary<string, string>
        {
            ["kind"] = "author", ["slug"] = author.Slug, ["follow"] = "true", ["returnUrl"] = $"/author/{author.Slug}",
        });

        ((int)response.StatusCode).ShouldBe(302);
        Target(response).ShouldBe("/account/sign-in?returnUrl=%2Ffollow");
        followsBefore.ShouldBe(0);
        (await app.WithDbAsync(db => db.Follows.CountAsync(f => f.Kind == FollowKind.Author && f.TargetId == author.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400_and_follows_nothing()
    {
        var author = await app.AuthorAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;
        var (_, page) = await reader.GetPageAsync($"/author/{author.Slug}"); // has the antiforgery cookie, but the form field is missing
        var fields = FieldsOf(page, "/follow");
        fields.Remove("__RequestVerificationToken").ShouldBeTrue();

        var (response, _) = await reader.PostAsync("/follow", fields);

        ((int)response.StatusCode).ShouldBe(400);
        (await FollowsOfAsync(user.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Getting_the_follow_address_is_not_found()
    {
        var (reader, _) = await app.SignedInReaderAsync();
        using var session = reader;

        var (response, _) = await reader.GetPageAsync("/follow");

        ((int)response.StatusCode).ShouldBe(404);
    }
}
