using Broadsheet.Accounts;
using Broadsheet.Api;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Api;

[Trait("Category", "Integration")]
public sealed class ApiKeyTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Page = "/newsroom/api-keys";

    private async Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Json)> WithKeyAsync(string? key, bool inQuery = false)
    {
        using var client = app.Client();
        if (key is not null && !inQuery) client.DefaultRequestHeaders.Add("Authorization", $"Bearer {key}");
        return await client.GetJsonAsync("/api/v1/categories" + (inQuery && key is not null ? $"?key={Uri.EscapeDataString(key)}" : ""));
    }

    [Fact]
    public async Task A_missing_key_is_a_401_problem_that_says_how_to_send_one()
    {
        var answer = await WithKeyAsync(null);
        answer.ShouldBeProblem(401).ShouldBe(ApiKeyFilter.Missing);
        answer.Response.Headers.WwwAuthenticate.Single().Scheme.ShouldBe("Bearer");
    }

    [Fact]
    public async Task Malformed_unknown_and_wrong_keys_all_get_the_same_401_body()
    {
        var good = await app.ApiKeyAsync();
        var wrongSecret = good[..^4] + (good[^4..] == "aaaa" ? "bbbb" : "aaaa");
        var bodies = new List<string>();
        foreach (var key in new[] { "nonsense", "bs_abcdefgh_0123456789012345678901234567890123456789", wrongSecret })
        {
            var answer = await WithKeyAsync(key);
            answer.ShouldBeProblem(401).ShouldBe(ApiKeyFilter.Invalid);
            answer.Response.Headers.WwwAuthenticate.ShouldNotBeEmpty();
            bodies.Add(answer.Json.GetRawText());
        }
        bodies.Distinct().Count().ShouldBe(1);
        ((int)(await WithKeyAsync(good)).Response.StatusCode).ShouldBe(200);
        ((int)(await WithKeyAsync(good, inQuery: true)).Response.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task An_admin_creates_a_key_on_the_newsroom_page_sees_it_once_and_revoking_it_shuts_it_out()
    {
        var (admin, user) = await app.SignedInReaderAsync(Roles.Admin);
        using var _ = admin;
        var name = $"Static site {Guid.NewGuid():N}"[..24];

        var (created, page) = await admin.SubmitAsync(Page, $"{Page}?handler=Create", new Dictionary<string, string> { ["name"] = name });
        ((int)created.StatusCode).ShouldBe(200);
        var key = page.QuerySelector("#new-key")!.GetAttribute("value")!;
        ApiKeyFormat.TryGetPrefix(key, out var prefix).ShouldBeTrue();

        var row = await app.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Prefix == prefix));
        (row.Name, row.CreatedByUserId, row.RevokedAt, row.LastUsedAt).ShouldBe((name, (int?)user.Id, (DateTime?)null, (DateTime?)null));
        row.SecretHash.ShouldBe(ApiKeyFormat.Hash(key));
        row.SecretHash.ShouldNotContain(key[(prefix.Length + 1)..]);

        ((int)(await WithKeyAsync(key)).Response.StatusCode).ShouldBe(200);
        (await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == row.Id).Select(k => k.LastUsedAt).SingleAsync())).ShouldNotBeNull();

        var (_, listed) = await admin.GetPageAsync(Page);
        listed.QuerySelector("#new-key").ShouldBeNull(); // shown once, never again
        listed.Body!.TextContent.ShouldNotContain(key);
        var line = listed.QuerySelectorAll(".key-list tbody tr").Single(tr => tr.TextContent.Contains(name));
        line.TextContent.ShouldContain(prefix);
        line.TextContent.ShouldContain(user.DisplayName);

        var revokeForm = listed.QuerySelectorAll("form.revoke-key").Single(f => f.GetAttribute("action")!.Contains($"id={row.Id}"));
        var revokeAction = revokeForm.GetAttribute("action")!;
        var token = revokeForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (revoked, _) = await admin.PostAsync(revokeAction, new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        ((int)revoked.StatusCode).ShouldBe(302);
        var revokedAt = await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == row.Id).Select(k => k.RevokedAt).SingleAsync());
        revokedAt.ShouldNotBeNull();
        (await WithKeyAsync(key)).ShouldBeProblem(401).ShouldBe(ApiKeyFilter.Invalid);

        // Revoking again (a second tab, a double click) changes nothing.
        var (again, _) = await admin.PostAsync(revokeAction, new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        ((int)again.StatusCode).ShouldBe(302);
        (await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == row.Id).Select(k => k.RevokedAt).SingleAsync())).ShouldBe(revokedAt);
        var (_, after) = await admin.GetPageAsync(Page);
        after.QuerySelectorAll(".key-list tr.revoked").Any(tr => tr.TextContent.Contains(name)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_checked_key_is_answered_from_memory_so_a_repeated_request_needs_no_key_lookup()
    {
        await using var instance = await BroadsheetApp.SiblingOfAsync(app, new KeyValuePair<string, string>("Api:KeyCacheSeconds", "300"));
        var key = await app.ApiKeyAsync();
        using (var client = instance.KeyedClient(key))
            ((int)(await client.GetJsonAsync("/api/v1/categories")).Response.StatusCode).ShouldBe(200);

        // Gone from the database behind this instance's back (as another instance's revocation would be):
        ApiKeyFormat.TryGetPrefix(key, out var prefix).ShouldBeTrue();
        (await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Prefix == prefix).ExecuteDeleteAsync())).ShouldBe(1);

        // the instance that checked it still answers from its copy, with no lookup; one that never did asks the database.
        using (var client = instance.KeyedClient(key))
            ((int)(await client.GetJsonAsync("/api/v1/categories")).Response.StatusCode).ShouldBe(200);
        (await WithKeyAsync(key)).ShouldBeProblem(401).ShouldBe(ApiKeyFilter.Invalid);
    }

    [Fact]
    public async Task A_key_revoked_on_one_instance_is_refused_there_at_once_and_by_another_once_its_copy_expires()
    {
        await using var other = await BroadsheetApp.SiblingOfAsync(app, new KeyValuePair<string, string>("Api:KeyCacheSeconds", "1"));
        var (admin, user) = await app.SignedInReaderAsync(Roles.Admin);
        using var _ = admin;
        var key = await app.ApiKeyAsync();
        ((int)(await WithKeyAsync(key)).Response.StatusCode).ShouldBe(200);
        using (var client = other.KeyedClient(key))
            ((int)(await client.GetJsonAsync("/api/v1/categories")).Response.StatusCode).ShouldBe(200);

        ApiKeyFormat.TryGetPrefix(key, out var prefix).ShouldBeTrue();
        var id = await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Prefix == prefix).Select(k => k.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<ApiKeys>().RevokeAsync(id, user.Id, default)).ShouldBeTrue();

        (await WithKeyAsync(key)).ShouldBeProblem(401).ShouldBe(ApiKeyFilter.Invalid);
        var refused = false;
        for (var attempt = 0; attempt < 60 && !refused; attempt++)
        {
            using var client = other.KeyedClient(key);
            refused = (int)(await client.GetJsonAsync("/api/v1/categories")).Response.StatusCode == 401;
            if (!refused) await Task.Delay(500);
        }
        refused.ShouldBeTrue("the other instance must stop accepting a revoked key once its copy expires");
    }

    [Fact]
    public async Task A_key_needs_a_name_of_at_most_a_hundred_characters()
    {
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;
        var before = await app.WithDbAsync(db => db.ApiKeys.CountAsync());
        foreach (var name in new[] { "   ", new string('x', 101) })
        {
            var (response, page) = await admin.SubmitAsync(Page, $"{Page}?handler=Create", new Dictionary<string, string> { ["name"] = name });
            ((int)response.StatusCode).ShouldBe(422);
            page.QuerySelector(".create-key .form-error")!.TextContent.ShouldContain("1 to 100 characters");
            page.QuerySelector("#new-key").ShouldBeNull();
        }
        (await app.WithDbAsync(db => db.ApiKeys.CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData(Roles.Reader)]
    [InlineData(Roles.Author)]
    [InlineData(Roles.Editor)]
    public async Task Only_admins_may_see_or_use_the_key_page(string role)
    {
        var (person, _) = await app.SignedInReaderAsync(role);
        using var _p = person;
        var victim = await app.WithDbAsync(async db =>
        {
            var k = db.ApiKeys.Add(new ApiKey { Name = "Kept", Prefix = ApiKeyFormat.Generate().Prefix, SecretHash = new string('0', 64), CreatedAt = DateTime.UtcNow }).Entity;
            await db.SaveChangesAsync();
            return k.Id;
        });

        var (get, page) = await person.GetPageAsync(Page);
        ((int)get.StatusCode).ShouldBe(403);
        page.QuerySelector(".api-keys").ShouldBeNull(); // the site's 403 page, not the key list
        page.QuerySelector("form[action*='handler=Create']").ShouldBeNull();

        // Their own valid form token, so only the role stands in the way.
        var (_, own) = await person.GetPageAsync("/account");
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (create, _) = await person.PostAsync($"{Page}?handler=Create", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["name"] = "Mine" });
        ((int)create.StatusCode).ShouldBe(403);
        var (revoke, _) = await person.PostAsync($"{Page}?handler=Revoke&id={victim}", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        ((int)revoke.StatusCode).ShouldBe(403);
        (await app.WithDbAsync(db => db.ApiKeys.SingleAsync(k => k.Id == victim))).RevokedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_a_post_without_its_token_is_refused()
    {
        var (response, _) = await app.GetPageAsync(Page);
        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.ToString().ShouldContain("/account/sign-in");

        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;
        var before = await app.WithDbAsync(db => db.ApiKeys.CountAsync());
        var (refused, _) = await admin.PostAsync($"{Page}?handler=Create", new Dictionary<string, string> { ["name"] = "No token" });
        ((int)refused.StatusCode).ShouldBe(400);
        (await app.WithDbAsync(db => db.ApiKeys.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Admins_find_the_key_page_from_their_account_page()
    {
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;
        var (_, page) = await admin.GetPageAsync("/account");
        page.QuerySelector($"a[href='{Page}']").ShouldNotBeNull();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        (await reader.GetPageAsync("/account")).Page.QuerySelector($"a[href='{Page}']").ShouldBeNull();
    }
}
