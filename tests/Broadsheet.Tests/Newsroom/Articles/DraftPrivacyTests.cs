using Broadsheet.Articles;
using Broadsheet.Newsroom.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Articles;

/// <summary>
/// An author's unpublished draft is theirs and the editors': another author must not learn its
/// title from a slug clash, nor what it is about from the tag suggestions.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DraftPrivacyTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static string Title(string stem) => $"{stem} {Guid.NewGuid():N}"[..(stem.Length + 9)];

    private static async Task<string[]> SuggestedAsync(ReaderSession session, string typed)
    {
        var (response, list) = await session.GetPageAsync($"/newsroom/tags/suggest?q={Uri.EscapeDataString(typed)}", htmx: true);
        ((int)response.StatusCode).ShouldBe(200);
        return [.. list.QuerySelectorAll("#tag-suggestions option").Select(o => o.TextContent)];
    }

    [Fact]
    public async Task A_slug_clash_with_another_authors_draft_says_the_address_is_taken_without_its_title()
    {
        var section = await app.CategoryAsync();
        var (owner, _) = await app.SignedInReaderAsync(Roles.Author);
        var (other, _) = await app.SignedInReaderAsync(Roles.Author);
        using var _o = owner; using var _x = other;
        var secret = Title("Mayor to resign");
        var draft = await owner.WriteAsync(section, secret);
        var slug = (await app.StoredAsync(draft)).Slug;

        var (response, page) = await other.ActAsync(DeskSession.New, "Save", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Council budget", ["Input.CategoryId"] = section.Id.ToString(), ["Input.Slug"] = slug,
        });

        ((int)response.StatusCode).ShouldBe(422);
        page.Problems().ShouldContain("That address");
        page.Problems().ShouldContain("is taken; choose another");
        page.Body!.InnerHtml.ShouldNotContain(secret);
        page.Body.InnerHtml.ShouldNotContain("Mayor to resign");
        (await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Slug == slug))).ShouldBe(1);
    }

    [Fact]
    public async Task Tag_suggestions_offer_an_author_live_tags_and_their_own_but_never_a_tag_only_on_a_colleagues_draft()
    {
        var word = TestNewsroom.Word();
        var section = await app.CategoryAsync();
        await app.ArticleAsync(tags: [$"{word} Public"]);
        await app.ArticleAsync(a => { a.Status = ArticleStatus.Draft; a.PublishedAt = null; }, tags: [$"{word} Secret"]);
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _a = author; using var _e = editor;
        await author.WriteAsync(section, Title("Own draft"), more: new Dictionary<string, string?> { ["Input.Tags"] = $"{word} Mine" });

        (await SuggestedAsync(author, word)).ShouldBe([$"{word} Mine", $"{word} Public"], ignoreOrder: true);
        (await SuggestedAsync(author, $"{word} s")).ShouldBeEmpty();
        (await SuggestedAsync(editor, word)).ShouldBe([$"{word} Mine", $"{word} Public", $"{word} Secret"], ignoreOrder: true);
    }
}
