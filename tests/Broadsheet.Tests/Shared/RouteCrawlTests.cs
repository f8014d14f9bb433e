using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Text;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Shared;

/// <summary>
/// Walks every endpoint in the app's own route table, so a route added tomorrow is crawled
/// without anyone listing it here. Each is asked with real values (a live slug, a comment's
/// id) and hostile ones (non-ASCII, %00, bad UTF-8, ../, overlong, deeply nested Markdown),
/// with every method, with and without an antiforgery token, with a handler that does not
/// exist, as a stranger and as an admin. Whatever the answer, it must not be a 5xx: a bad
/// request is the client's fault and must be told so. Comments post at once here (no
/// time-to-submit wait), so deep Markdown in a comment gets as far as the parser.
/// </summary>
[Trait("Category", "Integration")]
[LongRunning(55)]
public sealed class RouteCrawlTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    [Fact]
    public async Task No_route_answers_any_method_or_hostile_value_with_a_server_error()
    {
        var world = await CrawlWorld.MakeAsync(app);
        var routes = Routes();
        routes.Count.ShouldBeGreaterThan(50, "the crawl should see the whole route table");
        var failures = new ConcurrentQueue<string>();

        using (var stranger = app.Reader())
            await CrawlAsync(stranger, "anonymous", await TokenAsync(stranger, "/account/sign-in"), routes, world, failures);
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using (admin)
            await CrawlAsync(admin, "admin", await TokenAsync(admin, "/account"), routes, world, failures);

        failures.ShouldBeEmpty($"{failures.Count} requests got a server error:\n{string.Join("\n", failures.Order(StringComparer.Ordinal))}");
    }

    /// <summary>Every route pattern the app answers, once each, from the same data source routing matches against.</summary>
    private List<RoutePattern> Routes() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern)
            .DistinctBy(p => p.RawText)];

    private static async Task<string> TokenAsync(ReaderSession session, string page)
    {
        var (_, document) = await session.GetPageAsync(page);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException($"{page} has no antiforgery token.");
    }

    private static async Task CrawlAsync(ReaderSession session, string who, string token, List<RoutePattern> routes,
        CrawlWorld world, ConcurrentQueue<string> failures)
    {
        var probes = routes.SelectMany(r => Probes(r, world, token)).ToList();
        // Signing out ends the session the rest of the crawl rides on: those go last.
        var (last, first) = probes.ToLookup(p => p.Path.StartsWith("/account/sign-out", StringComparison.Ordinal)) is var split
            ? (split[true].ToList(), split[false].ToList()) : default;
        await Parallel.ForEachAsync(first, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (probe, _) => await SendAsync(session, who, probe, failures));
        foreach (var probe in last) await SendAsync(session, who, probe, failures);
    }

    private static async Task SendAsync(ReaderSession session, string who, Probe probe, ConcurrentQueue<string> failures)
    {
        using var request = probe.Request();
        try
        {
            using var response = await session.Http.SendAsync(request);
            if ((int)response.StatusCode >= 500) failures.Enqueue($"{probe} as {who} -> {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            failures.Enqueue($"{probe} as {who} -> no response ({e.Message})");
        }
    }

    private static IEnumerable<Probe> Probes(RoutePattern route, CrawlWorld world, string token)
    {
        var real = Fill(route, world, null);
        foreach (var method in new[] { "GET", "HEAD", "TRACE", "OPTIONS" }) yield return new(method, real);
        yield return new("GET", real) { Htmx = true };
        yield return new("POST", real) { Form = [] };
        foreach (var method in new[] { "POST", "PUT", "DELETE", "PATCH" }) yield return new(method, real) { Form = Token(token) };
        foreach (var deep in Hostile.DeepMarkdown) yield return new("POST", real) { Form = Token(token, Hostile.DeepForm(deep, world)) };
        yield return new("POST", real) { Form = Token(token, Hostile.JunkForm) };
        yield return new("POST", real) { Raw = Hostile.BrokenMultipart, Token = token };
        yield return new("POST", real) { Raw = Hostile.BadlyEncodedForm(token) };
        yield return new("GET", real + "?handler=Nope");
        yield return new("POST", real + "?handler=Nope") { Form = Token(token) };
        yield return new("GET", real + Hostile.Query);
        yield return new("POST", real + Hostile.Query) { Form = Token(token) };
        foreach (var parameter in route.Parameters)
            foreach (var value in Hostile.PathValues)
            {
                var path = Fill(route, world, (parameter.Name, value));
                yield return new("GET", path);
                yield return new("POST", path) { Form = Token(token, Hostile.JunkForm) };
            }
    }

    private static Dictionary<string, string> Token(string token, Dictionary<string, string>? fields = null) =>
        new(fields ?? []) { ["__RequestVerificationToken"] = token };

    /// <summary>The route's path with each parameter given a real value, or <paramref name="hostile"/> for one of them.</summary>
    private static string Fill(RoutePattern route, CrawlWorld world, (string Name, string Value)? hostile)
    {
        var path = new StringBuilder();
        foreach (var segment in route.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart p when hostile is { } h && h.Name == p.Name => h.Value,
                    RoutePatternParameterPart p => world.ValueFor(route.RawText ?? "", p.Name),
                    _ => "",
                });
        }
        return path.Length == 0 ? "/" : path.ToString();
    }
}

/// <summary>One request of the crawl, named the way it appears in a failure list.</summary>
internal sealed record Probe(string Method, string Path)
{
    public bool Htmx { get; init; }
    public Dictionary<string, string>? Form { get; init; }
    public string? Raw { get; init; }
    public string? Token { get; init; }

    public HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Htmx) request.Headers.Add("HX-Request", "true");
        if (Token is not null) request.Headers.Add("RequestVerificationToken", Token);
        if (Form is not null) request.Content = new FormUrlEncodedContent(Form);
        if (Raw is not null)
        {
            var (type, body) = Raw.Split('\n', 2) is [var t, var b] ? (t, b) : (Raw, "");
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }
        return request;
    }

    public override string ToString()
    {
        var shown = Path.Length > 120 ? $"{Path[..120]}…({Path.Length} chars)" : Path;
        var what = Raw is not null ? $" [{Raw.Split('\n')[0]}]"
            : Form is null ? "" : Form.ContainsKey("__RequestVerificationToken") ? $" [token, {Form.Count - 1} fields]" : " [no token]";
        return $"{Method} {shown}{(Htmx ? " (htmx)" : "")}{what}";
    }
}
