using Broadsheet.Accounts;
using Broadsheet.Shared;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Newsroom.Articles;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Shared;

public sealed class SiteOriginRulesTests
{
    [Theory]
    [InlineData("https://news.example.org", "http://127.0.0.1:5080", "https://news.example.org")]
    [InlineData(" https://news.example.org/ ", "http://127.0.0.1:5080", "https://news.example.org")]
    [InlineData("", "http://localhost:5080", "http://localhost:5080")]
    [InlineData(null, "http://0.0.0.0:8080/", "http://localhost:8080")]
    [InlineData(null, "http://[::]:8080", "http://localhost:8080")]
    [InlineData(null, "http://+:80", "http://localhost:80")]
    public void The_origin_is_the_configured_base_else_where_the_server_listens(string? configured, string listening, string expected) =>
        SiteOrigin.Resolve(configured, [listening]).ShouldBe(expected);

    [Theory]
    [InlineData("https://news.example.org", true)]
    [InlineData("https://news.example.org/", true)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("", false)]
    [InlineData("news.example.org", false)]
    [InlineData("ftp://news.example.org", false)]
    [InlineData("https://news.example.org/blog", false)]
    [InlineData("https://news.example.org/?x=1", false)]
    [InlineData("https://editor@news.example.org", false)]
    public void Only_an_absolute_http_origin_can_be_the_base(string configured, bool usable) =>
        (SiteOrigin.Problem(configured) is null).ShouldBe(usable);

    [Fact]
    public void Every_problem_names_the_setting() =>
        new[] { null, "news", "https://x.example/path" }.ShouldAllBe(b => SiteOrigin.Problem(b)!.Contains("Site:BaseUrl"));

    [Fact]
    public void The_allowed_hosts_are_the_sites_own_and_loopback() =>
        SiteOrigin.AllowedHosts("https://News.Example.org/").ShouldBe(["news.example.org", "localhost", "127.0.0.1", "[::1]"]);
}

/// <summary>A public address that is not the one the tests connect to, as behind a proxy.</summary>
public sealed class OriginApp : BroadsheetApp
{
    public const string BaseUrl = "https://news.example.org";

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Site:BaseUrl", BaseUrl)];
}

/// <summary>Links that leave the site come from Site:BaseUrl, whatever Host or X-Forwarded-Host a request names.</summary>
[Trait("Category", "Integration")]
public sealed class SiteOriginTests(OriginApp app) : IClassFixture<OriginApp>
{
    private const string Evil = "evil.example";

    /// <summary>A reader whose every request names the attacker's host through a (trusted, loopback) proxy header.</summary>
    private ReaderSession ForgingReader()
    {
        var reader = app.Reader();
        reader.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", Evil);
        return reader;
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_before_it_can_mail_anything()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();
        var (form, _) = await reader.GetPageAsync("/account/forgot-password");
        ((int)form.StatusCode).ShouldBe(200);

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        forged.Headers.Host = Evil;
        var refused = await reader.Http.SendAsync(forged);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        app.Mailbox.To(user.Email!).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/account/forgot-password", "Reset your")]
    [InlineData("/account/sign-in-link", "Your sign-in link")]
    public async Task Mailed_links_are_on_the_configured_base_even_when_the_request_names_another_host(string page, string subject)
    {
        var user = await app.UserAsync();
        using var reader = ForgingReader();
        var (response, _) = await reader.SubmitAsync(page, page, new Dictionary<string, string> { ["Input.Email"] = user.Email! });

        ((int)response.StatusCode).ShouldBe(200);
        var mail = app.Mailbox.Latest(user.Email!);
        mail.Subject.ShouldStartWith(subject);
        Mailbox.LinkIn(mail).GetLeftPart(UriPartial.Authority).ShouldBe(OriginApp.BaseUrl);
        (mail.TextBody + mail.HtmlBody).ShouldNotContain(Evil);
    }

    [Fact]
    public async Task A_sign_up_confirmation_link_is_on_the_configured_base()
    {
        var email = TestReaders.Email();
        using var reader = ForgingReader();
        var (response, _) = await reader.SubmitAsync("/account/sign-up", "/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Origin Reader", ["Input.Password"] = TestReaders.Password,
        });

        ((int)response.StatusCode).ShouldBeLessThan(400);
        Mailbox.LinkIn(app.Mailbox.Latest(email)).GetLeftPart(UriPartial.Authority).ShouldBe(OriginApp.BaseUrl);
    }

