using Broadsheet.Demo;
using Shouldly;
using Xunit;

namespace Broadsheet.Tests.Demo;

public class NewsWriterTests
{
    private static readonly string[] Slugs =
        ["world", "politics", "business", "technology", "science", "climate", "culture", "sport"];

    private static int WordCount(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static List<DemoStory> WriteMany(int seed, int count)
    {
        var writer = new NewsWriter(seed);
        var stories = new List<DemoStory>(count);
        for (int i = 0; i < count; i++)
        {
            stories.Add(writer.Write(Slugs[i % Slugs.Length]));
        }
        return stories;
    }

    [Fact]
    public void Same_seed_writes_the_same_stories()
    {
        var first = WriteMany(42, 50);
        var second = WriteMany(42, 50);

        for (int i = 0; i < first.Count; i++)
        {
            second[i].Title.ShouldBe(first[i].Title);
            second[i].Standfirst.ShouldBe(first[i].Standfirst);
            second[i].Markdown.ShouldBe(first[i].Markdown);
            second[i].Tags.ShouldBe(first[i].Tags);
        }
    }

    [Fact]
    public void Different_seeds_write_different_stories()
    {
        var a = WriteMany(1, 20);
        var b = WriteMany(2, 20);

        a.Select(s => s.Markdown).ShouldNotBe(b.Select(s => s.Markdown));
        a.Count(s => b.Any(o => o.Markdown == s.Markdown)).ShouldBeLessThan(2);
    }

    [Theory]
    [InlineData("world")]
    [InlineData("politics")]
    [InlineData("business")]
    [InlineData("technology")]
    [InlineData("science")]
    [InlineData("climate")]
    [InlineData("culture")]
    [InlineData("sport")]
    public void Every_category_slug_produces_a_complete_story(string slug)
    {
        var writer = new NewsWriter(7);
        for (int i = 0; i < 30; i++)
        {
            var story = writer.Write(slug);
            story.Title.ShouldNotBeNullOrWhiteSpace();
            story.Standfirst.ShouldNotBeNullOrWhiteSpace();
            story.Markdown.ShouldNotBeNullOrWhiteSpace();
            story.Markdown.ShouldNotContain("{");
            story.Title.ShouldNotContain("{");
            story.Standfirst.ShouldNotContain("{");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("sports")]
    [InlineData("World")]
    [InlineData("weather")]
    public void Unknown_category_slug_throws(string slug)
    {
        var writer = new NewsWriter(1);
        Should.Throw<ArgumentException>(() => writer.Write(slug));
    }

    [Fact]
    public void Categories_list_the_eight_sections_with_lower_case_slugs()
    {
        NewsWriter.Categories.Select(c => c.Slug).ShouldBe(Slugs);
        NewsWriter.Categories.ShouldAllBe(c => c.Slug == c.Slug.ToLowerInvariant() && c.Description.Length > 0);
    }

    [Fact]
    public void Authors_are_seven_distinct_journalists_with_slugs_and_bios()
    {
        NewsWriter.Authors.Count.ShouldBe(7);
        NewsWriter.Authors.Select(a => a.Slug).Distinct().Count().ShouldBe(7);
        foreach (var author in NewsWriter.Authors)
        {
            author.Slug.ShouldBe(author.DisplayName.ToLowerInvariant().Replace(' ', '-'));
            author.Bio.Length.ShouldBeGreaterThan(20);
        }
    }

    [Fact]
    public void Story_lengths_vary_from_short_to_long()
    {
        var counts = WriteMany(2024, 200).Select(s => WordCount(s.Markdown)).ToList();

        counts.ShouldContain(c => c < 300);
        counts.ShouldContain(c => c > 1000);
        counts.Count(c => c >= 300 && c <= 900).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Long_stories_have_subheadings()
    {
        var stories = WriteMany(11, 200).Where(s => WordCount(s.Markdown) > 1100).ToList();

        stories.ShouldNotBeEmpty();
        stories.ShouldAllBe(s => s.Markdown.Contains("\n## "));
    }

    [Fact]
    public void Some_stories_include_blockquotes_and_bullet_lists()
    {
        var stories = WriteMany(5, 200);

        stories.Count(s => s.Markdown.Contains("\n> ")).ShouldBeInRange(30, 110);
        stories.ShouldContain(s => s.Markdown.Contains("\n- "));
    }

    [Fact]
    public void Tags_number_two_to_four_and_are_distinct()
    {
        foreach (var story in WriteMany(3, 300))
        {
            story.Tags.Count.ShouldBeInRange(2, 4);
            story.Tags.Distinct().Count().ShouldBe(story.Tags.Count);
            story.Tags.ShouldAllBe(t => t.Length > 0 && char.IsUpper(t[0]));
        }
    }

    [Fact]
    public void Stories_contain_no_lorem_ipsum()
    {
        foreach (var story in WriteMany(9, 200))
        {
            var all = (story.Title + " " + story.Standfirst + " " + story.Markdown).ToLowerInvariant();
            all.ShouldNotContain("lorem");
            all.ShouldNotContain("ipsum");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(77)]
    [InlineData(123456)]
    public void Standfirst_is_between_twenty_and_forty_five_words(int seed)
    {
        foreach (var story in WriteMany(seed, 400))
        {
            WordCount(story.Standfirst).ShouldBeInRange(20, 45, story.Standfirst);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(77)]
    [InlineData(123456)]
    public void Title_is_a_six_to_fourteen_word_headline_without_a_full_stop(int seed)
    {
        foreach (var story in WriteMany(seed, 400))
        {
            WordCount(story.Title).ShouldBeInRange(6, 14, story.Title);
            story.Title.ShouldNotEndWith(".");
            char.IsLower(story.Title[0]).ShouldBeFalse(story.Title);
        }
    }

    [Fact]
    public void Markdown_has_paragraphs_separated_by_blank_lines()
    {
        foreach (var story in WriteMany(13, 100))
        {
            var paragraphs = story.Markdown.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            paragraphs.Length.ShouldBeGreaterThanOrEqualTo(3);
            story.Markdown.ShouldNotContain("\n\n\n");
            story.Markdown.ShouldNotEndWith("\n");
        }
    }

    [Theory]
    [InlineData("politics")]
    [InlineData("sport")]
    [InlineData("science")]
    public void One_hundred_titles_in_a_category_are_mostly_distinct(string slug)
    {
        var writer = new NewsWriter(99);
        var titles = Enumerable.Range(0, 100).Select(_ => writer.Write(slug).Title).ToList();

        titles.Distinct().Count().ShouldBeGreaterThanOrEqualTo(60);
    }
}
