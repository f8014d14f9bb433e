using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Demo;
using Broadsheet.Layout;
using Broadsheet.Media;
using Broadsheet.Accounts;
using Broadsheet.Api;
using Broadsheet.Articles;
using Broadsheet.Feeds;
using Broadsheet.Live;
using Broadsheet.Newsroom;
using Broadsheet.Pages;
using Broadsheet.Search;
using Broadsheet.Shared;
using Broadsheet.Views;
using Broadsheet.Votes;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using System.Net;

namespace Broadsheet.Host;

/// <summary>
/// The request pipeline, one comment per middleware in the order a request meets them, then the
/// endpoints every feature maps; and the site shell's services (Razor Pages, origin, proxies).
/// </summary>
public static class Pipeline
{
    public static IServiceCollection AddSite(this IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        // Pages live in their feature folders (Articles/, Search/...), not in a Pages/ folder.
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            o.Conventions.ConfigureFilter(new PageHandlers());
        })
        // No controllers here (Architecture tests hold it): without this, building the action
        // descriptors at start reads every type of the app's assembly looking for one (issue 15).
        .ConfigureApplicationPartManager(parts => parts.FeatureProviders.Remove(
            parts.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().Single()));
        services.Configure<SiteOptions>(config.GetSection("Site"));
        AddOrigin(services, config, environment);
        services.AddMemoryCache();
        services.AddSingleton<CompressedAssets>();
        services.AddSingleton<Navigation>();
        services.AddSingleton<Caching.IContentCopy>(sp => sp.GetRequiredService<Navigation>());
        services.AddSingleton(TimeProvider.System);
        services.AddPageCache(config);
        services.AddScoped<IPageHole, AccountHole>();
        services.AddExceptionHandler<DatabaseOutage>();
        services.AddExceptionHandler<ClientFaults>();
        services.Configure<ForwardedHeadersOptions>(o => TrustProxies(o, config));
        // The same header nginx sends (deploy/nginx): a year, subdomains too. It hides this copy when it is in front.
        services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
        // The server's name and version tell an attacker which exploits to try, and nothing to a reader.
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        return services;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        // First, so the client address and scheme every later step sees are the real ones (from trusted proxies only).
        app.UseForwardedHeaders();
        // After the forwarded scheme is known: a request that reached the proxy over HTTPS counts as HTTPS.
        // The middleware only ever sends the header on HTTPS; Development keeps plain http://localhost usable.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // A readable error page instead of a stack trace; an outage is logged once, briefly, by DatabaseOutage.
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            // An outage (DatabaseOutage) or a client's bad request (ClientFaults) is logged there, briefly; not as an error with a stack.
            SuppressDiagnosticsCallback = c => DatabaseUnavailable.Is(c.Exception) || ClientFaults.StatusFor(c.Exception) is not null,
        });
        // Every bare 4xx/5xx gets the site's own page for that status.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        Redirects.UseRedirects(app); // inside the 404 page's re-execute: an unknown old path still gets it
        // CSP, nosniff, no framing: on every response, error pages and files included.
        app.UseSecurityHeaders();
        // Live stories' event streams (SSE), held open for hours: served here, so a held stream keeps
        // none of the per-request state of what follows (auth, routing, output cache); never compressed.
        app.UseLiveStreams();
        // Before the files and pages, so both are compressed.
        app.UseResponseCompression();
        // Our stylesheets and scripts at Brotli's smallest, made once (the middleware above is at its fastest).
        app.Use(app.Services.GetRequiredService<CompressedAssets>().InvokeAsync);
        app.UseStaticFiles(new StaticFileOptions
        {
            // asp-append-version adds ?v=hash, so a versioned asset can be cached for good.
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = CompressedAssets.CacheControlFor(ctx.Context.Request),
        });
        // Uploaded pictures, served as files before any page work.
        app.UseMedia();
        // A new site's first start: pages say "being prepared" (503) until the demo is written; /health and files answer.
        app.UseDemoPreparation();
        // WordPress's /?page_id=N and /?attachment_id=N, imported as redirects, before the home page answers them.
        app.UseWordPressQueryLinks();
        // After the files: only what the app renders can differ for htmx, and the cached copies below carry it too.
        app.UseHtmxVary();
        app.UseRouting();
        // Every cookie set after this is Secure like the sign-in cookie (AccountServices.CookieSecurity), the antiforgery one included.
        app.UseCookiePolicy();
        // Before the output cache: it must know who is signed in, and never caches their pages.
        app.UseAuthentication();
        // Roles and policies, declared on each page and endpoint.
        app.UseAuthorization();
        // Every form POST and every minimal-API form endpoint checks its token.
        app.UseAntiforgery();
        app.UseViewCounting(); // before the cache, so cached pages are counted too
        // A signed-in reader of a shared page goes on as nobody, and their own parts are spliced into the shared copy on the way out.
        app.UseHoleSplicing();
        // Last: serves the pages rendered in the last Caching:PageSeconds (to everybody, for shared pages).
        app.UseOutputCache();
        return app;
    }

    /// <summary>Endpoints, most specific first; Razor Pages from the feature folders last.</summary>
    public static WebApplication MapEndpoints(this WebApplication app)
    {
        app.MapOperations();        // /health
        app.MapSearchFragments();   // htmx search suggestions
        app.MapAccountExport();     // a reader's data as JSON
        app.MapVotes();             // article votes, and the live vote widget
        app.MapLive();              // live stories' event streams (SSE)
        app.MapApi();               // /api/v1 with keys
        app.MapFeeds();             // RSS, Atom, sitemaps, robots.txt
        app.MapNewsroom();          // editor endpoints (autosave, previews)
        app.MapPages();             // /sitemaps/pages.xml (the page API is under MapApi's group)
        app.MapRazorPages();        // every page, from its feature folder
        return app;
    }

    /// <summary>
    /// Absolute links come from <see cref="SiteOrigin"/>, never from a request. Outside Development
    /// a missing or malformed Site:BaseUrl stops the start, naming the setting; and unless
    /// AllowedHosts is set, only the configured host (and loopback) is answered.
    /// </summary>
    private static void AddOrigin(IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        services.AddSingleton<SiteOrigin>();
        services.AddOptions<SiteOptions>()
            .Validate(o => environment.IsDevelopment() && string.IsNullOrWhiteSpace(o.BaseUrl) || SiteOrigin.Problem(o.BaseUrl) is null,
                SiteOrigin.Problem(config["Site:BaseUrl"]) ?? "Site:BaseUrl is not a usable origin.")
            .ValidateOnStart();
        var baseUrl = config["Site:BaseUrl"];
        var allowed = config["AllowedHosts"];
        // The framework reads AllowedHosts in a PostConfigure that keeps a list already set here.
        if ((string.IsNullOrWhiteSpace(allowed) || allowed == "*") && SiteOrigin.Problem(baseUrl) is null)
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = SiteOrigin.AllowedHosts(baseUrl!));
    }

    /// <summary>
    /// Only proxies named in Proxy:Trusted (IPs or CIDR networks) may set X-Forwarded-For,
    /// so rate limits and view counts key on the real client, not on a spoofed header.
    /// Loopback is trusted by default, for nginx on the same box. X-Forwarded-Host is never
    /// read: nothing the app writes depends on the host a request names.
    /// </summary>
    private static void TrustProxies(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var entry in config.GetSection("Proxy:Trusted").Get<string[]>() ?? [])
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network)) o.KnownIPNetworks.Add(network);
            else if (IPAddress.TryParse(entry, out var ip)) o.KnownProxies.Add(ip);
            else throw new InvalidOperationException($"Proxy:Trusted entry '{entry}' is neither an IP address nor a CIDR network.");
        }
    }
}