    [Fact]
    public async Task Canonical_links_feeds_sitemaps_and_robots_use_the_configured_base()
    {
        var story = await app.ArticleAsync();
        using var reader = ForgingReader();

        var (_, page) = await reader.GetPageAsync($"/articles/{story.Slug}");
        page.QuerySelector("link[rel=canonical]")!.GetAttribute("href").ShouldBe($"{OriginApp.BaseUrl}/articles/{story.Slug}");
        page.QuerySelector("meta[property='og:url']")!.GetAttribute("content").ShouldBe($"{OriginApp.BaseUrl}/articles/{story.Slug}");

        var feed = XDocument.Parse(await reader.Http.GetStringAsync("/feed"));
        feed.Descendants("link").Select(l => l.Value).Where(v => v.Length > 0).ShouldAllBe(v => v.StartsWith(OriginApp.BaseUrl));
        feed.Descendants("link").ShouldContain(l => l.Value == $"{OriginApp.BaseUrl}/articles/{story.Slug}");

        var sitemap = await reader.Http.GetStringAsync("/sitemap.xml");
        XDocument.Parse(sitemap).Descendants().Where(e => e.Name.LocalName == "loc").ShouldAllBe(l => l.Value.StartsWith(OriginApp.BaseUrl));

        var robots = await reader.Http.GetStringAsync("/robots.txt");
        robots.ShouldContain($"Sitemap: {OriginApp.BaseUrl}/sitemap.xml");
        string.Concat(page.DocumentElement.OuterHtml, feed, sitemap, robots).ShouldNotContain(Evil);
    }

    [Fact]
    public async Task A_drafts_secret_preview_link_is_on_the_configured_base()
    {
        var section = await app.CategoryAsync();
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        using var _ = author;
        var id = await author.WriteAsync(section, $"Origin draft {Guid.NewGuid():N}"[..20], "Not for everyone yet.");
        author.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", Evil);

        var (made, page) = await author.PressAsync(DeskSession.Edit(id), $"/newsroom/articles/{id}/edit?handler=CreateLink");

        ((int)made.StatusCode).ShouldBe(200);
        page.QuerySelector("#new-preview-link")!.GetAttribute("value")!.ShouldStartWith($"{OriginApp.BaseUrl}/preview/");
    }

    [Fact]
    public async Task The_api_and_its_openapi_servers_use_the_configured_base_without_a_trailing_slash()
    {
        var story = await app.ArticleAsync();
        using var client = app.KeyedClient(await app.ApiKeyAsync());
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", Evil);

        var (_, json) = await client.GetJsonAsync($"/api/v1/articles/{story.Slug}");
        json.GetRawText().ShouldContain($"{OriginApp.BaseUrl}/articles/{story.Slug}");
        json.GetRawText().ShouldNotContain(Evil);

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ShouldBe([OriginApp.BaseUrl]);
    }
}

/// <summary>The app as an operator starts it, without the one setting production cannot guess.</summary>
public sealed class SiteOriginStartTests
{
    [Fact]
    public async Task Production_without_a_base_url_refuses_to_start_and_names_the_setting()
    {
        await using var db = new TestDatabase();
        await db.CreateAsync();
        var env = AppProcess.For(db);
        env["Demo__Seed"] = "false";
        var (exit, output) = await AppProcess.RunAsync(Path.GetTempPath(), env, "--urls", $"http://127.0.0.1:{Ports.Free()}");

        exit.ShouldNotBe(0);
        output.ShouldContain("Site:BaseUrl");
    }
}
