using Broadsheet.Votes;
using Broadsheet.Follows;
using AngleSharp.Dom;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Caching;

/// <summary>
/// Shared pages: one cached copy for everybody, signed in or not, with each signed-in reader's
/// own parts (name, notifications, vote, follows) spliced in on the way out. Nobody's state may
/// reach another reader's page or the anonymous one, whoever filled the cache.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SharedPageTests(PageCachingApp app) : IClassFixture<PageCachingApp>
{
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private sealed record Expected(User? User, string VoteUp, string VoteDown, string FollowsAuthor, string FollowsCategory);

    private static void Shows(IDocument page, Expected expected, params User[] others)
    {
        if (expected.User is { } user)
        {
            page.QuerySelector(".site-header .account-name")!.TextContent.ShouldBe(user.DisplayName);
            page.QuerySelector(".site-header form.sign-out input[name=__RequestVerificationToken]").ShouldNotBeNull();
            page.QuerySelector(".site-header a[href^='/account/sign-in']").ShouldBeNull();
            page.QuerySelector("form.vote button.vote-up")!.GetAttribute("aria-pressed").ShouldBe(expected.VoteUp);
            page.QuerySelector("form.vote button.vote-down")!.GetAttribute("aria-pressed").ShouldBe(expected.VoteDown);
            page.QuerySelectorAll(".story-follows button.follow-button").Select(b => b.GetAttribute("aria-pressed"))
                .ShouldBe([expected.FollowsAuthor, expected.FollowsCategory]);
        }
        else
        {
            page.QuerySelector(".site-header .account-name").ShouldBeNull();
            page.QuerySelector("form[action='/account/sign-out']").ShouldBeNull();
            page.QuerySelector(".site-header a[href^='/account/sign-in']").ShouldNotBeNull();
            page.QuerySelectorAll("form.vote, form[action='/follow']").ShouldBeEmpty();
            page.QuerySelectorAll("[aria-pressed=true]").ShouldBeEmpty();
            page.QuerySelectorAll(".story-follows a.follow-button").Length.ShouldBe(2);
        }
        foreach (var other in others) page.Source.Text.ShouldNotContain(other.DisplayName);
    }

    /// <summary>Follows the author or the section with the form on the reader's own copy of the page.</summary>
    private static async Task FollowAsync(ReaderSession reader, string path, string kind)
    {
        var (_, page) = await reader.GetPageAsync(path);
        var form = page.QuerySelectorAll("form[action='/follow']").Single(f => f.QuerySelector("input[name=kind]")!.GetAttribute("value") == kind);
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var (response, _) = await reader.PostAsync("/follow", fields);
        ((int)response.StatusCode).ShouldBe(302);
    }

    [Fact]
    public async Task Two_readers_and_an_anonymous_one_each_see_only_their_own_state_whoever_filled_the_cache()
    {
        var article = await app.ArticleAsync();
        var path = $"/articles/{article.Slug}";
        var (ada, adaUser) = await app.SignedInReaderAsync();
        var (bo, boUser) = await app.SignedInReaderAsync();
        using var adaSession = ada;
        using var boSession = bo;
        ((int)(await ada.VoteOnArticleAsync(article.Slug, "up")).StatusCode).ShouldBe(302);
        await FollowAsync(ada, path, "author");
        await FollowAsync(bo, path, "category");
        var adaSees = new Expected(adaUser, "true", "false", "true", "false");
        var boSees = new Expected(boUser, "false", "false", "false", "true");
        var nobodySees = new Expected(null, "", "", "", "");

        // Each in turn fills the cache right after an eviction; the others are then served from that copy.
        var visitors = new (ReaderSession? Session, Expected Sees, User[] Others)[]
        {
            (ada, adaSees, [boUser]), (bo, boSees, [adaUser]), (null, nobodySees, [adaUser, boUser]),
        };
        for (var first = 0; first < visitors.Length; first++)
        {
            await app.ContentChangedAsync();
            for (var turn = 0; turn < visitors.Length * 2; turn++)
            {
                var (session, sees, others) = visitors[(first + turn) % visitors.Length];
                var (response, page) = session is null ? await app.GetPageAsync(path) : await session.GetPageAsync(path);
                ((int)response.StatusCode).ShouldBe(200);
                Shows(page, sees, others);
                FromCache(response).ShouldBe(turn > 0, $"request {turn} after a fill by visitor {first}");
                if (session is not null) response.Headers.CacheControl!.NoStore.ShouldBeTrue();
            }
        }
    }

    [Fact]
    public async Task A_readers_vote_follow_and_notifications_show_on_their_next_request_while_the_shared_copy_stays_cached()
    {
        var article = await app.ArticleAsync();
        var path = $"/articles/{article.Slug}";
        var (ada, adaUser) = await app.SignedInReaderAsync();
        using var session = ada;
        await app.GetPageAsync(path);

        // The form and its token come from the reader's copy of the cached page.
        var (voted, _) = await ada.SubmitAsync(path, $"/articles/{article.Slug}/vote", new Dictionary<string, string> { ["direction"] = "up" });
        ((int)voted.StatusCode).ShouldBe(302);
        (await app.WithDbAsync(db => db.ArticleVotes.SingleAsync(v => v.ArticleId == article.Id && v.UserId == adaUser.Id))).Value.ShouldBe(1);
        // A vote evicts nothing: the reader's widget (their vote and the counts) is read afresh for them.
        var (afterVote, page) = await ada.GetPageAsync(path);
        FromCache(afterVote).ShouldBeTrue();
        page.QuerySelector("form.vote button.vote-up")!.GetAttribute("aria-pressed").ShouldBe("true");
        page.QuerySelector(".counters .votes")!.TextContent.ShouldStartWith("1 Votes");

        await FollowAsync(ada, path, "category");
        (await app.WithDbAsync(db => db.Follows.CountAsync(f => f.UserId == adaUser.Id && f.TargetId == article.CategoryId))).ShouldBe(1);
        // A follow changes the shared follower count, so it evicts the pages showing it: rendered afresh, for everybody.
        var (afterFollow, followed) = await ada.GetPageAsync(path);
        FromCache(afterFollow).ShouldBeFalse();
        followed.QuerySelectorAll(".story-follows button.follow-button").Select(b => b.GetAttribute("aria-pressed")).ShouldBe(["false", "true"]);
        followed.QuerySelectorAll(".story-follows .followers").Select(f => f.TextContent).ShouldBe(["0 followers", "1 follower"]);
        followed.QuerySelector(".site-header .unread-count").ShouldBeNull();

        await app.WithDbAsync(async db =>
        {
            var reply = db.Comments.Add(new Comment { ArticleId = article.Id, BodyMarkdown = "Hello", BodyHtml = "<p>Hello</p>", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            db.Notifications.Add(new Notification { UserId = adaUser.Id, CommentId = reply.Entity.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var (afterReply, notified) = await ada.GetPageAsync(path);
        FromCache(afterReply).ShouldBeTrue();
        notified.QuerySelector(".site-header .unread-count")!.TextContent.ShouldContain("1");

        var (_, anonymous) = await app.GetPageAsync(path);
        anonymous.QuerySelectorAll("[aria-pressed=true], .unread-count").ShouldBeEmpty();
        anonymous.QuerySelectorAll(".story-follows .followers").Select(f => f.TextContent).ShouldBe(["0 followers", "1 follower"]);
    }

    public static TheoryData<string> ListPages => new() { "home", "latest", "trending", "trending-list", "category", "author", "tag" };

    [Theory]
    [MemberData(nameof(ListPages))]
    public async Task A_signed_in_reader_gets_the_cached_list_page_with_their_own_header_and_follow_button(string kind)
    {
        var category = await app.CategoryAsync();
        var author = await app.AuthorAsync();
        var tag = TestNewsroom.Word();
        await app.ArticleAsync(category: category, author: author, tags: tag);
        var tagSlug = global::Broadsheet.Shared.Slug.From(tag);
        var (path, follows) = kind switch
        {
            "home" => ("/", false),
            "latest" => ("/latest", false),
            "trending" => ("/trending", false),
            "trending-list" => ("/trending/now", false),
            "category" => ($"/category/{category.Slug}", true),
            "author" => ($"/author/{author.Slug}", true),
            _ => ($"/tag/{tagSlug}", true),
        };
        var (ada, adaUser) = await app.SignedInReaderAsync();
        var (bo, boUser) = await app.SignedInReaderAsync();
        using var adaSession = ada;
        using var boSession = bo;
        if (follows)
        {
            await ada.SubmitAsync(path, "/follow", new Dictionary<string, string>());
            (await app.WithDbAsync(db => db.Follows.CountAsync(f => f.UserId == adaUser.Id))).ShouldBe(1);
        }
        await app.ContentChangedAsync();

        var (filled, _) = await bo.GetPageAsync(path);
        var (adaResponse, adaPage) = await ada.GetPageAsync(path);
        var (boResponse, boPage) = await bo.GetPageAsync(path);
        var (anonymousResponse, anonymous) = await app.GetPageAsync(path);

        FromCache(filled).ShouldBeFalse();
        foreach (var response in new[] { adaResponse, boResponse, anonymousResponse }) FromCache(response).ShouldBeTrue();
        adaPage.QuerySelector(".site-header .account-name")!.TextContent.ShouldBe(adaUser.DisplayName);
        boPage.QuerySelector(".site-header .account-name")!.TextContent.ShouldBe(boUser.DisplayName);
        adaPage.Source.Text.ShouldNotContain(boUser.DisplayName);
        boPage.Source.Text.ShouldNotContain(adaUser.DisplayName);
        anonymous.QuerySelector(".site-header .account-name").ShouldBeNull();
        anonymous.QuerySelectorAll("form[action='/follow'], form.sign-out").ShouldBeEmpty();
        if (follows)
        {
            adaPage.QuerySelector(".list-header button.follow-button")!.GetAttribute("aria-pressed").ShouldBe("true");
            boPage.QuerySelector(".list-header button.follow-button")!.GetAttribute("aria-pressed").ShouldBe("false");
            anonymous.QuerySelector(".list-header a.follow-button").ShouldNotBeNull();
        }
    }
}
