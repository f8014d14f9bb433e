using Broadsheet.Tests.Fixtures;
using Microsoft.AspNetCore.WebUtilities;

namespace Broadsheet.Tests.Sharing;

[Trait("Category", "Integration")]
public sealed class ShareBlockTests(SharingApp app) : IClassFixture<SharingApp>
{
    private static Dictionary<string, string> Query(string href) =>
        QueryHelpers.ParseQuery(href[href.IndexOf('?')..]).ToDictionary(p => p.Key, p => p.Value.ToString());

    [Fact]
    public async Task Every_share_link_decodes_to_the_storys_canonical_link_and_exact_title()
    {
        const string title = "Café owners & fishers ask: 50% + more? #harbour \"now\"";
        var article = await app.ArticleAsync(a => { a.Title = title; a.Standfirst = "Both sides meet on Tuesday; tickets free."; });
        var url = $"{SharingApp.BaseUrl}/articles/{article.Slug}";

        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");

        var links = page.QuerySelectorAll(".share-links a").ToDictionary(a => a.GetAttribute("data-network")!, a => a.GetAttribute("href")!);
        links.Keys.ShouldBe(["facebook", "x", "linkedin", "whatsapp", "email"]);
        links["facebook"].ShouldStartWith("https://www.facebook.com/sharer/sharer.php?");
        Query(links["facebook"])["u"].ShouldBe(url);
        links["x"].ShouldStartWith("https://x.com/intent/post?");
        Query(links["x"])["url"].ShouldBe(url);
        Query(links["x"])["text"].ShouldBe(title);
        links["linkedin"].ShouldStartWith("https://www.linkedin.com/sharing/share-offsite/?");
        Query(links["linkedin"])["url"].ShouldBe(url);
        links["whatsapp"].ShouldStartWith("https://wa.me/?");
        Query(links["whatsapp"])["text"].ShouldBe($"{title} {url}");
        links["email"].ShouldStartWith("mailto:?");
        links["email"].ShouldNotContain("+"); // a mail client reads "+" as a plus sign, not a space
        Query(links["email"])["subject"].ShouldBe(title);
        Query(links["email"])["body"].ShouldBe($"Both sides meet on Tuesday; tickets free.\n\n{url}");
        page.QuerySelectorAll(".share-links a").ShouldAllBe(a => a.GetAttribute("rel") == "noopener noreferrer");
        page.QuerySelectorAll(".share-links a:not([data-network=email])").ShouldAllBe(a => a.GetAttribute("target") == "_blank");
    }

    [Fact]
    public async Task Without_javascript_the_link_is_a_visible_field_and_the_buttons_wait_hidden()
    {
        var article = await app.ArticleAsync();
        var url = $"{SharingApp.BaseUrl}/articles/{article.Slug}";

        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");

        var share = page.QuerySelector(".story .share")!;
        var field = share.QuerySelector("input#share-url")!;
        field.GetAttribute("value").ShouldBe(url);
        field.HasAttribute("readonly").ShouldBeTrue();
        field.HasAttribute("hidden").ShouldBeFalse();
        share.QuerySelector("label[for=share-url]")!.TextContent.ShouldBe("Link to this story");
        share.QuerySelector(".share-copy-button")!.HasAttribute("hidden").ShouldBeTrue();
        var native = share.QuerySelector(".share-native")!;
        native.HasAttribute("hidden").ShouldBeTrue();
        native.GetAttribute("data-title").ShouldBe(article.Title);
        native.GetAttribute("data-text").ShouldBe(article.Standfirst);
        native.GetAttribute("data-url").ShouldBe(url);
        share.QuerySelector("[aria-live=polite]")!.TextContent.ShouldBeEmpty();
        // Nothing from the networks themselves: no script, image or frame.
        share.QuerySelectorAll("script, img, iframe").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signed_in_readers_page_shares_the_same_links()
    {
        var article = await app.ArticleAsync();
        var (_, anonymous) = await app.GetPageAsync($"/articles/{article.Slug}");
        var (reader, _) = await app.SignedInReaderAsync();

        var (_, own) = await reader.GetPageAsync($"/articles/{article.Slug}");

        own.QuerySelector(".share")!.OuterHtml.ShouldBe(anonymous.QuerySelector(".share")!.OuterHtml);
    }
}
