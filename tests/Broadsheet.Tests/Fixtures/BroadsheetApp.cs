using AngleSharp;
using AngleSharp.Dom;
using Broadsheet.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// The real app on a real loopback port (Kestrel), in Production mode, over its own
/// database. One per test class; tests in a class make their own uniquely named data.
/// </summary>
public class BroadsheetApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public BroadsheetApp() => UseKestrel(0);

    /// <summary>Extra configuration for a fixture that needs it (set before the server starts).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

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
        await database.CreateAsync();
        StartServer();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("ConnectionStrings:Broadsheet", database.ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

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
