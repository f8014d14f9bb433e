using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Import;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using System.Net;
using System.Text;

namespace Broadsheet.Tests.Import;

[Trait("Category", "Integration")]
public sealed class WordPressImportTests(ImportedSite site) : IClassFixture<ImportedSite>
{
    [Fact]
    public async Task The_export_arrives_as_sections_tags_bylines_and_stories_with_a_progress_bar_and_summary()
    {
        site.FirstRun.ShouldContain("[##############################] 6/6 posts");
        site.FirstRun.ShouldContain("posts       created     6");
        site.FirstRun.ShouldContain("pages       created     1"); // a page is a static page now, no longer left out

        var stories = await site.WithDbAsync(db => db.Articles.Include(a => a.Category).Include(a => a.Author).Include(a => a.Tags).ToListAsync());
        stories.Select(a => a.Slug).Order().ShouldBe(["budget-draft-not-ready", "ferry-fares-frozen", "harbour-wall-repairs",
            "lifeboat-crew-honoured", "night-market-returns", "novosti-gavani"]);
        var fares = stories.Single(a => a.Slug == "ferry-fares-frozen");
        fares.Status.ShouldBe(ArticleStatus.Published);
        fares.PublishedAt.ShouldBe(new DateTime(2024, 5, 14, 8, 30, 0, DateTimeKind.Utc));
        fares.Standfirst.ShouldBe("Island families get a second year without rises.");
        fares.Category.Name.ShouldBe("Harbour Council"); // the nested category, first listed, is the section
        stories.Single(a => a.Slug == "harbour-wall-repairs").Category.Description.ShouldBe("Town, quay & islands");
        // Its second category is a section too: one archive per topic, so not repeated as a tag.
        fares.Tags.Select(t => t.Slug).Order().ShouldBe(["ferries", "novosti"]);
        site.FirstRun.ShouldContain("post 101 is in more than one section; filed under 'Harbour Council' only.");
        fares.Author.DisplayName.ShouldBe("Mara Quinlan");
        fares.CommentsClosed.ShouldBeFalse();

        var draft = stories.Single(a => a.Slug == "budget-draft-not-ready");
        (draft.Status, draft.PublishedAt).ShouldBe((ArticleStatus.Draft, null));
        stories.Single(a => a.Slug == "novosti-gavani").Category.Slug.ShouldBe("uncategorized");
        stories.Single(a => a.Slug == "night-market-returns").CommentsClosed.ShouldBeTrue();

        var (response, page) = await site.GetPageAsync("/articles/ferry-fares-frozen");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.ShouldContain("Ferry fares frozen for another year");
        // WordPress's blank-line paragraphs are real paragraphs, and its single newlines line breaks.
        var body = page.QuerySelector(".story-body")!;
        body.QuerySelectorAll("p").Select(p => p.TextContent).ShouldBe([
            "The harbour board agreed on Tuesday to keep ferry fares at last year's prices.",
            "Season tickets stay at the old rate\nuntil the end of March.",
            "Members said the crossing is a lifeline for island families."]);
        body.QuerySelectorAll("p br").Length.ShouldBe(1);
        body.QuerySelector("h2")!.TextContent.ShouldBe("What the board said");
        page.QuerySelector(".story-image img")!.GetAttribute("alt").ShouldBe("A white ferry leaving a grey pier at sunrise");
    }

    [Fact]
    public async Task Unicode_and_accented_slugs_become_readable_ascii()
    {
        var tags = await site.WithDbAsync(db => db.Tags.Select(t => new { t.Slug, t.Name }).ToListAsync());
        tags.ShouldContain(new { Slug = "novosti", Name = "Новости" });
        tags.ShouldContain(new { Slug = "cafe-societe", Name = "Café Société" });
        var teo = await site.WithDbAsync(db => db.Authors.SingleAsync(a => a.DisplayName == "Teodor Vasić"));
        teo.Slug.ShouldBe("teodor-vasic");

        var (response, page) = await site.GetPageAsync("/tag/cafe-societe");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Body!.TextContent.ShouldContain("Night market returns to the quay");
    }

