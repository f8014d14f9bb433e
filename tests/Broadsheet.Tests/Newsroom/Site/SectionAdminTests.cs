using Broadsheet.Audit;
using Broadsheet.Newsroom;
using Broadsheet.Articles;
using Broadsheet.Accounts;
using Broadsheet.Follows;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Site;

[Trait("Category", "Integration")]
public sealed class SectionAdminTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    private async Task<string?> RedirectOf(string path)
    {
        using var client = app.Client();
        var response = await client.GetAsync(path);
        return (int)response.StatusCode == 301 ? response.Location() : $"{(int)response.StatusCode}";
    }

    private Task<List<string>> AuditAsync(string action) =>
        app.WithDbAsync(db => db.AuditLog.Where(e => e.Action == action).Select(e => e.Detail).ToListAsync());

    [Fact]
    public async Task An_admin_creates_a_section_and_a_tag_from_their_names_and_a_taken_slug_is_a_422_that_saves_nothing()
    {
        using var admin = await app.AdminAsync();
        var name = $"Harbour Works {Guid.NewGuid():N}"[..22];
        var slug = Broadsheet.Shared.Slug.From(name);

        var (created, _) = await admin.CreateAsync("section", name);
        ((int)created.StatusCode).ShouldBe(302);
        var (_, listed) = await admin.GetPageAsync(created.Location());
        listed.QuerySelector(".form-notice")!.TextContent.ShouldContain($"/category/{slug}");
        var section = await app.WithDbAsync(db => db.Categories.SingleAsync(c => c.Slug == slug));
        section.Name.ShouldBe(name);
        (await app.GetPageAsync($"/category/{slug}")).Page.QuerySelector("h1")!.TextContent.ShouldContain(name);
        (await AuditAsync("section.create")).ShouldContain(d => d.Contains(slug));

        var (tagged, _) = await admin.CreateAsync("tag", "Night buses", slug);
        ((int)tagged.StatusCode).ShouldBe(302);
        (await app.WithDbAsync(db => db.Tags.CountAsync(t => t.Slug == slug && t.Name == "Night buses"))).ShouldBe(1);

        var (clash, page) = await admin.CreateAsync("section", "Another name", slug);
        ((int)clash.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-error")!.TextContent.ShouldContain($"/category/{slug} is taken");
        (await app.WithDbAsync(db => db.Categories.CountAsync(c => c.Slug == slug))).ShouldBe(1);

        var (bad, badPage) = await admin.CreateAsync("tag", "Fine", "Not A Slug!");
        ((int)bad.StatusCode).ShouldBe(422);
        badPage.QuerySelector(".form-error")!.TextContent.ShouldContain("cannot be a slug");
    }

    [Fact]
    public async Task Renaming_a_section_twice_sends_both_old_addresses_and_feeds_straight_to_the_newest_one()
    {
        var section = await app.CategoryAsync();
        await app.ArticleAsync(category: section);
        using var admin = await app.AdminAsync();
        var second = section.Slug + "-b";
        var third = section.Slug + "-c";

        var (renamed, _) = await admin.RowActionAsync(section.Slug, "rename", Fields(("name", "Second name"), ("slug", second)));
        ((int)renamed.StatusCode).ShouldBe(302);
        var (again, _) = await admin.RowActionAsync(second, "rename", Fields(("name", "Third name"), ("slug", third)));
        ((int)again.StatusCode).ShouldBe(302);

        (await RedirectOf($"/category/{section.Slug}")).ShouldBe($"/category/{third}");
        (await RedirectOf($"/category/{second}?page=2")).ShouldBe($"/category/{third}?page=2");
        (await RedirectOf($"/category/{section.Slug}/feed")).ShouldBe($"/category/{third}/feed");
        (await RedirectOf($"/category/{second}/feed/atom")).ShouldBe($"/category/{third}/feed/atom");
        var (live, page) = await app.GetPageAsync($"/category/{third}");
        ((int)live.StatusCode).ShouldBe(200);
        page.QuerySelector("h1")!.TextContent.ShouldContain("Third name");
        (await app.GetPageAsync("/")).Page.QuerySelectorAll("nav.sections a").Select(a => a.GetAttribute("href")).ShouldContain($"/category/{third}");
        (await AuditAsync("section.rename")).ShouldContain(d => d.Contains($"/category/{second}") && d.Contains("Third name"));

        // Renaming back makes the first address live again: no redirect loop.
        await admin.RowActionAsync(third, "rename", Fields(("name", "First again"), ("slug", section.Slug)));
        (await RedirectOf($"/category/{section.Slug}")).ShouldBe("200");
        (await RedirectOf($"/category/{third}")).ShouldBe($"/category/{section.Slug}");
    }

    [Fact]
    public async Task A_new_name_alone_keeps_the_address_and_a_blank_name_is_a_422_that_saves_nothing()
    {
        var section = await app.CategoryAsync();
        using var admin = await app.AdminAsync();

        var (renamed, _) = await admin.RowActionAsync(section.Slug, "rename", Fields(("name", "Estuary and coast"), ("slug", "")));
        ((int)renamed.StatusCode).ShouldBe(302);
        var stored = await app.WithDbAsync(db => db.Categories.SingleAsync(c => c.Id == section.Id));
        (stored.Name, stored.Slug).ShouldBe(("Estuary and coast", section.Slug));
        (await app.WithDbAsync(db => db.Redirects.CountAsync(r => r.FromPath.StartsWith($"/category/{section.Slug}")))).ShouldBe(0);

        foreach (var slug in new[] { "", section.Slug + "-x" })
        {
            var (blank, page) = await admin.RowActionAsync(section.Slug, "rename", Fields(("name", "  "), ("slug", slug)));
            ((int)blank.StatusCode).ShouldBe(422);
            page.QuerySelector(".form-error")!.TextContent.ShouldContain("A name needs 1 to");
        }
        (await app.WithDbAsync(db => db.Categories.SingleAsync(c => c.Id == section.Id))).Name.ShouldBe("Estuary and coast");
    }

    [Fact]
    public async Task Merging_a_tag_moves_its_stories_and_followers_without_duplicates_redirects_it_and_search_follows()
    {
        var (fromWord, intoWord) = (TestNewsroom.Word(), TestNewsroom.Word());
        var both = await app.ArticleAsync(tags: [fromWord, intoWord]);
        var onlyFrom = await app.ArticleAsync(tags: [fromWord]);
        var (from, into) = await app.WithDbAsync(async db => (await db.Tags.SingleAsync(t => t.Slug == fromWord), await db.Tags.SingleAsync(t => t.Slug == intoWord)));
        var followsBoth = await app.UserAsync();
        var followsFrom = await app.UserAsync();
        await app.WithDbAsync(async db =>
        {
            db.Follows.AddRange(
                new Follow { UserId = followsBoth.Id, Kind = FollowKind.Tag, TargetId = from.Id, CreatedAt = DateTime.UtcNow },
                new Follow { UserId = followsBoth.Id, Kind = FollowKind.Tag, TargetId = into.Id, CreatedAt = DateTime.UtcNow },
                new Follow { UserId = followsFrom.Id, Kind = FollowKind.Tag, TargetId = from.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        (await app.GetPageAsync($"/search?q={fromWord}")).Page.QuerySelectorAll($".search-results a[href='/articles/{onlyFrom.Slug}']").ShouldNotBeEmpty();

        using var admin = await app.AdminAsync();
        var (merged, _) = await admin.RowActionAsync(fromWord, "merge", Fields(("into", intoWord)), $"?q={fromWord}");
        ((int)merged.StatusCode).ShouldBe(302);

        (await app.WithDbAsync(db => db.Tags.AnyAsync(t => t.Id == from.Id))).ShouldBeFalse();
        var tagged = await app.WithDbAsync(db => db.Articles.Where(a => a.Tags.Any(t => t.Id == into.Id)).Select(a => a.Id).OrderBy(i => i).ToListAsync());
        tagged.ShouldBe(new[] { both.Id, onlyFrom.Id }.Order().ToList());
        var follows = await app.WithDbAsync(db => db.Follows.Where(f => f.Kind == FollowKind.Tag && (f.UserId == followsBoth.Id || f.UserId == followsFrom.Id))
            .Select(f => new { f.UserId, f.TargetId }).ToListAsync());
        follows.Count.ShouldBe(2);
        follows.ShouldAllBe(f => f.TargetId == into.Id);
        follows.Select(f => f.UserId).Order().ShouldBe(new[] { followsBoth.Id, followsFrom.Id }.Order());

        (await RedirectOf($"/tag/{fromWord}")).ShouldBe($"/tag/{intoWord}");
        (await RedirectOf($"/tag/{fromWord}/feed")).ShouldBe($"/tag/{intoWord}/feed");
        var (_, found) = await app.GetPageAsync($"/search?q={intoWord}");
        found.QuerySelectorAll($".search-results a[href='/articles/{onlyFrom.Slug}']").ShouldNotBeEmpty();
        (await app.GetPageAsync($"/search?q={fromWord}")).Page.QuerySelectorAll($".search-results a[href='/articles/{onlyFrom.Slug}']").ShouldBeEmpty();
        (await AuditAsync("tag.merge")).ShouldContain(d => d.Contains($"/tag/{fromWord}") && d.Contains("2 stories") && d.Contains("1 follows"));
    }

    [Fact]
    public async Task Merging_a_section_moves_every_story_and_deletes_the_source()
    {
        var source = await app.CategoryAsync();
        var target = await app.CategoryAsync();
        var moved = await app.ArticleAsync(category: source);
        using var admin = await app.AdminAsync();

        var (merged, _) = await admin.RowActionAsync(source.Slug, "merge", Fields(("into", target.Slug)));
        ((int)merged.StatusCode).ShouldBe(302);
        (await app.WithDbAsync(db => db.Articles.Where(a => a.Id == moved.Id).Select(a => a.CategoryId).SingleAsync())).ShouldBe(target.Id);
        (await app.WithDbAsync(db => db.Categories.AnyAsync(c => c.Id == source.Id))).ShouldBeFalse();
        (await RedirectOf($"/category/{source.Slug}")).ShouldBe($"/category/{target.Slug}");
        (await app.GetPageAsync($"/category/{target.Slug}")).Page.QuerySelectorAll($"a[href='/articles/{moved.Slug}']").ShouldNotBeEmpty();

        var (self, page) = await admin.RowActionAsync(target.Slug, "merge", Fields(("into", target.Slug)));
        ((int)self.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-error")!.TextContent.ShouldContain("into itself");
    }

    [Fact]
    public async Task A_tag_with_stories_cannot_be_deleted_but_an_empty_one_and_its_follows_go()
    {
        var word = TestNewsroom.Word();
        await app.ArticleAsync(tags: [word]);
        var empty = await app.CategoryAsync();
        var reader = await app.UserAsync();
        await app.WithDbAsync(async db =>
        {
            db.Follows.Add(new Follow { UserId = reader.Id, Kind = FollowKind.Category, TargetId = empty.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        using var admin = await app.AdminAsync();
        var tagId = await app.WithDbAsync(db => db.Tags.Where(t => t.Slug == word).Select(t => t.Id).SingleAsync());

        var (_, listed) = await admin.GetPageAsync($"{SiteAdminForms.Sections}?q={word}");
        listed.QuerySelector($"tr[data-slug='{word}'] form.delete").ShouldBeNull(); // only empty tags offer Delete
        var token = listed.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (forced, forcedPage) = await admin.PostAsync($"{SiteAdminForms.Sections}?handler=Delete",
            Fields(("__RequestVerificationToken", token), ("kind", "Tag"), ("id", tagId.ToString())));
        ((int)forced.StatusCode).ShouldBe(422);
        forcedPage.QuerySelector(".form-error")!.TextContent.ShouldContain("merge it");
        (await app.WithDbAsync(db => db.Tags.AnyAsync(t => t.Id == tagId))).ShouldBeTrue();

        var (deleted, _) = await admin.RowActionAsync(empty.Slug, "delete", Fields());
        ((int)deleted.StatusCode).ShouldBe(302);
        (await app.WithDbAsync(db => db.Categories.AnyAsync(c => c.Id == empty.Id))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Follows.AnyAsync(f => f.UserId == reader.Id))).ShouldBeFalse();
        (await AuditAsync("section.delete")).ShouldContain(d => d.Contains(empty.Slug));
    }

    [Fact]
    public async Task Moving_a_section_up_changes_the_order_of_the_navigation()
    {
        var first = await app.CategoryAsync();
        var second = await app.CategoryAsync();
        using var admin = await app.AdminAsync();
        var before = await app.WithDbAsync(db => db.Categories.OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => c.Slug).ToListAsync());
        var above = before[before.IndexOf(second.Slug) - 1];

        var (moved, _) = await admin.RowActionAsync(second.Slug, "move", Fields(("direction", "up")));
        ((int)moved.StatusCode).ShouldBe(302);
        var nav = (await app.GetPageAsync("/")).Page.QuerySelectorAll("nav.sections a").Select(a => a.GetAttribute("href")).ToList();
        nav.IndexOf($"/category/{second.Slug}").ShouldBeLessThan(nav.IndexOf($"/category/{above}"));
        first.ShouldNotBeNull();
    }

    [Fact]
    public async Task Readers_authors_and_editors_get_403_and_a_post_without_its_token_is_refused()
    {
        foreach (var role in new[] { Roles.Reader, Roles.Author, Roles.Editor })
        {
            var (session, _) = await app.SignedInReaderAsync(role);
            using var _s = session;
            ((int)(await session.GetPageAsync(SiteAdminForms.Sections)).Response.StatusCode).ShouldBe(403);
            var (posted, _) = await session.PostAsync($"{SiteAdminForms.Sections}?handler=Create", Fields(("kind", "Tag"), ("name", "Sneaky")));
            ((int)posted.StatusCode).ShouldBeOneOf(400, 403);
        }
        using var admin = await app.AdminAsync();
        var name = TestNewsroom.Word();
        var (noToken, _) = await admin.PostAsync($"{SiteAdminForms.Sections}?handler=Create", Fields(("kind", "Tag"), ("name", name)));
        ((int)noToken.StatusCode).ShouldBe(400);
        (await app.WithDbAsync(db => db.Tags.AnyAsync(t => t.Name == name || t.Name == "Sneaky"))).ShouldBeFalse();
        using var anonymous = app.Client();
        ((int)(await anonymous.GetAsync(SiteAdminForms.Sections)).StatusCode).ShouldBe(302);
    }
}
