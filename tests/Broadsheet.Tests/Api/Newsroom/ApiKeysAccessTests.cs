using Broadsheet.Api;
using Broadsheet.Api.Newsroom;
using Broadsheet.Newsroom;
using Broadsheet.Tests.Fixtures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Api.Newsroom;

/// <summary>
/// /newsroom/api-keys is for admins by declaration on the page, so no handler (an unknown one
/// included, which Razor Pages answers by rendering the page) can be reached by another role.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ApiKeysAccessTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private const string Page = "/newsroom/api-keys";

    [Fact]
    public void The_page_model_carries_the_admin_policy()
    {
        typeof(ApiKeysModel).GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>()
            .Select(a => a.Policy).ShouldContain(Policies.Admins);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Reader)]
    [InlineData(Roles.Author)]
    [InlineData(Roles.Editor)]
    public async Task Every_get_and_post_handler_sends_others_to_sign_in_or_refuses_them_and_changes_nothing(string? role)
    {
        var victim = await app.WithDbAsync(async db =>
        {
            var k = db.ApiKeys.Add(new ApiKey { Name = "Kept", Prefix = ApiKeyFormat.Generate().Prefix, SecretHash = new string('0', 64), CreatedAt = DateTime.UtcNow }).Entity;
            await db.SaveChangesAsync();
            return k.Id;
        });
        var before = await app.WithDbAsync(db => db.ApiKeys.CountAsync());
        using var person = role is null ? app.Reader() : (await app.SignedInReaderAsync(role)).Reader;
        // A valid token of their own (signed out: the sign-in form's), so only the role stands in the way.
        var (_, own) = await person.GetPageAsync(role is null ? "/account/sign-in" : "/account");
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var expected = role is null ? 302 : 403;

        foreach (var query in new[] { "", "?handler=Nope" })
            ((int)(await person.GetPageAsync(Page + query)).Response.StatusCode).ShouldBe(expected, $"GET {Page}{query}");
        foreach (var query in new[] { "?handler=Create", $"?handler=Revoke&id={victim}", "?handler=Nope", "" })
        {
            var (response, page) = await person.PostAsync(Page + query, new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["name"] = "Mine" });
            ((int)response.StatusCode).ShouldBe(expected, $"POST {Page}{query}");
            page.QuerySelector("form.create-key").ShouldBeNull();
        }

        (await app.WithDbAsync(db => db.ApiKeys.CountAsync())).ShouldBe(before);
        (await app.WithDbAsync(db => db.ApiKeys.SingleAsync(k => k.Id == victim))).RevokedAt.ShouldBeNull();
    }
}
