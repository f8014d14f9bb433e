using System.Net;
using System.Text.RegularExpressions;

namespace Broadsheet.Bench.LiveReaders;

/// <summary>
/// The editor of the run: signs in with a password through the sign-in form, then works the
/// composer (/newsroom/live/{id}) with plain form POSTs, as a person without JavaScript would.
/// Cookies are kept by hand: the auth cookie is __Host- (Secure), which .NET's CookieContainer
/// will not send over http.
/// </summary>
public sealed partial class Editor(Uri address) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    public async Task SignInAsync(string email, string password)
    {
        var form = (await FormAsync("/account/sign-in", "/account/sign-in"))!;
        form["Input.Email"] = email;
        form["Input.Password"] = password;
        var (status, body, _) = await SendAsync(HttpMethod.Post, "/account/sign-in", form);
        if (status != HttpStatusCode.Redirect || !cookies.ContainsKey("__Host-broadsheet"))
            throw new InvalidOperationException($"sign-in refused ({(int)status}): {Trim(body)}");
    }

    /// <summary>Makes the story live (a no-op when it already is) and returns its position, the sequence readers start after.</summary>
    public async Task<long> StartAsync(int storyId, string slug)
    {
        var composer = $"/newsroom/live/{storyId}";
        var form = await FormAsync(composer, composer, "handler=start");
        if (form is not null)
        {
            var (status, body, _) = await SendAsync(HttpMethod.Post, $"{composer}?handler=start", form);
            if (status != HttpStatusCode.Redirect) throw new InvalidOperationException($"start refused ({(int)status}): {Trim(body)}");
        }
        var (_, page, _) = await SendAsync(HttpMethod.Get, $"/articles/{slug}", null);
        var m = StreamAfter().Match(page);
        if (!m.Success) throw new InvalidOperationException("the story page has no live stream marker");
        return long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts one entry through the composer; true once it was accepted (the composer's redirect).</summary>
    public async Task<bool> PostAsync(int storyId, string body)
    {
        var composer = $"/newsroom/live/{storyId}";
        token ??= (await FormAsync(composer, composer, "handler=add"))!;
        var form = new Dictionary<string, string>(token) { ["Body"] = body };
        var (status, _, _) = await SendAsync(HttpMethod.Post, $"{composer}?handler=add", form);
        return status == HttpStatusCode.Redirect;
    }

    private Dictionary<string, string>? token;

    private async Task<Dictionary<string, string>?> FormAsync(string page, string action, string? handler = null)
    {
        var (status, body, _) = await SendAsync(HttpMethod.Get, page, null);
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"GET {page} answered {(int)status}");
        foreach (Match form in Form().Matches(body))
        {
            var target = WebUtility.HtmlDecode(Attr(form.Groups[1].Value, "action") ?? "");
            if (target.Split('?')[0] != action || (handler is not null && !target.Contains(handler, StringComparison.Ordinal))) continue;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in Input().Matches(form.Groups[2].Value))
                if (string.Equals(Attr(input.Value, "type"), "hidden", StringComparison.OrdinalIgnoreCase) && Attr(input.Value, "name") is { } name)
                    fields[WebUtility.HtmlDecode(name)] = WebUtility.HtmlDecode(Attr(input.Value, "value") ?? "");
            return fields;
        }
        return handler is null ? throw new InvalidOperationException($"no form posting to {action} on {page}") : null;
    }

    private async Task<(HttpStatusCode Status, string Body, string? Location)> SendAsync(HttpMethod method, string path, Dictionary<string, string>? form)
    {
        using var request = new HttpRequestMessage(method, path);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var header in set)
            {
                var pair = header.Split(';', 2)[0];
                var eq = pair.IndexOf('=');
                if (eq <= 0) continue;
                var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) cookies.Remove(name);
                else cookies[name] = value;
            }
        return (response.StatusCode, body, response.Headers.Location?.OriginalString);
    }

    private static string Trim(string s) => s.Length <= 300 ? s : s[..300];

    private static string? Attr(string tag, string name) =>
        Regex.Match(tag, $@"\s{name}=""([^""]*)""", RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"<form\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    [GeneratedRegex(@"data-live-stream=""/live/\d+/events\?after=(\d+)""")]
    private static partial Regex StreamAfter();

    public void Dispose() => http.Dispose();
}
