using System.Globalization;
using System.Net.Http.Headers;

namespace Broadsheet.Bench.LiveReaders;

/// <summary>
/// One reader's EventSource: follows /live/{id}/events from the story's position at the start,
/// notes each "added" entry of the run with its delivery latency, and like a browser reconnects
/// with Last-Event-ID when its connection drops (counted: the app drops readers that fall behind).
/// </summary>
public sealed class Reader(int index, int story, long after)
{
    private const string Marker = "Bench entry ";
    private HttpResponseMessage? response;
    private string lastId = after.ToString(CultureInfo.InvariantCulture);

    public int Index { get; } = index;
    public bool Connected { get; private set; }
    public HashSet<int> Seen { get; } = [];
    public List<int> Latencies { get; } = new(64);
    public int Duplicates { get; private set; }
    public int Reconnects { get; private set; }

    public async Task ConnectAsync(HttpClient http, CancellationToken stop)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var request = new HttpRequestMessage(HttpMethod.Get, $"/live/{story}/events");
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                request.Headers.Add("Last-Event-ID", lastId);
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                if (!response.IsSuccessStatusCode) throw new HttpRequestException($"reader {Index}: the stream answered {(int)response.StatusCode}");
                Connected = true;
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException && attempt < 20 && !stop.IsCancellationRequested)
            {
                await Task.Delay(200 * attempt, stop);
            }
        }
    }

    public async Task ReadAsync(HttpClient http, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using (response)
                {
                    using var reader = new StreamReader(await response!.Content.ReadAsStreamAsync(stop), bufferSize: 1024);
                    await EventsAsync(reader, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e) when (e is HttpRequestException or IOException) { }
            if (stop.IsCancellationRequested) return;
            Reconnects++;
            try { await ConnectAsync(http, stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task EventsAsync(StreamReader reader, CancellationToken stop)
    {
        string? id = null, type = null, data = null;
        while (await reader.ReadLineAsync(stop) is { } line)
        {
            if (line.Length == 0)
            {
                if (type == "added" && data is not null) Arrived(data);
                if (id is not null) lastId = id;
                (id, type, data) = (null, null, null);
                continue;
            }
            if (line[0] == ':') continue;
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
        }
    }

    /// <summary>"Bench entry K posted T": K is the entry's number in the run, T when the editor posted it (Unix ms).</summary>
    private void Arrived(string data)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var at = data.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) return;
        var span = data.AsSpan(at + Marker.Length);
        var space = span.IndexOf(' ');
        if (space <= 0 || !int.TryParse(span[..space], CultureInfo.InvariantCulture, out var k)) return;
        span = span[(space + " posted ".Length)..];
        var end = 0;
        while (end < span.Length && char.IsAsciiDigit(span[end])) end++;
        if (!long.TryParse(span[..end], CultureInfo.InvariantCulture, out var posted)) return;
        if (!Seen.Add(k)) { Duplicates++; return; }
        Latencies.Add((int)(now - posted));
    }
}
