using Broadsheet.Articles;
using Broadsheet.Demo;
using Broadsheet.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Broadsheet.Tests.Demo;

/// <summary>A first start on an empty database whose demo write is held until the test lets it go.</summary>
public sealed class HeldDemoApp : BroadsheetApp
{
    public DemoSeedingGate Gate { get; } = new(open: false);

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Demo:Seed", "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton(Gate));
    }
}

/// <summary>Issue 15: /health answers before the optional work of a first start; the demo is written after, whole.</summary>
[Trait("Category", "Integration")]
public sealed class DemoSeedingTests(HeldDemoApp app) : IClassFixture<HeldDemoApp>
{
    [Fact]
    public async Task Health_answers_while_the_demo_is_being_written_pages_say_so_and_the_demo_ends_up_whole()
    {
        var seeding = app.Services.GetRequiredService<DemoSeeding>();
        using var client = app.Client();

        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The check for an empty database runs beside the first requests; pages wait for it.
        await seeding.Checked;
        seeding.Preparing.ShouldBeTrue();
        var (waiting, page) = await app.GetPageAsync("/");
        waiting.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        waiting.Headers.RetryAfter.ShouldNotBeNull();
        waiting.Headers.CacheControl!.NoStore.ShouldBeTrue();
        page.QuerySelector("h1")!.TextContent.ShouldBe("The newsroom is being prepared");
        (await app.WithDbAsync(db => db.Articles.CountAsync())).ShouldBe(0);

        app.Gate.Open();
        await seeding.Completion;

        seeding.Preparing.ShouldBeFalse();
        var now = DateTime.UtcNow;
        var (articles, live, pages, readers) = await app.WithDbAsync(async db => (
            await db.Articles.CountAsync(),
            await db.Articles.Live(now).CountAsync(),
            await db.Set<Broadsheet.Pages.Page>().CountAsync(),
            await db.Users.CountAsync()));
        articles.ShouldBe(DemoNewsroom.DemoArticleCount + 1, "the generated stories and the live one (DemoLive)");
        live.ShouldBeGreaterThan(0);
        pages.ShouldBeGreaterThan(0);
        readers.ShouldBeGreaterThan(0);
        var (home, front) = await app.GetPageAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        front.QuerySelector(".lead-title a").ShouldNotBeNull();
    }
}
