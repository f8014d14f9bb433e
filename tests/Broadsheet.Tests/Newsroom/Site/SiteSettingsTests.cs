using Broadsheet.Audit;
using Broadsheet.Newsroom;
using Broadsheet.Comments;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Site;

/// <summary>Comments shown at once by configuration (so an override is visible), and settings checked every second.</summary>
public sealed class SiteSettingsApp : CommentsApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Site:SettingsCheckSeconds", "1")];
}

/// <summary>The settings are one per site: each test sets every value it checks, so the order of tests does not matter.</summary>
[Trait("Category", "Integration")]
public sealed class SiteSettingsTests(SiteSettingsApp app) : IClassFixture<SiteSettingsApp>
{
    private static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task Saved_settings_show_on_the_home_page_in_feeds_and_in_the_structured_data()
    {
        var section = await app.CategoryAsync();
        using var admin = await app.AdminAsync();
        var name = $"Evening Post {TestNewsroom.Word()}";
        (await app.GetPageAsync("/")).Page.QuerySelector(".brand")!.TextContent.ShouldNotBe(name); // cached before the change

        var changes = Enumerable.Range(1, 12).SelectMany(i => new[] { ($"Form.Social[{i}].Label", ""), ($"Form.Social[{i}].Url", "") }).ToDictionary();
        var (saved, _) = await admin.SaveSettingsAsync(new Dictionary<string, string>(changes.Concat(Fields(
            ("Form.Name", name), ("Form.Tagline", "News from the estuary."),
            ("Form.Social[0].Label", "Mastodon"), ("Form.Social[0].Url", "https://social.example/@post"),
            ("Form.Menu[0].Label", "Latest"), ("Form.Menu[0].Url", "/latest"),
            ("Form.Menu[1].Label", "Ferries"), ("Form.Menu[1].Url", $"/category/{section.Slug}")))));
        ((int)saved.StatusCode).ShouldBe(302);

        var (_, home) = await app.GetPageAsync("/");
        home.QuerySelector(".brand")!.TextContent.ShouldBe(name);
        home.QuerySelector(".colophon")!.TextContent.ShouldBe($"{name} · News from the estuary.");
        home.QuerySelectorAll(".social a").Select(a => (a.TextContent, a.GetAttribute("href"))).ShouldBe([("Mastodon", "https://social.example/@post")]);
        home.QuerySelectorAll("nav.sections a").Select(a => (a.TextContent, a.GetAttribute("href")))
            .ShouldBe([("Latest", "/latest"), ("Ferries", $"/category/{section.Slug}")]);
        home.QuerySelectorAll("script[type='application/ld+json']").ShouldContain(s => s.TextContent.Contains($"\"name\":\"{name}\""));
        using var client = app.Client();
        (await client.GetStringAsync("/feed")).ShouldContain($"<title>{name}</title>");

        var rows = await app.WithDbAsync(db => db.SiteSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value));
        rows["Site:Name"].ShouldBe(name);
        rows["Site:Menu"].ShouldContain("/latest");
        (await app.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == "settings.update" && e.Detail.Contains("Site:Name")))).ShouldBeTrue();

        // Emptying the menu brings the sections back (the navigation's own 30-second copy of them aside).
        var (emptied, emptiedPage) = await admin.SaveSettingsAsync(Fields(("Form.Menu[0].Label", ""), ("Form.Menu[0].Url", ""), ("Form.Menu[1].Label", ""), ("Form.Menu[1].Url", "")));
        ((int)emptied.StatusCode).ShouldBe(302, emptiedPage.QuerySelector(".form-errors")?.TextContent);
        (await app.WithDbAsync(db => db.SiteSettings.AnyAsync(s => s.Key == "Site:Menu"))).ShouldBeFalse(); // equal to configuration: no row
        (await app.GetPageAsync("/")).Page.QuerySelectorAll("nav.sections a").Select(a => a.TextContent).ShouldNotContain("Ferries");
    }

    [Fact]
    public async Task A_second_instance_on_the_same_database_shows_the_change_within_seconds()
    {
        await using var sibling = await BroadsheetApp.SiblingOfAsync(app);
        using var admin = await app.AdminAsync();
        (await sibling.GetPageAsync("/")).Page.QuerySelector(".brand").ShouldNotBeNull(); // its page cache now holds the old home page
        var name = $"Harbour Herald {TestNewsroom.Word()}";

        await admin.SaveSettingsAsync(Fields(("Form.Name", name)));

        string? shown = null;
        for (var attempt = 0; attempt < 100 && shown != name; attempt++)
        {
            if (attempt > 0) await Task.Delay(200);
            shown = (await sibling.GetPageAsync("/")).Page.QuerySelector(".brand")!.TextContent;
        }
        shown.ShouldBe(name);
    }

    [Fact]
    public async Task The_time_zone_sets_the_exact_time_readers_see_and_an_unknown_zone_is_a_422()
    {
        var published = new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);
        var article = await app.ArticleAsync(a => a.PublishedAt = published);
        using var admin = await app.AdminAsync();

        await admin.SaveSettingsAsync(Fields(("Form.TimeZone", "UTC")));
        (await app.GetPageAsync($"/articles/{article.Slug}")).Page.QuerySelector("p.meta time")!.GetAttribute("title")
            .ShouldBe("15 January 2026, 12:00 UTC");

        var (saved, _) = await admin.SaveSettingsAsync(Fields(("Form.TimeZone", "Europe/Berlin")));
        ((int)saved.StatusCode).ShouldBe(302);
        var time = (await app.GetPageAsync($"/articles/{article.Slug}")).Page.QuerySelector("p.meta time")!;
        time.GetAttribute("title").ShouldBe("15 January 2026, 13:00 UTC+01:00");
        time.GetAttribute("datetime").ShouldBe("2026-01-15T12:00:00Z");

        var (refused, page) = await admin.SaveSettingsAsync(Fields(("Form.TimeZone", "Mars/Olympus_Mons")));
        ((int)refused.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldContain("not a time zone");
        (await app.WithDbAsync(db => db.SiteSettings.Where(s => s.Key == "Site:TimeZone").Select(s => s.Value).SingleAsync())).ShouldBe("Europe/Berlin");
    }

    [Fact]
    public async Task The_comment_policy_override_holds_new_comments_and_going_back_to_configuration_shows_them_at_once()
    {
        var article = await app.ArticleAsync();
        using var admin = await app.AdminAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;

        await admin.SaveSettingsAsync(Fields(("Form.Moderation", "All")));
        var (held, _) = await reader.CommentAsync(article.Slug, "The new timetable suits early shifts.");
        (await app.CommentByIdAsync(held.CommentId()))!.Status.ShouldBe(CommentStatus.Held);

        await admin.SaveSettingsAsync(Fields(("Form.Moderation", "")));
        (await app.WithDbAsync(db => db.SiteSettings.AnyAsync(s => s.Key == "Comments:Moderation"))).ShouldBeFalse();
        var (shown, _) = await reader.CommentAsync(article.Slug, "And the late ferry is back too.");
        (await app.CommentByIdAsync(shown.CommentId()))!.Status.ShouldBe(CommentStatus.Visible);
    }

    [Theory]
    [InlineData("Form.Name", "", "1 to 80 characters")]
    [InlineData("Form.Social[0].Url", "javascript:alert(1)", "http(s) address")]
    [InlineData("Form.Menu[0].Url", "//evil.example/", "path on this site")]
    [InlineData("Form.Logo", "ftp://files.example/logo.png", "logo needs")]
    [InlineData("Form.CloseAfterDays", "-3", "Close comments after")]
    [InlineData("Form.Moderation", "Sometimes", "comment policy")]
    public async Task Bad_input_is_a_422_with_a_message_and_saves_nothing(string field, string value, string message)
    {
        using var admin = await app.AdminAsync();
        var before = await app.WithDbAsync(db => db.SiteSettings.AsNoTracking().OrderBy(s => s.Key).Select(s => s.Key + "=" + s.Value).ToListAsync());
        var changes = Fields((field, value));
        if (field.StartsWith("Form.Social", StringComparison.Ordinal)) changes["Form.Social[0].Label"] = "Somewhere";
        if (field.StartsWith("Form.Menu", StringComparison.Ordinal)) changes["Form.Menu[0].Label"] = "Elsewhere";

        var (refused, page) = await admin.SaveSettingsAsync(changes);
        ((int)refused.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldContain(message);
        (await app.WithDbAsync(db => db.SiteSettings.AsNoTracking().OrderBy(s => s.Key).Select(s => s.Key + "=" + s.Value).ToListAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Only_admins_reach_the_settings_and_a_post_without_its_token_changes_nothing()
    {
        foreach (var role in new[] { Roles.Reader, Roles.Author, Roles.Editor })
        {
            var (session, _) = await app.SignedInReaderAsync(role);
            using var _s = session;
            ((int)(await session.GetPageAsync(SiteAdminForms.Settings)).Response.StatusCode).ShouldBe(403);
        }
        using var admin = await app.AdminAsync();
        var (noToken, _) = await admin.PostAsync(SiteAdminForms.Settings, Fields(("Form.Name", "Hijacked"), ("Form.TimeZone", "UTC")));
        ((int)noToken.StatusCode).ShouldBe(400);
        (await app.WithDbAsync(db => db.SiteSettings.AnyAsync(s => s.Value == "Hijacked"))).ShouldBeFalse();
    }
}
