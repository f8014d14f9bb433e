using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Ranking;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Caching;

/// <summary>Every request renders (no page cache), so each one is the miss that kept fragments serve.</summary>
public sealed class EveryRequestRendersApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Caching:PageSeconds", "0"), new("Newsroom:BreakingSeconds", "0")];
}

/// <summary>
/// Parts of a page kept rendered between misses (Caching/Fragments.cs) are keyed by what they show,
/// so an edit shows on the very next render, on every instance, with no eviction sent; and a page
/// stitched from kept parts is the same bytes as one rendered whole.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FragmentTests(EveryRequestRendersApp app) : IClassFixture<EveryRequestRendersApp>
{
    private async Task<string> PageAsync(BroadsheetApp on, string path)
    {
        using var client = on.Client();
        var response = await client.GetAsync(path);
        ((int)response.StatusCode).ShouldBe(200);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<Article> TaggedStoryAsync() =>
        await app.ArticleAsync(tags: TestNewsroom.Unique("Ferries"));

    [Fact]
    public async Task An_edit_to_the_headline_body_tags_and_author_box_shows_on_the_next_render_with_no_eviction()
    {
        var article = await TaggedStoryAsync();
        var path = $"/articles/{article.Slug}";
        await PageAsync(app, path);
        var kept = app.Services.GetRequiredService<Fragments>().Count;
        kept.ShouldBeGreaterThan(0);
        await PageAsync(app, path);
        app.Services.GetRequiredService<Fragments>().Count.ShouldBe(kept); // the same story again: nothing new rendered

        var (title, tag, bio) = ($"Ferry timetable withdrawn {Guid.NewGuid():N}"[..40], TestNewsroom.Unique("Harbours"), $"Writes on ports {Guid.NewGuid():N}");
        await app.WithDbAsync(async db =>
        {
            var story = await db.Articles.Include(a => a.Tags).Include(a => a.Author).SingleAsync(a => a.Id == article.Id);
            story.Title = title;
            story.SetBody("The council **withdrew** the new timetable.");
            story.Tags.Single().Name = tag;
            story.Author.Bio = bio;
            await db.SaveChangesAsync();
        });

        var html = await PageAsync(app, path);
        html.ShouldContain($"<h1 id=\"story-title\">{title}</h1>");
        html.ShouldContain("<strong>withdrew</strong>");
        html.ShouldContain($"data-title=\"{title}\""); // the share links, in the kept footer
        html.ShouldContain($"rel=\"tag\">{tag}</a>");
        html.ShouldContain($"<p>{bio}</p>");
        html.ShouldNotContain(article.Title);
        html.ShouldNotContain("Covers the town hall.");
    }

    [Fact]
    public async Task A_second_instance_shows_an_edit_made_through_the_first_on_its_next_render()
    {
        var article = await TaggedStoryAsync();
        var path = $"/articles/{article.Slug}";
        await using var other = await BroadsheetApp.SiblingOfAsync(app);
        (await PageAsync(app, path)).ShouldContain(article.Title);
        (await PageAsync(other, path)).ShouldContain(article.Title);

        var title = $"Ferry fares frozen {Guid.NewGuid():N}"[..35];
        await app.WithDbAsync(async db =>
            await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, title)));

        foreach (var instance in new[] { other, app })
        {
            var html = await PageAsync(instance, path);
            html.ShouldContain($"data-title=\"{title}\"");
            html.ShouldNotContain(article.Title);
        }
    }

    [Fact]
    public async Task A_page_stitched_from_kept_fragments_is_the_same_bytes_as_one_rendered_whole()
    {
        var article = await TaggedStoryAsync();
        await using var whole = await BroadsheetApp.SiblingOfAsync(app, new KeyValuePair<string, string>("Caching:Fragments", "false"));
        foreach (var path in new[] { $"/articles/{article.Slug}", "/", "/latest", $"/tag/{article.Tags.Single().Slug}" })
        {
            await PageAsync(app, path);
            var stitched = (await PageAsync(app, path)).Replace(app.Address.Authority, "origin", StringComparison.Ordinal);
            var rendered = (await PageAsync(whole, path)).Replace(whole.Address.Authority, "origin", StringComparison.Ordinal);
            stitched.ShouldBe(rendered, path);
        }
        whole.Services.GetRequiredService<Fragments>().Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_new_comment_count_a_breaking_story_and_a_ranking_change_show_on_the_next_render()
    {
        var article = await TaggedStoryAsync();
        var path = $"/articles/{article.Slug}";
        await PageAsync(app, path);
        await PageAsync(app, "/");

        await app.WithDbAsync(async db =>
        {
            await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.CommentCount, 7)
                .SetProperty(a => a.Upvotes, 900)
                .SetProperty(a => a.BreakingUntil, DateTime.UtcNow.AddHours(1)));
            // What a vote batch does after writing the counts: the kept ranking rows follow them.
            await RankingRefresh.RunAsync(db, [article.Id], DateTime.UtcNow, CancellationToken.None);
        });

        var story = await PageAsync(app, path);
        story.ShouldContain("Read the comments (7)");
        story.ShouldContain($"<strong>Breaking:</strong> <a href=\"/articles/{article.Slug}\">{article.Title}</a>");
        var home = await PageAsync(app, "/");
        var (_, page) = await app.GetPageAsync("/");
        page.QuerySelectorAll(".home-rankings a").Select(a => a.GetAttribute("href")).ShouldContain(path);
        home.ShouldContain("Breaking:");

        await app.WithDbAsync(async db =>
            await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.BreakingUntil, (DateTime?)null)));
        (await PageAsync(app, path)).ShouldNotContain("Breaking:");
    }
}