    [Fact]
    public async Task Hostile_markup_is_gone_but_the_words_and_a_link_to_the_embed_stay()
    {
        var market = await site.WithDbAsync(db => db.Articles.SingleAsync(a => a.Slug == "night-market-returns"));
        foreach (var bad in new[] { "<script", "onclick", "onerror", "javascript:", "<iframe", "document.write", "steal()" })
            market.BodyHtml.ShouldNotContain(bad, Case.Insensitive);
        market.BodyHtml.ShouldContain("<a href=\"https://tickets.example/market\">online</a>");
        market.BodyHtml.ShouldContain("<a href=\"https://video.example/embed/market-2024\">The market in one minute</a>");
        market.BodyText.ShouldContain("Forty stalls line the quay from Friday.");
        market.BodyText.ShouldContain("Bring cash; some stalls take cards.");
        market.BodyText.ShouldNotContain("<");
        market.BodyMarkdown.ShouldNotContain("<script");
        // Stored as HTML blocks, so an edit through the newsroom renders the same page.
        ArticleBody.ToSafeHtml(market.BodyMarkdown).ShouldContain("Forty stalls line the quay from Friday.");

        var (_, page) = await site.GetPageAsync("/articles/night-market-returns");
        page.QuerySelectorAll("script:not([src])").Select(s => s.TextContent).ShouldNotContain(s => s.Contains("owned"));
    }

