using AngleSharp.Dom;
using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Net;

namespace Broadsheet.Tests.Search;

[Trait("Category", "Integration")]
public sealed class SearchPageTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static string Word() => TestNewsroom.Word();

    private async Task<List<string>> TitlesAsync(string query)
    {
        var (response, page) = await app.GetPageAsync("/search?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return page.QuerySelectorAll(".search-results .card-title a").Select(a => a.TextContent).ToList();
    }

    private Task<Article> StoryAsync(string title, string body = "The council met on Tuesday.", Action<Article>? shape = null,
        Category? category = null, Author? author = null, params string[] tags) =>
        app.ArticleAsync(a => { a.Title = title; a.SetBody(body); shape?.Invoke(a); }, category, author, tags);

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        var w = Word();
        var inBody = await StoryAsync("Harbour dues rise again", $"Fishermen said the {w} rules were unfair.");
        var inTitle = await StoryAsync($"New {w} rules for the harbour");

        (await TitlesAsync($"q={w}")).ShouldBe([inTitle.Title, inBody.Title]);
    }

    [Fact]
    public async Task A_fresh_story_beats_an_equally_relevant_old_one_and_newest_sorts_by_date()
    {
        var w = Word();
        var old = await StoryAsync($"Ferry {w} timetable", shape: a => a.PublishedAt = DateTime.UtcNow.AddDays(-90));
        var fresh = await StoryAsync($"Ferry {w} timetable", shape: a => a.PublishedAt = DateTime.UtcNow.AddHours(-2));

        (await TitlesAsync($"q={w}")).ShouldBe([fresh.Title, old.Title]);
        var (_, page) = await app.GetPageAsync($"/search?q={w}&sort=newest");
        page.QuerySelectorAll(".search-results .card-title a").Length.ShouldBe(2);
        page.QuerySelector(".search-results time")!.GetAttribute("datetime").ShouldBe(fresh.PublishedAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
    }

    [Fact]
    public async Task Words_are_stemmed_so_voting_finds_votes()
    {
        var w = Word();
        var story = await StoryAsync($"Councillors count {w}", "The votes were counted overnight.");

        (await TitlesAsync($"q={w}+voting")).ShouldBe([story.Title]);
    }

    [Fact]
    public async Task Phrases_exclusions_and_or_work_on_every_provider()
    {
        var w = Word();
        var tramLine = await StoryAsync($"{w} tram line opens");
        var lineTram = await StoryAsync($"{w} line for the tram");
        var bus = await StoryAsync($"{w} bus depot closes");

        (await TitlesAsync($"q={w}+%22tram+line%22")).ShouldBe([tramLine.Title]);
        (await TitlesAsync($"q={w}+tram+-depot")).ShouldBe([tramLine.Title, lineTram.Title], ignoreOrder: true);
        (await TitlesAsync($"q={w}+-tram")).ShouldBe([bus.Title]);
        (await TitlesAsync($"q={w}+depot+OR+opens")).ShouldBe([tramLine.Title, bus.Title], ignoreOrder: true);
    }

    [Fact]
    public async Task Tags_section_and_byline_are_searchable_and_every_filter_narrows()
    {
        var w = Word();
        var category = await app.CategoryAsync();
        var author = await app.AuthorAsync();
        var tag = TestNewsroom.Unique("Piers");
        var match = await StoryAsync($"{w} pier reopens", category: category, author: author, tags: tag,
            shape: a => a.PublishedAt = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc));
        var other = await StoryAsync($"{w} pier closes", shape: a => a.PublishedAt = new DateTime(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc));
        var tagSlug = match.Tags[0].Slug;

        (await TitlesAsync($"q={tag}")).ShouldBe([match.Title]);
        (await TitlesAsync($"q={w}+{Uri.EscapeDataString(author.DisplayName)}")).ShouldBe([match.Title]);
        (await TitlesAsync($"q={w}&category={category.Slug}")).ShouldBe([match.Title]);
        (await TitlesAsync($"q={w}&author={author.Slug}")).ShouldBe([match.Title]);
        (await TitlesAsync($"q={w}&tag={tagSlug}")).ShouldBe([match.Title]);
        (await TitlesAsync($"q={w}&from=2026-04-01")).ShouldBe([other.Title]);
        (await TitlesAsync($"q={w}&to=2026-03-10")).ShouldBe([match.Title]);
        (await TitlesAsync($"q={w}&from=2026-03-01&to=2026-05-31")).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, -1)]
    [InlineData(ArticleStatus.Unpublished, -1)]
    [InlineData(ArticleStatus.Scheduled, 5)]
    public async Task Articles_that_are_not_live_never_appear(ArticleStatus status, int hoursFromNow)
    {
        var w = Word();
        await StoryAsync($"{w} secret plan", shape: a => { a.Status = status; a.PublishedAt = DateTime.UtcNow.AddHours(hoursFromNow); });

        (await TitlesAsync($"q={w}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_index_follows_edits_and_deletes_in_the_same_save()
    {
        var (before, after) = (Word(), Word());
        var story = await StoryAsync($"{before} market report");

        await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.SingleAsync(x => x.Id == story.Id);
            a.Title = $"{after} market report";
            a.SetBody("Stallholders welcomed the longer hours.");
            await db.SaveChangesAsync();
        });
        (await TitlesAsync($"q={before}")).ShouldBeEmpty();
        (await TitlesAsync($"q={after}+stallholders")).ShouldBe([$"{after} market report"]);

        await app.WithDbAsync(db => db.Articles.Where(x => x.Id == story.Id).ExecuteDeleteAsync());
        (await TitlesAsync($"q={after}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_match_deep_in_a_long_body_is_still_highlighted_in_its_snippet()
    {
        // PostgreSQL builds a snippet from the body's opening first (issue 17); this match is far past it.
        var w = Word();
        var filler = string.Concat(Enumerable.Repeat("The harbour was quiet that morning. ", 80));
        await StoryAsync($"Quiet harbour {Word()}", $"{filler}Then the {w} lamp failed.");

        var (_, page) = await app.GetPageAsync($"/search?q={w}");

        page.QuerySelector(".snippet mark")!.TextContent.ShouldBe(w);
    }

    [Fact]
    public async Task Hyphenated_words_with_numbers_are_found_as_typed()
    {
        var w = Word();
        var story = await StoryAsync($"{w} clinic", "Cases of COVID-19 fell for a third week.");

        (await TitlesAsync($"q={w}+COVID-19")).ShouldBe([story.Title]);
    }

    [Fact]
    public async Task Results_show_highlighted_snippets_a_count_and_load_more()
    {
        var w = Word();
        for (var i = 0; i < 22; i++)
            await StoryAsync($"Lighthouse keepers {i}", $"The keepers said the {w} lamp would be repaired by spring.");

        var (_, page) = await app.GetPageAsync($"/search?q={w}");

        page.QuerySelector(".result-count")!.TextContent.ShouldBe("22 stories found");
        page.QuerySelectorAll(".search-results > li .card").Length.ShouldBe(20);
        page.QuerySelector(".snippet mark")!.TextContent.ShouldBe(w);
        var more = page.QuerySelector(".load-more a")!.GetAttribute("href")!;
        more.ShouldBe($"/search?q={w}&page=2");
        var (_, second) = await app.GetPageAsync(more);
        second.QuerySelectorAll(".search-results > li .card").Length.ShouldBe(2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%20%20%20")]
    [InlineData("%22")]
    [InlineData("*%20%5E%20%3A%20(%20)%20NEAR")]
    [InlineData("AND%20OR%20NOT")]
    [InlineData("%27%3B%20DROP%20TABLE%20%22Articles%22%3B%20--")]
    [InlineData("%00%01%02")]
    [InlineData("%FF%FE")]
    [InlineData("-")]
    [InlineData("OR")]
    public async Task Odd_queries_answer_200_and_never_fail(string q)
    {
        var w = Word();
        var story = await StoryAsync($"{w} harbour survey");

        var (response, page) = await app.GetPageAsync($"/search?q={q}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("form.search-page").ShouldNotBeNull();
        // Nothing the query said reached the database as SQL or FTS syntax: the data and the index are intact.
        (await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Id == story.Id))).ShouldBe(1);
        (await TitlesAsync($"q={w}")).ShouldBe([story.Title]);
    }

    [Fact]
    public async Task A_ten_kilobyte_query_is_cut_to_the_cap_and_answered()
    {
        var (response, page) = await app.GetPageAsync("/search?q=" + string.Concat(Enumerable.Repeat("harbour%20", 1000)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#search-page-q")!.GetAttribute("value")!.Length.ShouldBeLessThanOrEqualTo(200);
    }

    [Theory]
    [InlineData("from=yesterday", "date must look like")]
    [InlineData("to=2026-13-45", "date must look like")]
    [InlineData("from=2026-05-01&to=2026-04-01", "start date must come before")]
    [InlineData("page=0", "page number")]
    [InlineData("page=abc", "page number")]
    [InlineData("sort=random", "relevance or newest")]
    [InlineData("category=no-such-section", "no section")]
    [InlineData("author=nobody", "no author")]
    [InlineData("tag=Bad_Tag", "no tag")]
    public async Task Bad_filters_are_a_400_with_a_readable_message(string filter, string message)
    {
        var (response, page) = await app.GetPageAsync($"/search?q=harbour&{filter}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.QuerySelector(".problem")!.TextContent.ShouldContain(message);
    }

    [Fact]
    public async Task Suggestions_list_the_top_five_matches_and_link_to_all_results()
    {
        var w = Word();
        for (var i = 0; i < 7; i++) await StoryAsync($"{w} regatta day {i}");
        using var client = app.Client();

        var response = await client.GetAsync($"/search/suggest?q={w}");
        var html = await response.Content.ReadAsStringAsync();
        var fragment = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("<html");
        fragment.QuerySelectorAll(".suggestions a").Length.ShouldBe(5);
        fragment.QuerySelectorAll(".suggestions a").ShouldAllBe(a => a.GetAttribute("href")!.StartsWith("/articles/"));
        var all = fragment.QuerySelector(".suggest-all a")!;
        all.GetAttribute("href").ShouldBe($"/search?q={w}");
        all.TextContent.ShouldBe("See all 7 results");
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("%22%20*%20(", "")]
    [InlineData("zzqqxxnotaword", "No stories match")]
    public async Task Suggestions_for_nothing_or_no_match_are_calm(string q, string expected)
    {
        using var client = app.Client();
        var response = await client.GetAsync($"/search/suggest?q={q}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(expected);
    }

    [Fact]
    public async Task No_results_suggest_dropping_filters_and_show_trending_stories()
    {
        var category = await app.CategoryAsync();
        await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddHours(-3));

        var (_, page) = await app.GetPageAsync($"/search?q={Word()}&category={category.Slug}");

        page.QuerySelector(".no-results h2")!.TextContent.ShouldStartWith("No stories match");
        page.QuerySelectorAll(".no-results a").Select(a => a.GetAttribute("href")).ShouldContain(h => h!.StartsWith("/search?q=") && !h.Contains("category"));
        page.QuerySelectorAll(".trending .card").Length.ShouldBeGreaterThan(0);
    }
}
