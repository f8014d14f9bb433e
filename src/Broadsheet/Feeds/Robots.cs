using Broadsheet.Shared;
using Microsoft.Extensions.Options;
using System.Text;

namespace Broadsheet.Feeds;

/// <summary>
/// The "Robots" configuration section. Disallow replaces the default list when set (an empty
/// value, e.g. Robots__Disallow= , disallows nothing); Extra lines are appended as written.
/// </summary>
public sealed record RobotsOptions(IReadOnlyList<string> Disallow, IReadOnlyList<string> Extra)
{
    /// <summary>Pages that are personal, for staff, or endless (every query is a new URL).</summary>
    public static readonly string[] DefaultDisallow = ["/account/", "/newsroom/", "/search"];

    public static RobotsOptions From(IConfiguration config)
    {
        var disallow = config.GetSection("Robots:Disallow");
        return new(
            disallow.Exists() ? Lines(disallow) : DefaultDisallow,
            Lines(config.GetSection("Robots:Extra")));
    }

    // A list binds as children (Robots:Disallow:0); a single value is taken as one line.
    private static string[] Lines(IConfigurationSection section) =>
        [.. (section.GetChildren().Any() ? section.GetChildren().Select(c => c.Value) : [section.Value])
            .Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())];
}

public static class Robots
{
    public static string Compose(RobotsOptions options, string baseUrl)
    {
        var text = new StringBuilder("User-agent: *\n");
        foreach (var path in options.Disallow) text.Append("Disallow: ").Append(path).Append('\n');
        if (options.Disallow.Count == 0) text.Append("Disallow:\n"); // a group needs a rule; empty allows all
        text.Append('\n');
        text.Append("Sitemap: ").Append(baseUrl).Append("/sitemap.xml\n");
        text.Append("Sitemap: ").Append(baseUrl).Append("/news-sitemap.xml\n");
        if (options.Extra.Count > 0) text.Append('\n').AppendJoin('\n', options.Extra).Append('\n');
        return text.ToString();
    }

    public static IResult Serve(RobotsOptions options, SiteOrigin origin) =>
        Results.Text(Compose(options, origin.Value), "text/plain; charset=utf-8");
}
