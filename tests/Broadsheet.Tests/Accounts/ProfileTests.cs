using Broadsheet.Tests.Fixtures;
using System.Globalization;

namespace Broadsheet.Tests.Accounts;

[Trait("Category", "Integration")]
public sealed class ProfileTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task A_profile_shows_the_display_name_the_handle_and_the_month_they_joined()
    {
        var user = await app.UserAsync(name: $"Ada Quill {TestNewsroom.Word()}");
        user.Handle.ShouldNotBeNullOrEmpty();

        var (response, page) = await app.GetPageAsync($"/people/{user.Handle}");

        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelector(".profile h1")!.TextContent.ShouldBe(user.DisplayName);
        var meta = page.QuerySelector(".profile .meta")!.TextContent;
        meta.ShouldContain($"@{user.Handle}");
        page.QuerySelector(".profile .meta time")!.TextContent.ShouldBe(user.JoinedAt.ToString("MMMM yyyy", CultureInfo.InvariantCulture));
        meta.ShouldNotContain("Newsroom");
    }

    [Fact]
    public async Task An_unknown_handle_is_not_found()
    {
        var (response, page) = await app.GetPageAsync($"/people/nobody-{TestNewsroom.Word()}");

        ((int)response.StatusCode).ShouldBe(404);
        page.QuerySelector(".profile").ShouldBeNull();
    }

    [Theory]
    [InlineData("Bad Handle!")]
    [InlineData("-leading-hyphen")]
    [InlineData("double--hyphen")]
    public async Task A_malformed_handle_is_not_found(string handle)
    {
        var (response, page) = await app.GetPageAsync($"/people/{Uri.EscapeDataString(handle)}");

        ((int)response.StatusCode).ShouldBe(404);
        page.QuerySelector(".profile").ShouldBeNull();
    }

    [Fact]
    public async Task The_profile_never_shows_the_email_address_not_even_to_its_owner()
    {
        var user = await app.UserAsync();
        var local = user.Email![..user.Email!.IndexOf('@')];

        using var client = app.Client();
        var anonymous = await client.GetStringAsync($"/people/{user.Handle}");
        using var owner = app.Reader();
        (await owner.SignInAsync(user.Email!)).Response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Found);
        var (ownResponse, _) = await owner.GetPageAsync($"/people/{user.Handle}");
        var own = await ownResponse.Content.ReadAsStringAsync();

        anonymous.ShouldContain(user.DisplayName);
        own.ShouldContain(user.DisplayName);
        foreach (var html in new[] { anonymous, own })
        {
            html.ShouldNotContain(user.Email!, Case.Insensitive);
            html.ShouldNotContain(local, Case.Insensitive);
        }
    }
}