    [Fact]
    public async Task Comments_keep_their_threads_and_moderation_state_and_spam_stays_out()
    {
        var fares = await site.WithDbAsync(db => db.Articles.SingleAsync(a => a.Slug == "ferry-fares-frozen"));
        var comments = await site.WithDbAsync(db => db.Comments.Where(c => c.ArticleId == fares.Id).OrderBy(c => c.CreatedAt).ToListAsync());
        comments.Count.ShouldBe(4); // spam and the pingback are not imported
        var (top, reply, deepest, held) = (comments[0], comments[1], comments[2], comments[3]);
        (top.ParentId, reply.ParentId, deepest.ParentId).ShouldBe((null, top.Id, reply.Id));
        top.GuestName.ShouldBe("Ola from the island");
        top.BodyHtml.ShouldBe("<p>Good news for <em>commuters</em>.</p>\n<p>We feared a rise.</p>");
        var mara = await site.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "mara.quinlan@harbourtimes.example"));
        (reply.UserId, reply.GuestName).ShouldBe((mara.Id, null));
        deepest.BodyHtml.ShouldNotContain("javascript:");
        (held.Status, held.GuestName).ShouldBe((CommentStatus.Held, "First-timer"));
        comments.Count(c => c.Status == CommentStatus.Visible).ShouldBe(3);
        fares.CommentCount.ShouldBe(3);
        (await site.WithDbAsync(db => db.Comments.CountAsync(c => c.BodyMarkdown.Contains("spamword")))).ShouldBe(0);

        // Readers see the guests by the names they gave, and the held comment not at all.
        var (_, thread) = await site.GetPageAsync("/articles/ferry-fares-frozen/comments");
        var names = thread.QuerySelectorAll(".comment-meta").Select(m => m.TextContent).ToList();
        names.Count.ShouldBe(3);
        names.ShouldContain(n => n.Contains("Ola from the island"));
        names.ShouldContain(n => n.Contains("Piet"));
        names.ShouldNotContain(n => n.Contains("deleted user") || n.Contains("First-timer"));
    }

    [Fact]
    public async Task Old_permalinks_and_archives_answer_301_keeping_the_query_and_unknown_paths_still_404()
    {
        using var client = site.Client();
        async Task<string?> Location(string path, HttpMethod? method = null)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, path));
            return response.StatusCode == HttpStatusCode.MovedPermanently ? response.Headers.Location!.OriginalString : $"{(int)response.StatusCode}";
        }

        (await Location("/2024/05/ferry-fares-frozen/?utm_source=newsletter&page=2")).ShouldBe("/articles/ferry-fares-frozen?utm_source=newsletter&page=2");
        (await Location("/2024/05/ferry-fares-frozen")).ShouldBe("/articles/ferry-fares-frozen");
        (await Location("/2024/05/ferry-fares-frozen/", HttpMethod.Head)).ShouldBe("/articles/ferry-fares-frozen");
        (await Location("/2024/06/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8-%D0%B3%D0%B0%D0%B2%D0%B0%D0%BD%D0%B8/")).ShouldBe("/articles/novosti-gavani");
        (await Location("/category/local/harbour-council/")).ShouldBe("/category/harbour-council");
        (await Location("/tag/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/")).ShouldBe("/tag/novosti");
        (await Location("/tag/caf%C3%A9-soci%C3%A9t%C3%A9/")).ShouldBe("/tag/cafe-societe");
        (await Location("/author/teo-v/")).ShouldBe("/author/teodor-vasic");

        var (missing, page) = await site.GetPageAsync("/2019/01/a-story-that-never-was/");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Body!.TextContent.ShouldContain("We could not find that page");
        (await site.GetPageAsync("/articles/ferry-fares-frozen")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_imported_author_has_a_confirmed_passwordless_account_and_signs_in_by_link()
    {
        var teo = await site.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "teo.vasic@harbourtimes.example"));
        (teo.EmailConfirmed, teo.PasswordHash).ShouldBe((true, null));
        var byline = await site.WithDbAsync(db => db.Authors.SingleAsync(a => a.UserId == teo.Id));
        byline.DisplayName.ShouldBe("Teodor Vasić");
        var roles = await site.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == teo.Id)
            .Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync());
        roles.Order().ShouldBe(["author", "reader"]);

        using var reader = site.Reader();
        await reader.SubmitAsync("/account/sign-in-link", "/account/sign-in-link", new Dictionary<string, string> { ["Input.Email"] = teo.Email! });
        var (used, _) = await reader.SubmitAsync(site.Mailbox.LatestLink(teo.Email!), "/account/link", new Dictionary<string, string>());
        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reader.Cookies.ShouldContainKey(Broadsheet.Accounts.AccountServices.AuthCookie);
    }

    [Fact]
    public async Task The_featured_picture_is_decoded_re_encoded_without_exif_and_served()
    {
        Encoding.ASCII.GetString(site.OriginalPicture).ShouldContain("GPSLatitude"); // the test's own premise
        var fares = await site.WithDbAsync(db => db.Articles.SingleAsync(a => a.Slug == "ferry-fares-frozen"));
        fares.ImagePath.ShouldNotBeNull();
        fares.ImagePath.ShouldNotContain("ferry-at-dawn"); // a server-made name, never the uploader's
        (fares.ImageAlt, fares.ImageCaption).ShouldBe(("A white ferry leaving a grey pier at sunrise", "The 06:40 sailing leaves the north pier."));
        (fares.ImageWidth, fares.ImageHeight).ShouldBe((64, 40));

        var stored = await File.ReadAllBytesAsync(Path.Combine(site.MediaFolder, fares.ImagePath));
        var text = Encoding.ASCII.GetString(stored);
        text.ShouldNotContain("Exif");
        text.ShouldNotContain("GPS");
        using (var decoded = SKBitmap.Decode(stored)) (decoded.Width, decoded.Height).ShouldBe((64, 40));

        using var client = site.Client();
        using var served = await client.GetAsync($"/media/{fares.ImagePath}");
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await served.Content.ReadAsByteArrayAsync()).ShouldBe(stored);
    }

    [Fact]
    public async Task An_attachment_url_that_climbs_out_of_the_uploads_folder_is_refused()
    {
        site.FirstRun.ShouldContain("post 105: featured image refused");
        site.FirstRun.ShouldContain("does not name a file inside the uploads folder");
        var lifeboat = await site.WithDbAsync(db => db.Articles.SingleAsync(a => a.Slug == "lifeboat-crew-honoured"));
        (lifeboat.ImagePath, lifeboat.Status).ShouldBe((null, ArticleStatus.Published));
    }

    [Fact]
    public async Task A_second_run_updates_in_place_with_the_same_ids_and_no_duplicates()
    {
        var before = await CountsAsync();
        var ids = await site.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Id + a.Slug).ToListAsync());
        var files = site.MediaFileCount;

        var (code, output) = await site.ImportAsync(WordPressExport.Xml.Replace("The repair crew starts on Monday.", "The repair crew starts on Tuesday, a day late."));

        code.ShouldBe(0, output);
        output.ShouldContain("posts       created     0   updated     1   unchanged     5");
        (await CountsAsync()).ShouldBe(before);
        (await site.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Id + a.Slug).ToListAsync())).ShouldBe(ids);
        site.MediaFileCount.ShouldBe(files);
        var wall = await site.WithDbAsync(db => db.Articles.SingleAsync(a => a.Slug == "harbour-wall-repairs"));
        wall.BodyText.ShouldBe("The repair crew starts on Tuesday, a day late.");
    }

    [Fact]
    public async Task An_import_that_fails_after_writing_a_picture_rolls_back_and_removes_the_file()
    {
        var before = await CountsAsync();
        var files = site.MediaFileCount;
        // Another site's export, so the first post is new and its picture is written before the failure.
        var export = Path.Combine(site.Folder, "other-site.xml");
        await File.WriteAllTextAsync(export, WordPressExport.Xml.Replace(WordPressExport.Site, "https://other.example"));
        using var stop = new CancellationTokenSource();
        var afterFirstPost = new Progress(n => { if (n == 1) stop.Cancel(); });

        await using var scope = site.Services.CreateAsyncScope();
        var import = ActivatorUtilities.CreateInstance<WordPressImport>(scope.ServiceProvider);
        await Should.ThrowAsync<OperationCanceledException>(() => import.RunAsync(WxrFile.Load(export), site.Uploads, afterFirstPost, stop.Token));

        (await CountsAsync()).ShouldBe(before);
        site.MediaFileCount.ShouldBe(files);
    }

    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    public static TheoryData<string, string, int> BadFiles => new()
    {
        { "not well-formed", WordPressExport.Xml.Replace("<title><![CDATA[Harbour wall repairs]]></title>", "<title>Harbour wall repairs</titel>"), LineOf("Harbour wall repairs") },
        { "not an export", WordPressExport.Xml.Replace("<rss version", "<feed version").Replace("</rss>", "</feed>"), 2 },
        { "missing post id", WordPressExport.Xml.Replace("<wp:post_id>106</wp:post_id>", ""), LineOf("Harbour wall repairs") - 1 },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_fails_naming_its_line_and_changes_nothing(string why, string xml, int line)
    {
        var before = await CountsAsync();
        var files = site.MediaFileCount;

        var (code, output) = await site.ImportAsync(xml);

        code.ShouldBe(1, why);
        output.ShouldContain($"line {line}, column", Case.Sensitive, output);
        output.ShouldContain("Nothing was imported.");
        (await CountsAsync()).ShouldBe(before);
        site.MediaFileCount.ShouldBe(files);
    }

    private static int LineOf(string text) =>
        WordPressExport.Xml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(text)).i + 1;

    private Task<long[]> CountsAsync() => site.WithDbAsync(async db => new long[]
    {
        await db.Articles.CountAsync(), await db.Comments.CountAsync(), await db.Users.CountAsync(), await db.Authors.CountAsync(),
        await db.Categories.CountAsync(), await db.Tags.CountAsync(), await db.Redirects.CountAsync(), await db.ImportedItems.CountAsync(),
    });
}
