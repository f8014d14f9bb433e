using Broadsheet.Api;
using Broadsheet.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Broadsheet.Tests.Api;

/// <summary>The app with one CORS origin allowed (BroadsheetApp lifts the API's limits, as it does every limit).</summary>
public class ApiApp : BroadsheetApp
{
    public const string AllowedOrigin = "https://static.example.test";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Api:Cors:Origins:0", AllowedOrigin),
    ];
}

/// <summary>Two requests per key and two failed ones per address in a window, so the third is refused.</summary>
public sealed class TightApiApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new($"RateLimits:{ApiKeyFilter.KeyPolicy}:Permits", "2"),
        new($"RateLimits:{ApiKeyFilter.FailurePolicy}:Permits", "2"),
        new($"RateLimits:{ApiKeyFilter.KeyPolicy}:WindowSeconds", "3600"),
        new($"RateLimits:{ApiKeyFilter.FailurePolicy}:WindowSeconds", "3600"),
    ];
}

public static class ApiClient
{
    /// <summary>A fresh key made the way the newsroom page makes one (no creator account).</summary>
    public static async Task<string> ApiKeyAsync(this BroadsheetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync($"Test {Guid.NewGuid():N}"[..13], null, default);
    }

    /// <summary>A client that sends this key as a Bearer token on every request.</summary>
    public static HttpClient KeyedClient(this BroadsheetApp app, string key)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static string ContentType(this HttpResponseMessage r) => r.Content.Headers.ContentType?.MediaType ?? "";

    public static string[] Slugs(this JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToArray();

    /// <summary>Asserts a problem+json answer with this status and returns its detail.</summary>
    public static string ShouldBeProblem(this (HttpResponseMessage Response, JsonElement Json) answer, int status)
    {
        ((int)answer.Response.StatusCode).ShouldBe(status);
        answer.Response.ContentType().ShouldBe("application/problem+json");
        answer.Json.GetProperty("status").GetInt32().ShouldBe(status);
        return answer.Json.GetProperty("detail").GetString()!;
    }
}
