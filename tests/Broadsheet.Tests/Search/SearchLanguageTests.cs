using Broadsheet.Search;
using Broadsheet.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Search;

public sealed class UnstemmedSearchApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Search:Language", "simple")];
}

public sealed class UnknownLanguageApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Search:Language", "klingon")];
}

[Trait("Category", "Integration")]
public sealed class SearchLanguageTests(UnstemmedSearchApp app) : IClassFixture<UnstemmedSearchApp>
{
    private Task RebuildAsync(BroadsheetApp target) =>
        target.WithDbAsync(db => target.Services.GetRequiredService<ISearchIndex>().RebuildAsync(db, null, default));

    [Fact]
    public async Task The_language_changes_on_reindex_and_simple_does_not_stem()
    {
        var w = TestNewsroom.Word();
        var story = await app.ArticleAsync(a => { a.Title = $"{w} count"; a.SetBody("The votes were counted overnight."); });
        (await app.WithDbAsync(db => app.Services.GetRequiredService<ISearchIndex>().IndexedLanguageAsync(db, default))).ShouldBe("english");

        await RebuildAsync(app);

        (await app.WithDbAsync(db => app.Services.GetRequiredService<ISearchIndex>().IndexedLanguageAsync(db, default))).ShouldBe("simple");
        var (_, stemmed) = await app.GetPageAsync($"/search?q={w}+voting");
        stemmed.QuerySelectorAll(".search-results .card-title a").Length.ShouldBe(0);
        var (_, exact) = await app.GetPageAsync($"/search?q={w}+votes");
        exact.QuerySelectorAll(".search-results .card-title a").Select(a => a.TextContent).ShouldBe([story.Title]);
    }

    [Fact]
    public async Task An_unknown_language_is_refused_before_the_index_changes()
    {
        await using var unknown = new UnknownLanguageApp();
        await unknown.InitializeAsync();

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => RebuildAsync(unknown));

        refused.Message.ShouldContain("klingon");
        (await unknown.WithDbAsync(db => unknown.Services.GetRequiredService<ISearchIndex>().IndexedLanguageAsync(db, default))).ShouldBe("english");
    }
}
