using Broadsheet.Tests.Fixtures;
using Microsoft.Extensions.Logging;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Shared;

/// <summary>
/// Private pages say "no-cache, no-store" themselves. Antiforgery makes any page with a form
/// say that, and warns when it has to overwrite a header the page set first; a bare "no-store"
/// made it warn on every sign-in page and account page, which flooded a busy site's log.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NoStorePagesTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task Private_pages_are_never_stored_and_antiforgery_has_nothing_to_overwrite()
    {
        using var visitor = app.Reader();
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using (admin)
        {
            var pages = new (ReaderSession Session, string Path)[]
            {
                (visitor, "/account/sign-in"), (visitor, "/account/sign-up"), (visitor, "/account/forgot-password"), (visitor, "/account/sign-in-link"),
                (admin, "/account"), (admin, "/notifications"), (admin, "/following"),
                (admin, "/newsroom/users"), (admin, "/newsroom/audit"), (admin, "/newsroom/comments"), (admin, "/newsroom/analytics"),
            };
            foreach (var (session, path) in pages)
            {
                var response = await session.Http.GetAsync(path);
                ((int)response.StatusCode).ShouldBe(200, path);
                var cache = response.Headers.CacheControl.ShouldNotBeNull(path);
                cache.NoStore.ShouldBeTrue(path);
                cache.NoCache.ShouldBeTrue(path);
            }
        }
        app.Logs.Lines.Where(l => l.Level >= LogLevel.Warning && l.Category.StartsWith("Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal))
            .Select(l => l.Message).ShouldBeEmpty();
    }
}
