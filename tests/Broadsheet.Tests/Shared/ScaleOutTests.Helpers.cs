using Broadsheet.Articles;
using AngleSharp.Dom;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Shared;

/// <summary>How the scale-out tests act as readers through nginx and read what happened.</summary>
public sealed partial class ScaleOutTests
{
    private static string ThreadPath(string slug) => $"/articles/{slug}/comments";

    /// <summary>A browser as bench/readers.lua makes one: a real-looking User-Agent, distinct per reader, never a bot's.</summary>
    private static string Browser(int reader) =>
        $"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 Reader/{reader}";

    private async Task<(ReaderSession Reader, User User)> SignedInReaderAsync(string role = Roles.Reader)
    {
        var user = await cluster.Data.UserAsync(role);
        var reader = cluster.Reader();
        var (response, _) = await reader.SignInAsync(user.Email!);
        ((int)response.StatusCode).ShouldBe(302, cluster.Diagnostics());
        return (reader, user);
    }

    /// <summary>An anonymous reader's view of <paramref name="path"/> in browser number <paramref name="reader"/>.</summary>
    private static async Task<HttpResponseMessage> ViewAsync(ReaderSession session, string path, int reader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("User-Agent", Browser(reader));
        var response = await session.Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>The hidden fields and token of the form posting to <paramref name="action"/> on <paramref name="page"/>, to post as often as a test likes.</summary>
    private static async Task<Dictionary<string, string>> FormFieldsAsync(ReaderSession reader, string page, string action)
    {
        var (_, html) = await reader.GetPageAsync(page);
        var form = html.QuerySelectorAll("form").FirstOrDefault(f => (f.GetAttribute("action") ?? "").Split('?')[0] == action)
            ?? throw new Xunit.Sdk.XunitException($"No form posting to {action} on {page}.");
        return form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    /// <summary>The signed-in reader's vote form token, from the live counters fragment.</summary>
    private static async Task<Dictionary<string, string>> VoteTokenAsync(ReaderSession reader, string slug) =>
        new() { ["__RequestVerificationToken"] = await reader.VoteTokenAsync(slug) };

    private static async Task<Dictionary<string, string>> CommentFormAsync(ReaderSession reader, string slug, string body)
    {
        var fields = await FormFieldsAsync(reader, ThreadPath(slug), ThreadPath(slug));
        fields["body"] = body;
        return fields;
    }

    /// <summary>Fails unless nginx sent these requests to both instances.</summary>
    private void ServedByBoth(IEnumerable<AccessLogLine> lines)
    {
        var list = lines.ToList();
        list.Select(l => l.ServedBy).Distinct().ShouldBe([cluster.A.Upstream, cluster.B.Upstream], ignoreOrder: true,
            $"nginx should have sent these requests to both instances (A {cluster.A.Upstream}, B {cluster.B.Upstream})\n{Explain(list)}");
    }

    /// <summary>The requests as nginx logged them, and what the processes said: a failure message.</summary>
    private string Explain(IEnumerable<AccessLogLine> lines) =>
        string.Join('\n', lines.Select(l => $"{l.Method} {l.Target} {l.Status} via {string.Join(", ", l.Upstreams)}")) + "\n" + cluster.Diagnostics();

    /// <summary>Gets <paramref name="path"/> through nginx until each instance has answered it once, checking every answer.</summary>
    private async Task FromBothAsync(ReaderSession reader, string path, Action<IDocument> check)
    {
        var answered = new HashSet<string>();
        for (var i = 0; i < 6 && answered.Count < 2; i++)
        {
            var (response, page) = await reader.GetPageAsync(path);
            ((int)response.StatusCode).ShouldBe(200);
            check(page);
            answered.Add((await cluster.LogAsync(reader)).Last(l => l.Target == path).ServedBy!);
        }
        answered.Count.ShouldBe(2, $"both instances should have answered {path}\n{Explain(await cluster.LogAsync(reader))}");
    }

    private Task<long> ViewCountAsync(int articleId) =>
        cluster.Data.WithDbAsync(db => db.Articles.Where(a => a.Id == articleId).Select(a => a.ViewCount).SingleAsync());

    /// <summary>Reads the stored count until it reaches <paramref name="expected"/> or 5 seconds pass (the flush runs every 500 ms).</summary>
    private async Task<long> ViewCountSettledAsync(int articleId, long expected)
    {
        var count = await ViewCountAsync(articleId);
        for (var i = 0; i < 50 && count < expected; i++)
        {
            await Task.Delay(100);
            count = await ViewCountAsync(articleId);
        }
        return count;
    }
}
