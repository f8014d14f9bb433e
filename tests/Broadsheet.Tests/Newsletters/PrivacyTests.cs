using Broadsheet.Newsletters;
using Broadsheet.Tests.Accounts;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace Broadsheet.Tests.Newsletters;

[Trait("Category", "Integration")]
public sealed class PrivacyTests(NewslettersApp app) : IClassFixture<NewslettersApp>
{
    [Fact]
    public async Task The_account_export_lists_the_readers_subscriptions_and_deleting_the_account_deletes_them_and_those_under_its_address()
    {
        var newsletter = await app.NewsletterAsync();
        var author = await app.AuthorAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;
        var (subscribed, _) = await reader.PostWithTokenAsync($"/subscribe?kind=author&slug={author.Slug}", "/subscribe", new() { ["How"] = "daily" });
        ((int)subscribed.StatusCode).ShouldBe(200);
        // The same person subscribed anonymously before signing up.
        await app.SubscriberAsync(SubscriptionKind.Newsletter, newsletter.Id, user.Email!.ToLowerInvariant());

        var export = await reader.Http.GetAsync("/account/export");
        ((int)export.StatusCode).ShouldBe(200);
        using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        var email = json.RootElement.GetProperty("email").EnumerateArray().ToList();
        email.Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("slug").GetString(), e.GetProperty("frequency").GetString()))
            .ShouldBe([("author", author.Slug, "daily"), ("newsletter", newsletter.Slug, "eachstory")], ignoreOrder: true);

        var (deleted, _) = await reader.SubmitSettingsAsync("Delete", new() { ["currentPassword"] = TestReaders.Password });
        ((int)deleted.StatusCode).ShouldBe(302);
        var lower = user.Email!.ToLowerInvariant();
        (await app.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.UserId == user.Id || s.Email == lower))).ShouldBe(0);
    }
}
