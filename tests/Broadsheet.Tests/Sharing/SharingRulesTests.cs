using Broadsheet.Articles;
using Broadsheet.Sharing;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Http;

namespace Broadsheet.Tests.Sharing;

public sealed class SnippetTests
{
    [Theory]
    [InlineData("Short enough", 20, "Short enough")]
    [InlineData("  Spaces \n and\tbreaks  collapse ", 40, "Spaces and breaks collapse")]
    [InlineData("Exactly twenty chars", 20, "Exactly twenty chars")]
    [InlineData("Ferry fares rise again in spring", 20, "Ferry fares rise…")]
    [InlineData("Ferry fares, rise again", 13, "Ferry fares…")]
    [InlineData("Ferry fares rise again", 12, "Ferry fares…")]
    [InlineData("Supercalifragilistic", 10, "Supercali…")]
    [InlineData(null, 10, "")]
    public void Shorten_cuts_at_a_word_and_counts_the_ellipsis(string? text, int max, string expected)
    {
        var cut = Snippet.Shorten(text, max);
        cut.ShouldBe(expected);
        cut.Length.ShouldBeLessThanOrEqualTo(max);
    }
}

public sealed class PublicUrlTests
{
    [Theory]
    [InlineData("https://news.example.org", "/articles/a", "https://news.example.org/articles/a")]
    [InlineData("https://news.example.org/", "favicon.svg", "https://news.example.org/favicon.svg")]
    [InlineData("https://news.example.org", "https://cdn.example.net/logo.png", "https://cdn.example.net/logo.png")]
    [InlineData("http://127.0.0.1:5080", "/", "http://127.0.0.1:5080/")]
    public void Absolute_joins_a_path_to_the_base_and_keeps_an_absolute_url(string baseUrl, string path, string expected) =>
        PublicUrl.Absolute(baseUrl, path).ShouldBe(expected);

    [Theory]
    [InlineData("/latest", 1, "/latest")]
    [InlineData("/latest", 2, "/latest?page=2")]
    [InlineData("/trending/most-viewed?window=week", 3, "/trending/most-viewed?window=week&page=3")]
    public void Paged_names_every_page_but_the_first(string path, int page, string expected) =>
        PublicUrl.Paged(path, page).ShouldBe(expected);
}

public sealed class JsonLdRulesTests
{
    [Fact]
    public void Dates_are_iso_8601_with_an_offset_to_the_second() =>
        JsonLd.Date(new DateTime(2026, 3, 4, 5, 6, 7, 890, DateTimeKind.Unspecified)).ShouldBe("2026-03-04T05:06:07+00:00");

    [Theory]
    [InlineData(10, 12, null, null, 10)] // edited after publishing, but only a typo: not modified for readers (issue 24)
    [InlineData(10, 12, 11, null, 11)]   // a substantive update
    [InlineData(10, 12, 11, 13, 13)]     // a correction after it
    [InlineData(10, 8, null, null, 10)]  // written before a scheduled publication: not modified yet
    public void Modified_is_the_newest_substantive_update_or_correction_and_never_before_published(int publishedHour, int updatedHour, int? substantiveHour, int? correctionHour, int expectedHour)
    {
        var a = new Article { Title = "t", Slug = "t", PublishedAt = new DateTime(2026, 1, 1, publishedHour, 0, 0), UpdatedAt = new DateTime(2026, 1, 1, updatedHour, 0, 0) };
        if (substantiveHour is int s) a.SubstantiveUpdateAt = new DateTime(2026, 1, 1, s, 0, 0);
        if (correctionHour is int c) a.Corrections.Add(new Correction { Text = "x", PublishedAt = new DateTime(2026, 1, 1, c, 0, 0) });
        JsonLd.ModifiedOf(a).Hour.ShouldBe(expectedHour);
    }

    [Theory]
    [InlineData("harbourdesk", "@harbourdesk")]
    [InlineData(" @harbourdesk ", "@harbourdesk")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_twitter_handle_is_written_with_one_at_sign(string? configured, string? expected) =>
        HeadMetadata.TwitterHandle(configured).ShouldBe(expected);
}

public sealed class ShareLinksTests
{
    [Theory]
    [InlineData("Fares rise", "Council agrees.", "mailto:?subject=Fares%20rise&body=Council%20agrees.%0A%0Ahttps%3A%2F%2Fn.example%2Farticles%2Fa")]
    [InlineData("Fares rise", " ", "mailto:?subject=Fares%20rise&body=https%3A%2F%2Fn.example%2Farticles%2Fa")]
    public void Email_puts_the_standfirst_then_the_link_in_the_body(string title, string text, string expected) =>
        new ShareLinks("https://n.example/articles/a", title, text).Email.ShouldBe(expected);
}
