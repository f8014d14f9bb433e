using Broadsheet.Articles;
using Broadsheet.Accounts;
using Broadsheet.Comments;
using Broadsheet.Tests.Accounts;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Comments;

[Trait("Category", "Integration")]
public sealed class CommentThreadTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    [Fact]
    public async Task The_article_page_has_a_leave_a_reply_section_that_loads_the_thread_and_links_to_it_without_javascript()
    {
        var article = await app.ArticleAsync();

        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");

        var section = page.QuerySelector("section#comments")!;
        section.QuerySelector("h2")!.TextContent.ShouldBe("Leave a reply");
        var loader = section.QuerySelector("#thread")!;
        loader.GetAttribute("data-hx-get").ShouldBe($"/articles/{article.Slug}/comments");
        loader.GetAttribute("data-hx-trigger").ShouldBe("intersect once, show-thread once"); // fetched when it scrolls into view (issue 21)
        var link = loader.QuerySelector("a")!;
        link.GetAttribute("href").ShouldBe($"/articles/{article.Slug}/comments");
        link.TextContent.ShouldBe("Read the comments (0)");
        // Cached for everyone: no token, no form, no name.
        page.QuerySelectorAll("section#comments form, section#comments input").ShouldBeEmpty();
    }

    [Fact]
    public async Task Signed_out_readers_see_the_thread_with_a_sign_in_link_back_to_the_comments_and_cannot_post()
    {
        var article = await app.ArticleAsync();
        var author = await app.UserAsync(name: "Tamsin Weir");
        await app.SeedCommentAsync(article.Id, author.Id, "The *early* ferry suits me.");
        using var reader = app.Reader();

        var (response, thread) = await reader.ThreadAsync(article.Slug);

        ((int)response.StatusCode).ShouldBe(200);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        thread.QuerySelector("body > #thread").ShouldNotBeNull();
        thread.QuerySelector(".comment .comment-author")!.TextContent.ShouldBe("Tamsin Weir");
        thread.QuerySelector(".comment .comment-body em")!.TextContent.ShouldBe("early");
        var signIn = thread.QuerySelector(".thread-gate a")!;
        signIn.GetAttribute("href").ShouldBe($"/account/sign-in?returnUrl=%2Farticles%2F{article.Slug}%23comments");
        signIn.HasAttribute("data-account-dialog").ShouldBeTrue();
        thread.QuerySelectorAll("form, input[name=__RequestVerificationToken]").ShouldBeEmpty();

        var (posted, _) = await reader.PostAsync($"/articles/{article.Slug}/comments", new Dictionary<string, string> { ["body"] = "sneaky" });
        ((int)posted.StatusCode).ShouldBe(400); // no antiforgery token, no account: refused before anything
        (await app.CommentsOnAsync(article.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Posting_as_a_plain_form_stores_the_comment_counts_it_and_redirects_to_its_anchor()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;

        var (response, _) = await reader.CommentAsync(article.Slug, "The **seven o'clock** sailing is a relief.");

        ((int)response.StatusCode).ShouldBe(302);
        var id = response.CommentId();
        response.Location().ShouldBe($"/articles/{article.Slug}/comments#comment-{id}");
        var stored = (await app.CommentsOnAsync(article.Id)).ShouldHaveSingleItem();
        stored.Id.ShouldBe(id);
        stored.UserId.ShouldBe(user.Id);
        stored.Status.ShouldBe(CommentStatus.Visible);
        stored.BodyMarkdown.ShouldBe("The **seven o'clock** sailing is a relief.");
        stored.BodyHtml.ShouldBe("<p>The <strong>seven o'clock</strong> sailing is a relief.</p>");
        (await app.CommentCountAsync(article.Id)).ShouldBe(1);
        (await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Hotness).SingleAsync())).ShouldBeGreaterThan(0);

        var (page, full) = await reader.GetPageAsync(response.Location().Split('#')[0]);
        ((int)page.StatusCode).ShouldBe(200);
        full.QuerySelector("h2#comments-title")!.TextContent.ShouldBe("Leave a reply");
        full.QuerySelector($"#comment-{id} .comment-body strong")!.TextContent.ShouldBe("seven o'clock");
        full.QuerySelector(".thread-count")!.TextContent.ShouldBe("1 comment");
    }

    [Fact]
    public async Task With_htmx_a_new_comment_comes_back_with_a_fresh_form_and_goes_to_the_top_of_the_list()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;

        var (response, answer) = await reader.CommentAsync(article.Slug, "Quick one.", htmx: true);

        ((int)response.StatusCode).ShouldBe(200);
        var form = answer.QuerySelector("body > form.comment-form")!;
        form.QuerySelector("textarea")!.TextContent.ShouldBe("");
        form.QuerySelector("input[name=started]")!.GetAttribute("value").ShouldNotBeNullOrEmpty();
        var oob = answer.QuerySelector("ol#comment-list[data-hx-swap-oob=afterbegin]")!;
        var id = (await app.CommentsOnAsync(article.Id)).ShouldHaveSingleItem().Id;
        oob.QuerySelector($"li#comment-{id} .comment-body")!.TextContent.Trim().ShouldBe("Quick one.");
        answer.QuerySelector("header.site-header").ShouldBeNull();
    }

    [Fact]
    public async Task A_reply_nests_under_its_parent_and_with_htmx_comes_back_nested_in_the_form_place()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        var parent = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "Will the bus connect?");

        var (plain, _) = await reader.ReplyAsync(parent.Id, "It should, at the quay.");
        var (htmx, answer) = await reader.ReplyAsync(parent.Id, "And the late bus too.", htmx: true);

        ((int)plain.StatusCode).ShouldBe(302);
        ((int)htmx.StatusCode).ShouldBe(200);
        var replies = (await app.CommentsOnAsync(article.Id)).Where(c => c.ParentId == parent.Id).ToList();
        replies.Count.ShouldBe(2);
        replies.ShouldAllBe(r => r.UserId == user.Id && r.Status == CommentStatus.Visible);
        plain.Location().ShouldBe($"/articles/{article.Slug}/comments#comment-{replies[0].Id}");
        answer.QuerySelector($"body > ol.replies > li#comment-{replies[1].Id}").ShouldNotBeNull();
        (await app.CommentCountAsync(article.Id)).ShouldBe(3);

        var (_, thread) = await reader.ThreadAsync(article.Slug, "oldest");
        thread.QuerySelectorAll($"#comment-{parent.Id} > ol.replies > li.comment").Select(li => li.Id).ShouldBe([$"comment-{replies[0].Id}", $"comment-{replies[1].Id}"]);
    }

    [Fact]
    public async Task The_reply_form_opens_inline_for_htmx_and_as_a_page_without_javascript()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        var parent = await app.SeedCommentAsync(article.Id, (await app.UserAsync(name: "Orla Penhale")).Id, "Anyone else on the 7:00?");

        var (_, thread) = await reader.ThreadAsync(article.Slug);
        var link = thread.QuerySelector($"#comment-{parent.Id} a.comment-action[href='/comments/{parent.Id}/reply']")!;
        link.GetAttribute("data-hx-get").ShouldBe($"/comments/{parent.Id}/reply");
        link.GetAttribute("data-hx-target").ShouldBe($"#slot-{parent.Id}");

        var (_, fragment) = await reader.GetPageAsync($"/comments/{parent.Id}/reply", htmx: true);
        fragment.QuerySelector("body > form.comment-form")!.GetAttribute("data-hx-post").ShouldBe($"/comments/{parent.Id}/reply");
        fragment.QuerySelector("label")!.TextContent.ShouldBe("Your reply to Orla Penhale");

        var (_, page) = await reader.GetPageAsync($"/comments/{parent.Id}/reply");
        page.QuerySelector("header.site-header").ShouldNotBeNull();
        page.QuerySelector(".comment-quote blockquote")!.TextContent.ShouldContain("Anyone else on the 7:00?");
        page.QuerySelector("form.comment-form")!.GetAttribute("action").ShouldBe($"/comments/{parent.Id}/reply");
    }

    [Fact]
    public async Task A_thread_ten_deep_nests_six_levels_then_lists_deeper_replies_under_the_sixth_in_reply_to_their_parent()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        var (first, _) = await reader.CommentAsync(article.Slug, "Level 1");
        var ids = new List<long> { first.CommentId() };
        for (var level = 2; level <= 10; level++)
        {
            var (reply, _) = await reader.ReplyAsync(ids[^1], $"Level {level}");
            ((int)reply.StatusCode).ShouldBe(302);
            ids.Add(reply.CommentId());
        }

        var (_, thread) = await reader.ThreadAsync(article.Slug);

        var selector = $"#comment-list > li#comment-{ids[0]}";
        for (var level = 2; level <= 6; level++) selector += $" > ol.replies > li#comment-{ids[level - 1]}";
        var sixth = thread.QuerySelector(selector).ShouldNotBeNull();
        sixth.QuerySelectorAll(":scope > ol.replies > li.comment").Select(li => li.Id).ShouldBe(ids.Skip(6).Select(id => $"comment-{id}"));
        sixth.QuerySelectorAll(":scope > ol.replies li ol").ShouldBeEmpty(); // nothing nests below the sixth level
        thread.QuerySelector($"#comment-{ids[6]} .in-reply-to").ShouldBeNull(); // the 7th is shown under its own parent
        for (var level = 8; level <= 10; level++)
        {
            var inReplyTo = thread.QuerySelector($"#comment-{ids[level - 1]} .in-reply-to")!;
            inReplyTo.GetAttribute("href").ShouldBe($"#comment-{ids[level - 2]}");
            inReplyTo.TextContent.ShouldStartWith("in reply to Reader ");
        }
        (await app.CommentCountAsync(article.Id)).ShouldBe(10);
    }

    [Fact]
    public async Task Best_newest_and_oldest_order_the_thread()
    {
        var article = await app.ArticleAsync();
        var user = await app.UserAsync();
        var now = DateTime.UtcNow;
        var old = await app.SeedCommentAsync(article.Id, user.Id, "old and middling", createdAt: now.AddHours(-3), score: 0.3);
        var middle = await app.SeedCommentAsync(article.Id, user.Id, "middle and best", createdAt: now.AddHours(-2), score: 0.8);
        var fresh = await app.SeedCommentAsync(article.Id, user.Id, "fresh and unvoted", createdAt: now.AddHours(-1));
        using var reader = app.Reader();

        (await reader.ThreadAsync(article.Slug)).Page.TopLevelIds().ShouldBe([middle.Id, old.Id, fresh.Id]);
        (await reader.ThreadAsync(article.Slug, "best")).Page.TopLevelIds().ShouldBe([middle.Id, old.Id, fresh.Id]);
        (await reader.ThreadAsync(article.Slug, "newest")).Page.TopLevelIds().ShouldBe([fresh.Id, middle.Id, old.Id]);
        (await reader.ThreadAsync(article.Slug, "oldest")).Page.TopLevelIds().ShouldBe([old.Id, middle.Id, fresh.Id]);
        var (_, sorted) = await reader.ThreadAsync(article.Slug, "newest");
        sorted.QuerySelector(".thread-sort a[aria-current=true]")!.TextContent.ShouldBe("Newest");
        sorted.QuerySelector(".thread-sort a[aria-current=true]")!.GetAttribute("data-hx-get").ShouldBe($"/articles/{article.Slug}/comments?sort=newest");
    }

    [Fact]
    public async Task A_sort_that_does_not_exist_is_a_readable_400_and_an_unknown_story_a_404()
    {
        var article = await app.ArticleAsync();
        using var reader = app.Reader();

        var (bad, page) = await reader.GetPageAsync($"/articles/{article.Slug}/comments?sort=loudest");
        ((int)bad.StatusCode).ShouldBe(400);
        page.QuerySelector(".comment-refusal")!.TextContent.ShouldBe("Comments can be sorted by best, newest or oldest.");

        ((int)(await reader.GetPageAsync("/articles/no-such-story/comments")).Response.StatusCode).ShouldBe(404);
        var (gone, sentence) = await reader.ThreadAsync("no-such-story");
        ((int)gone.StatusCode).ShouldBe(404);
        sentence.Body!.InnerHtml.Trim().ShouldBe("<p class=\"form-error comment-refusal\" role=\"alert\">This story is not available any more.</p>");
        ((int)(await reader.GetPageAsync("/articles/Not_A_Slug/comments")).Response.StatusCode).ShouldBe(404);
        ((int)(await reader.GetPageAsync("/comments/999999999/reply")).Response.StatusCode).ShouldBe(302); // sign in first
    }

    [Fact]
    public async Task Script_payloads_posted_as_comments_are_inert_in_the_thread()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var _r = reader;
        await app.AgeAccountAsync(user.Id, days: 30); // past the new-account link limit
        const string payload = "<script>alert(1)</script> [a](javascript:alert(2)) [b](jav&#x61;script:alert(3)) [c](JaVaScRiPt:alert(4)) " +
            "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==) <img src=x onerror=alert(6)> <a href=# onclick=alert(7)>e</a>";

        var (posted, _) = await reader.CommentAsync(article.Slug, payload);
        ((int)posted.StatusCode).ShouldBe(302);

        var (response, thread) = await reader.ThreadAsync(article.Slug);
        var html = await response.Content.ReadAsStringAsync();
        var body = thread.QuerySelector($"#comment-{posted.CommentId()} .comment-body")!;
        body.QuerySelectorAll("script, img, iframe, svg").ShouldBeEmpty();
        body.QuerySelectorAll("[onerror], [onclick], [onload]").ShouldBeEmpty();
        body.QuerySelectorAll("a[href]").ShouldBeEmpty();
        body.QuerySelectorAll("a").ShouldAllBe(a => a.GetAttribute("rel") == "nofollow ugc noopener");
        body.TextContent.ShouldContain("<script>alert(1)</script>"); // shown as the text it was
        html.ShouldNotContain("javascript:", Case.Insensitive);
        html.ShouldNotContain("<script>alert", Case.Insensitive);
    }

    [Fact]
    public async Task A_comment_over_five_thousand_characters_or_empty_is_refused_with_422_keeping_the_text()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        var tooLong = new string('x', 5001);

        var (response, page) = await reader.CommentAsync(article.Slug, tooLong);
        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".comment-form .form-error")!.TextContent.ShouldBe("A comment can be at most 5,000 characters; this one has 5,001.");
        page.QuerySelector(".comment-form textarea")!.TextContent.ShouldBe(tooLong);

        var (blank, blankForm) = await reader.CommentAsync(article.Slug, "  \n ", htmx: true);
        ((int)blank.StatusCode).ShouldBe(422);
        blankForm.QuerySelector("body > form.comment-form .form-error")!.TextContent.ShouldBe("Write something first.");

        var (fits, _) = await reader.CommentAsync(article.Slug, new string('y', 5000));
        ((int)fits.StatusCode).ShouldBe(302);
        (await app.CommentsOnAsync(article.Id)).ShouldHaveSingleItem().BodyMarkdown.Length.ShouldBe(5000);
    }

    [Fact]
    public async Task Article_cards_show_the_comment_count_linking_to_the_comments()
    {
        var category = await app.CategoryAsync();
        var article = await app.ArticleAsync(category: category);
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        await reader.CommentAsync(article.Slug, "First!");
        await reader.CommentAsync(article.Slug, "Second thought.");

        var (_, page) = await app.GetPageAsync($"/category/{category.Slug}");

        var link = page.QuerySelector($".card a.comment-count[href='/articles/{article.Slug}#comments']")!;
        link.TextContent.ShouldBe("2 comments");
    }

    [Fact]
    public async Task Deleting_an_account_keeps_its_comments_credited_to_deleted_user()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var _r = reader;
        var (posted, _) = await reader.CommentAsync(article.Slug, "I was here.");
        var id = posted.CommentId();

        var (deleted, _) = await reader.SubmitSettingsAsync("Delete", new() { ["currentPassword"] = TestReaders.Password });
        ((int)deleted.StatusCode).ShouldBe(302);

        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id))).ShouldBeFalse();
        var stored = (await app.CommentByIdAsync(id))!;
        stored.UserId.ShouldBeNull();
        stored.Status.ShouldBe(CommentStatus.Visible);
        using var anyone = app.Reader();
        var (_, thread) = await anyone.ThreadAsync(article.Slug);
        var author = thread.QuerySelector($"#comment-{id} .comment-author")!;
        author.TextContent.ShouldBe(AccountDeletion.DeletedName);
        author.LocalName.ShouldBe("span"); // no profile to link to
        thread.QuerySelector($"#comment-{id} .comment-body")!.TextContent.Trim().ShouldBe("I was here.");
        (await app.CommentCountAsync(article.Id)).ShouldBe(1);
    }
}
