using Broadsheet.Tests.Fixtures;

namespace Broadsheet.Tests.Caching;

/// <summary>Page caching on, and every SQL statement the app runs in its log.</summary>
public sealed class StatementLoggingPageApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Caching:PageSeconds", "60"), new("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information")];
}

/// <summary>
/// A signed-in hit on a cached page reads the reader's state (header count, votes, follows) in
/// one statement, and only for the holes the page has (Caching/HoleReads.cs, issue 15).
/// </summary>
[Trait("Category", "Integration")]
public sealed class HoleReadsTests(StatementLoggingPageApp app) : IClassFixture<StatementLoggingPageApp>
{
    private static readonly string[] StateTables = ["\"Notifications\"", "\"ArticleVotes\"", "\"Follows\""];

    /// <summary>The logged statements since <paramref name="mark"/> that read any of the reader-state tables.</summary>
    private List<string> StateReadsSince(int mark) =>
        [.. app.Logs.Lines.Skip(mark).Where(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command")
            .Select(l => l.Message).Where(m => StateTables.Any(m.Contains))];

    [Fact]
    public async Task A_signed_in_hit_reads_the_readers_header_vote_and_follows_in_one_statement_and_only_what_the_page_holds()
    {
        var article = await app.ArticleAsync();
        var path = $"/articles/{article.Slug}";
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;
        ((int)(await reader.VoteOnArticleAsync(article.Slug, "up")).StatusCode).ShouldBe(302);
        var (_, before) = await reader.GetPageAsync(path);
        var form = before.QuerySelectorAll("form[action='/follow']").Single(f => f.QuerySelector("input[name=kind]")!.GetAttribute("value") == "author");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        ((int)(await reader.PostAsync("/follow", fields)).Response.StatusCode).ShouldBe(302);
        // Cached for everybody first, so the signed-in hit below renders nothing and only fills holes.
        (await app.Client().GetAsync(path)).EnsureSuccessStatusCode();

        var mark = app.Logs.Lines.Count;
        var (response, page) = await reader.GetPageAsync(path);

        response.Headers.Age.ShouldNotBeNull(); // the shared copy
        page.QuerySelector(".site-header .account-name")!.TextContent.ShouldBe(user.DisplayName);
        page.QuerySelector("form.vote button.vote-up")!.GetAttribute("aria-pressed").ShouldBe("true");
        page.QuerySelectorAll(".story-follows button.follow-button").Select(b => b.GetAttribute("aria-pressed")).ShouldBe(["true", "false"]);
        var reads = StateReadsSince(mark);
        reads.Count.ShouldBe(1, string.Join("\n---\n", reads));
        foreach (var table in StateTables) reads[0].ShouldContain(table);

        // The home page holds the header alone: its one read touches neither votes nor follows.
        (await app.Client().GetAsync("/")).EnsureSuccessStatusCode();
        mark = app.Logs.Lines.Count;
        var (homeResponse, home) = await reader.GetPageAsync("/");
        homeResponse.Headers.Age.ShouldNotBeNull();
        home.QuerySelector(".site-header .account-name")!.TextContent.ShouldBe(user.DisplayName);
        var homeReads = StateReadsSince(mark);
        homeReads.Count.ShouldBe(1, string.Join("\n---\n", homeReads));
        homeReads[0].ShouldContain("\"Notifications\"");
        homeReads[0].ShouldNotContain("\"ArticleVotes\"");
        homeReads[0].ShouldNotContain("\"Follows\"");
    }

    /// <summary>
    /// The hole statement stays prepared on kept connections (Data/IPreparedReads): those must
    /// still read what was committed since their last run, so a reader's vote and follow made
    /// after a hit show on their very next hit, and undoing the vote shows too.
    /// </summary>
    [Fact]
    public async Task A_vote_and_a_follow_made_after_a_signed_in_hit_show_on_the_readers_next_hit()
    {
        var article = await app.ArticleAsync();
        var path = $"/articles/{article.Slug}";
        var (reader, _) = await app.SignedInReaderAsync();
        using var session = reader;
        (await app.Client().GetAsync(path)).EnsureSuccessStatusCode();
        static string?[] Pressed(AngleSharp.Dom.IDocument page) =>
            [page.QuerySelector("form.vote button.vote-up")!.GetAttribute("aria-pressed"),
             .. page.QuerySelectorAll(".story-follows button.follow-button").Select(b => b.GetAttribute("aria-pressed"))];

        var mark = app.Logs.Lines.Count;
        var (first, before) = await reader.GetPageAsync(path);
        first.Headers.Age.ShouldNotBeNull();
        Pressed(before).ShouldBe(["false", "false", "false"]);
        StateReadsSince(mark).Count.ShouldBe(1);

        ((int)(await reader.VoteOnArticleAsync(article.Slug, "up")).StatusCode).ShouldBe(302);
        var (_, voted) = await reader.GetPageAsync(path);
        Pressed(voted).ShouldBe(["true", "false", "false"]);

        var form = voted.QuerySelectorAll("form[action='/follow']").Single(f => f.QuerySelector("input[name=kind]")!.GetAttribute("value") == "author");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        ((int)(await reader.PostAsync("/follow", fields)).Response.StatusCode).ShouldBe(302);
        var (_, followed) = await reader.GetPageAsync(path);
        Pressed(followed).ShouldBe(["true", "true", "false"]);

        ((int)(await reader.VoteOnArticleAsync(article.Slug, "clear")).StatusCode).ShouldBe(302);
        var (_, undone) = await reader.GetPageAsync(path);
        Pressed(undone).ShouldBe(["false", "true", "false"]);
    }
}
