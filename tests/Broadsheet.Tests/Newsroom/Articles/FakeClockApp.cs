using Broadsheet.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.Newsroom.Articles;

/// <summary>
/// The app on a clock the test moves. The scheduler's own period is a day, so between starts
/// only a test that moves the clock a whole day makes it run; page and breaking-bar caches are
/// off so a page shows the clock's present.
/// </summary>
public sealed class FakeClockApp : BroadsheetApp
{
    public FakeClockApp() => Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

    private FakeClockApp(FakeClockApp sibling) : base(sibling) => Clock = sibling.Clock;

    public FakeTimeProvider Clock { get; }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Another instance over the same database and clock (a restart, or a second server).</summary>
    public async Task<FakeClockApp> StartSiblingAsync()
    {
        var sibling = new FakeClockApp(this);
        await sibling.InitializeAsync();
        return sibling;
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Newsroom:SchedulerSeconds", "86400"),
        new("Newsroom:BreakingSeconds", "0"),
        new("Caching:PageSeconds", "0"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}
