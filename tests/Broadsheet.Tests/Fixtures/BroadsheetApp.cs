using Broadsheet.Mail;
using AngleSharp;
using AngleSharp.Dom;
using Broadsheet.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// The real app on a real loopback port (Kestrel), in Production mode, over its own
/// database. One per test class; tests in a class make their own uniquely named data.
/// </summary>
public class BroadsheetApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase database;
    private readonly bool ownsDatabase;
    private readonly KeyValuePair<string, string>[]? inheritedSettings;

    // Chosen before the start, since Site:BaseUrl (required in Production) names it.
    private readonly int port = Ports.Free();

    public BroadsheetApp()
    {
        database = new TestDatabase();
        ownsDatabase = true;
        Folder = Directory.CreateTempSubdirectory("broadsheet-app-").FullName;
        UseKestrel(port);
    }

    /// <summary>A second app over another app's database and key folder: a restart, or another instance.</summary>
    /// <param name="overrides">Settings this instance has on top of (or instead of) the sibling's.</param>
    protected BroadsheetApp(BroadsheetApp sibling, params KeyValuePair<string, string>[] overrides)
    {
        database = sibling.database;
        Folder = sibling.Folder;
        inheritedSettings = [.. sibling.Settings, .. overrides];
        UseKestrel(port);
    }

    public static async Task<BroadsheetApp> SiblingOfAsync(BroadsheetApp app, params KeyValuePair<string, string>[] overrides)
    {
        var sibling = new BroadsheetApp(app, overrides);
        await sibling.InitializeAsync();
        return sibling;
    }

    /// <summary>This app's own folder: its mail (<see cref="Mailbox"/>) and Data Protection keys live here.</summary>
    public string Folder { get; }

    public Mailbox Mailbox => new(Path.Combine(Folder, "mail"), UndeliveredMail);

    /// <summary>Outbox rows still to be sent or retried; synchronous, as the mailbox's readers are.</summary>
    public int UndeliveredMail()
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<BroadsheetDb>().OutboxMails.Count(m => m.SentAt == null && m.FailedAt == null);
    }

    /// <summary>Media:Directory: the app's pictures, in its own folder (never the source tree's data/media).</summary>
    public string MediaFolder => Path.Combine(Folder, "media");

    /// <summary>Everything the app logged under Broadsheet.*, Information and up.</summary>
    public TestLogs Logs { get; } = new();

    /// <summary>Extra configuration for a fixture that needs it (set before the server starts).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    /// <summary>
    /// True: the app starts on an empty database and migrates it itself, as a first start does.
    /// Otherwise it starts on a copy of one the app's `migrate` made (<see cref="TestDatabase.CreateMigratedAsync"/>).
    /// </summary>
    protected virtual bool StartsOnEmptyDatabase => false;

    /// <summary>True: the page cache keeps the lifetime the app ships with, not the tests' 60 s.</summary>
    protected virtual bool ShippedPageLifetime => false;

    public string ConnectionString => database.ConnectionString;

    public Uri Address
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    public virtual async Task InitializeAsync()
    {
        if (ownsDatabase) await (StartsOnEmptyDatabase ? database.CreateAsync() : database.CreateMigratedAsync());
        StartServer();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!ownsDatabase) return;
        await database.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("ConnectionStrings:Broadsheet", database.ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Email:Directory", Path.Combine(Folder, "mail"));
        // Mail goes through the outbox; a short poll keeps tests that read the mailbox quick.
        builder.UseSetting("Email:Outbox:PollSeconds", "0.2");
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(Folder, "keys"));
        builder.UseSetting("Media:Directory", MediaFolder);
        builder.UseSetting("Accounts:AnnounceSetup", "false");
        builder.UseSetting("Site:BaseUrl", $"http://127.0.0.1:{port}");
        // Tests that say "served from the cache until content changes" need a lifetime longer than a
        // test takes; the shipped one-second lifetime has its own tests (LiveCountsTests).
        if (!ShippedPageLifetime) builder.UseSetting("Caching:PageSeconds", "60");
        // Rate limits have their own tests; elsewhere every request comes from 127.0.0.1.
        foreach (var policy in new[] { "sign-in", "sign-up", "reset", "sign-in-link", "vote", "vote-user", "comment", "comment-user", "api", "api-auth", "subscribe" })
            builder.UseSetting($"RateLimits:{policy}:Permits", "100000");
        builder.ConfigureLogging(l => l.AddProvider(Logs).AddFilter<TestLogs>("Broadsheet", LogLevel.Information));
        foreach (var (key, value) in inheritedSettings ?? Settings) builder.UseSetting(key, value);
    }

    /// <summary>A reader with their own cookies (Secure ones too, as a browser on localhost keeps them).</summary>
    public ReaderSession Reader() => new(this);

    /// <summary>A client that does not follow redirects, so tests see what the server said.</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Address };

    /// <summary>Runs work against the app's own database, in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<BroadsheetDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BroadsheetDb>());
    }

    public Task WithDbAsync(Func<BroadsheetDb, Task> work) => WithDbAsync(async db => { await work(db); return true; });

    public async Task<(HttpResponseMessage Response, IDocument Page)> GetPageAsync(string path)
    {
        using var client = Client();
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(new Uri(Address, path)));
        return (response, page);
    }
}
