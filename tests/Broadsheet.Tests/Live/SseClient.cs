using System.Net.Http.Headers;
using System.Text;

namespace Broadsheet.Tests.Live;

/// <summary>One Server-Sent Event as a browser's EventSource would see it.</summary>
public sealed record SseEvent(string? Id, string Type, string Data);

/// <summary>
/// A minimal EventSource for tests: opens /live/{id}/events (optionally with Last-Event-ID) and
/// reads events one by one; comment lines (heartbeats) are skipped, as a browser does.
/// </summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private SseClient(HttpClient http, HttpResponseMessage response, StreamReader reader) =>
        (this.http, this.response, this.reader) = (http, response, reader);

    public HttpResponseMessage Response => response;

    public static async Task<SseClient> OpenAsync(Uri baseAddress, string path, string? lastEventId = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        return new SseClient(http, response, reader);
    }

    /// <summary>The next event; throws when none comes before <paramref name="within"/> (a bound for a stuck test, not a timing assertion).</summary>
    public async Task<SseEvent> NextAsync(TimeSpan? within = null)
    {
        using var cts = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        string? id = null, type = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(cts.Token) ?? throw new EndOfStreamException("The stream ended.");
            if (line.Length == 0)
            {
                if (type is null && data.Length == 0) continue;
                return new SseEvent(id, type ?? "message", data.ToString());
            }
            if (line.StartsWith(':')) continue;
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
            }
        }
    }

    /// <summary>Events until one of <paramref name="type"/> (the others are returned too, in order).</summary>
    public async Task<List<SseEvent>> UntilAsync(Func<SseEvent, bool> last)
    {
        var seen = new List<SseEvent>();
        while (true)
        {
            var e = await NextAsync();
            if (e.Type == "retry") continue;
            seen.Add(e);
            if (last(e)) return seen;
        }
    }

    public async ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        http.Dispose();
        await Task.CompletedTask;
    }
}
