using Broadsheet.Votes;
using AngleSharp.Dom;
using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Accounts;

/// <summary>
/// An action carried through sign-in (then=vote:slug:down) is shown on the sign-in page, and the
/// sign-in POST does exactly the action shown: nothing a client swaps or tampers with afterwards.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SignInThenTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static string SignInWith(string then, string returnUrl = "/") =>
        $"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}&then={Uri.EscapeDataString(then)}";

    private async Task<Broadsheet.Data.Identity.User> OldAccountAsync() => await app.UserAsync(joinedAt: DateTime.UtcNow.AddDays(-30));

    private Task<List<(int ArticleId, int Value)>> VotesOfAsync(int userId) =>
        app.WithDbAsync(async db => (await db.ArticleVotes.AsNoTracking().Where(v => v.UserId == userId).ToListAsync())
            .Select(v => (v.ArticleId, v.Value)).ToList());

    private static string? Shown(IDocument page) => page.QuerySelector(".account-panel .sign-in-then")?.TextContent.Trim();

    [Fact]
    public async Task The_sign_in_page_says_which_vote_or_follow_will_follow_on_the_page_and_in_the_dialog()
    {
        var author = await app.AuthorAsync();
        var article = await app.ArticleAsync(author: author);
        using var visitor = app.Reader();

        var (response, page) = await visitor.GetPageAsync(SignInWith($"vote:{article.Slug}:down", $"/articles/{article.Slug}"));
        ((int)response.StatusCode).ShouldBe(200);
        Shown(page).ShouldBe($"Sign in and then downvote \u201c{article.Title}\u201d.");
        (await visitor.GetPageAsync(SignInWith($"vote:{article.Slug}:up"), htmx: true)).Page.QuerySelector(".sign-in-then")!.TextContent.Trim()
            .ShouldBe($"Sign in and then upvote \u201c{article.Title}\u201d.");
        Shown((await visitor.GetPageAsync(SignInWith($"follow:author:{author.Slug}"))).Page).ShouldBe($"Sign in and then follow \u201c{author.DisplayName}\u201d.");
    }

    [Fact]
    public async Task An_unknown_unpublished_or_malformed_then_is_dropped_and_neither_shown_nor_carried()
    {
        var draft = await app.ArticleAsync(a => { a.Status = ArticleStatus.Draft; a.PublishedAt = null; });
        using var visitor = app.Reader();
        foreach (var then in new[] { "vote:no-such-story-here:down", $"vote:{draft.Slug}:down", "vote:x:sideways", "delete:everything", new string('v', 5000) })
        {
            var (response, page) = await visitor.GetPageAsync(SignInWith(then));
            ((int)response.StatusCode).ShouldBe(200, then);
            Shown(page).ShouldBeNull(then);
            page.QuerySelector("input[name=ThenSeal]").ShouldBeNull(then);
            page.QuerySelectorAll("input[type=hidden]").Select(i => i.GetAttribute("value")).ShouldNotContain(then);
            page.Body!.InnerHtml.ShouldNotContain(draft.Title);
        }
    }

    [Fact]
    public async Task Signing_in_casts_the_vote_that_was_shown_and_no_other_one_posted_beside_it()
    {
        var shown = await app.ArticleAsync();
        var other = await app.ArticleAsync();
        var user = await OldAccountAsync();
        using var reader = app.Reader();

        // The form as shown, plus the old unsealed field naming another story: only the shown vote counts.
        var (response, _) = await reader.SubmitAsync(SignInWith($"vote:{shown.Slug}:down", $"/articles/{shown.Slug}"), "/account/sign-in",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = TestReaders.Password, ["Then"] = $"vote:{other.Slug}:up" });

        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.OriginalString.ShouldBe($"/articles/{shown.Slug}");
        (await VotesOfAsync(user.Id)).ShouldBe([(shown.Id, -1)]);
    }

    [Fact]
    public async Task A_tampered_or_swapped_seal_signs_in_but_does_nothing_else()
    {
        var article = await app.ArticleAsync();
        var user = await OldAccountAsync();
        using var visitor = app.Reader();
        var (_, page) = await visitor.GetPageAsync(SignInWith($"vote:{article.Slug}:down"));
        var seal = page.QuerySelector("input[name=ThenSeal]")!.GetAttribute("value")!;
        // Another live purpose's sealed value (a comment form's stamp) must not open here either.
        var foreign = (await visitor.GetPageAsync($"/articles/{article.Slug}/comments", htmx: true)).Page
            .QuerySelector("input[name=started]")?.GetAttribute("value") ?? "CfDJ8-not-a-seal";

        foreach (var tampered in new[] { seal[..^2] + (seal[^2] == 'A' ? "B" : "A") + seal[^1], seal[..(seal.Length / 2)], "not a seal", foreign, $"vote:{article.Slug}:down" })
        {
            using var reader = app.Reader();
            var (response, _) = await reader.SubmitAsync("/account/sign-in", "/account/sign-in",
                new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = TestReaders.Password, ["ThenSeal"] = tampered });
            ((int)response.StatusCode).ShouldBe(302, tampered);
        }
        (await VotesOfAsync(user.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_action_again_and_the_next_try_still_does_it()
    {
        var article = await app.ArticleAsync();
        var user = await OldAccountAsync();
        using var reader = app.Reader();
        var (wrong, page) = await reader.SubmitAsync(SignInWith($"vote:{article.Slug}:up"), "/account/sign-in",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "not the password" });
        ((int)wrong.StatusCode).ShouldBe(422);
        Shown(page).ShouldBe($"Sign in and then upvote \u201c{article.Title}\u201d.");
        (await VotesOfAsync(user.Id)).ShouldBeEmpty();

        var form = page.QuerySelector("form[action='/account/sign-in']")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Input.Email"] = user.Email!;
        fields["Input.Password"] = TestReaders.Password;
        ((int)(await reader.PostAsync("/account/sign-in", fields)).Response.StatusCode).ShouldBe(302);
        (await VotesOfAsync(user.Id)).ShouldBe([(article.Id, 1)]);
    }
}
