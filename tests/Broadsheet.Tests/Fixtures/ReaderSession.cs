using AngleSharp;
using AngleSharp.Dom;
using Microsoft.Net.Http.Headers;
using System.Net;
using System.Net.Sockets;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// One reader's browser, minus the rendering: keeps cookies (including Secure ones, which a
/// browser keeps for localhost but .NET's CookieContainer will not send over http), and posts
/// forms the way the page would, with the antiforgery token read from the form itself.
/// </summary>
public sealed class ReaderSession : IDisposable
{
    private readonly Uri address;
    private readonly HttpClient client;

    public ReaderSession(BroadsheetApp app) : this(app.Address) { }

    /// <summary>
    /// A session against any running instance, e.g. the app started as its own process. Given
    /// <paramref name="from"/> (a loopback address such as 127.1.0.7), it connects from that
    /// address, so behind a proxy each reader is a client of its own for rate limits and views.
    /// </summary>
    public ReaderSession(Uri address, IPAddress? from = null)
    {
        this.address = address;
        From = from;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        if (from is not null) handler.ConnectCallback = (context, ct) => ConnectFromAsync(from, context.DnsEndPoint, ct);
        client = new HttpClient(new CookieJar(Cookies, this) { InnerHandler = handler }) { BaseAddress = address };
    }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress from, DnsEndPoint to, CancellationToken ct)
    {
        var socket = new Socket(from.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(to, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The loopback address this session connects from, when it was given one.</summary>
    public IPAddress? From { get; }

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>This browser, cookies and all, talking to another instance (a restart, a restored copy).</summary>
    public ReaderSession SameBrowserOn(Uri other)
    {
        var session = new ReaderSession(other, From);
        foreach (var (name, value) in Cookies) session.Cookies[name] = value;
        return session;
    }

    public HttpClient Http => client;

    public async Task<(HttpResponseMessage Response, IDocument Page)> GetPageAsync(string path, bool htmx = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (htmx) request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        return (response, await ParseAsync(response, path));
    }

    /// <summary>
    /// Opens <paramref name="pagePath"/>, finds the form posting to <paramref name="action"/>, fills in
    /// its hidden fields and token plus <paramref name="fields"/>, and submits it.
    /// </summary>
    public async Task<(HttpResponseMessage Response, IDocument Page)> SubmitAsync(string pagePath, string action,
        IDictionary<string, string> fields, bool htmx = false)
    {
        var (_, page) = await GetPageAsync(pagePath);
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => (f.GetAttribute("action") ?? "").Split('?')[0] == action.Split('?')[0])
            ?? throw new Xunit.Sdk.XunitException($"No form posting to {action} on {pagePath}.");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (k, v) in fields) values[k] = v;
        return await PostAsync(form.GetAttribute("action")!, values, htmx);
    }

    /// <summary>Posts exactly these fields, token or not.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(string action, IDictionary<string, string> fields, bool htmx = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        if (htmx) request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        return (response, await ParseAsync(response, action));
    }

    private async Task<IDocument> ParseAsync(HttpResponseMessage response, string path)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(new Uri(address, path)));
    }

    public void Dispose() => client.Dispose();

    /// <summary>Requests answered so far, to match against a proxy's log.</summary>
    public int Answered => answered;

    private int answered;

    private sealed class CookieJar(Dictionary<string, string> jar, ReaderSession session) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            try { return await SendWithCookiesAsync(request, ct); }
            finally { Interlocked.Increment(ref session.answered); }
        }

        private async Task<HttpResponseMessage> SendWithCookiesAsync(HttpRequestMessage request, CancellationToken ct)
        {
            lock (jar)
                if (jar.Count > 0) request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
                lock (jar)
                    foreach (var header in setCookies)
                    {
                        if (!SetCookieHeaderValue.TryParse(header, out var c)) continue;
                        var expired = c.Expires is { } e && e < DateTimeOffset.UtcNow || c.MaxAge is { } m && m <= TimeSpan.Zero;
                        if (expired || c.Value.Length == 0) jar.Remove(c.Name.ToString());
                        else jar[c.Name.ToString()] = c.Value.ToString();
                    }
            return response;
        }
    }
}
