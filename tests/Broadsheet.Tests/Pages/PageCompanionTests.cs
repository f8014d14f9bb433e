using Broadsheet.Articles;
using Broadsheet.Data.Identity;
using Broadsheet.Pages;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Newsroom.Analytics;
using Broadsheet.Tests.Newsroom.Articles;
using Broadsheet.Tests.Newsroom.Site;
using Broadsheet.Views;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Pages;

/// <summary>
/// Issue 19's loose ends: a page's hidden companion article (Articles/Companion) is no story to
/// the newsroom: analytics do not list it, and it does not keep its section from being deleted.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PageCompanionTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    /// <summary>A published page whose companion sits in <paramref name="category"/> (as the page desk makes it).</summary>
    private async Task<Article> CompanionAsync(Category category)
    {
        var author = await app.AuthorAsync();
        var page = await app.PageAsync(p => p.AllowComments = true);
        return await app.WithDbAsync(async db =>
        {
            var companion = db.Articles.Add(new Article
            {
                Title = page.Title, Slug = Companion.SlugFor(page.Slug), Status = ArticleStatus.Companion,
                CategoryId = category.Id, AuthorId = author.Id, UpdatedAt = DateTime.UtcNow,
            }).Entity;
            await db.SaveChangesAsync();
            return companion;
        });
    }

    [Fact]
    public async Task Deleting_a_section_that_holds_only_a_page_companion_deletes_it_and_moves_the_companion()
    {
        var (doomed, other) = (await app.CategoryAsync(), await app.CategoryAsync());
        var companion = await CompanionAsync(doomed);
        using var admin = await app.AdminAsync();

        var (deleted, page) = await admin.RowActionAsync(doomed.Slug, "delete", new Dictionary<string, string>());

        ((int)deleted.StatusCode).ShouldBe(302, page.QuerySelector(".form-error")?.TextContent);
        (await app.WithDbAsync(db => db.Categories.AnyAsync(c => c.Id == doomed.Id))).ShouldBeFalse();
        var now = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == companion.Id).Select(a => new { a.CategoryId, a.Status }).SingleAsync());
        now.Status.ShouldBe(ArticleStatus.Companion);
        now.CategoryId.ShouldNotBe(doomed.Id);
        (await app.WithDbAsync(db => db.Categories.AnyAsync(c => c.Id == now.CategoryId))).ShouldBeTrue();
        other.Id.ShouldNotBe(doomed.Id);
    }

    [Fact]
    public async Task A_section_with_a_story_and_a_companion_counts_one_story_when_it_refuses()
    {
        var section = await app.CategoryAsync();
        await CompanionAsync(section);
        await app.ArticleAsync(category: section);
        using var admin = await app.AdminAsync();
        var id = section.Id.ToString();
        var (_, listed) = await admin.GetPageAsync(SiteAdminForms.Sections);
        var token = listed.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var (refused, page) = await admin.PostAsync($"{SiteAdminForms.Sections}?handler=Delete",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["kind"] = "Category", ["id"] = id });

        ((int)refused.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-error")!.TextContent.ShouldContain("still has 1 story");
    }

    [Fact]
    public async Task Newsroom_analytics_do_not_list_a_page_companion_among_the_top_stories()
    {
        var companion = await CompanionAsync(await app.CategoryAsync());
        var story = await app.ArticleAsync();
        await app.WithDbAsync(async db =>
        {
            // Far more views than any other test's story, so both would top every list.
            db.ArticleDailyViews.Add(new ArticleDailyViews { ArticleId = companion.Id, Day = NewsroomData.Today, Views = 900_000_000 });
            db.ArticleDailyViews.Add(new ArticleDailyViews { ArticleId = story.Id, Day = NewsroomData.Today, Views = 800_000_000 });
            await db.SaveChangesAsync();
        });
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var signedIn = editor;

        var page = await editor.PageAsync("/newsroom/analytics");

        foreach (var list in new[] { "top-today", "top-week", "top-month" })
        {
            page.Listed(list).ShouldNotContain(companion.Id, list);
            page.Listed(list)[0].ShouldBe(story.Id, list);
        }
    }
}

/// <summary>A site with no section and no author yet: nothing else runs in this app.</summary>
[Trait("Category", "Integration")]
public sealed class PageCompanionOnEmptySiteTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task Turning_on_comments_before_any_section_exists_is_a_readable_422_and_stores_nothing()
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var signedIn = editor;
        (await app.WithDbAsync(db => db.Categories.AnyAsync())).ShouldBeFalse();
        var title = $"About us {Guid.NewGuid():N}"[..20];

        var (response, page) = await editor.ActAsync("/newsroom/pages/new", "Publish",
            new Dictionary<string, string?> { ["Input.Title"] = title, ["Input.Body"] = "Who we are.", ["Input.AllowComments"] = "true", ["Input.AllowVotes"] = "true" });

        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldContain("need at least one section and one author");
        (await app.WithDbAsync(db => db.Pages.AnyAsync(p => p.Title == title))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Status == ArticleStatus.Companion))).ShouldBeFalse();
    }
}
