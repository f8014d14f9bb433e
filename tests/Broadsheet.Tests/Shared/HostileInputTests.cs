using Broadsheet.Follows;
using Broadsheet.Articles;
using Broadsheet.Accounts;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Text;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Shared;

/// <summary>
/// The inputs an outside review found answering 500, each with the status it must get instead:
/// a non-ASCII returnUrl, a method or handler a page does not have, an unreadable or oversized
/// body, and Markdown nested deeper than anyone writes. <see cref="RouteCrawlTests"/> covers
/// every route; these pin the exact answers.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HostileInputTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private const string Cafe = "/search?q=café";
    private const string CafeEncoded = "/search?q=caf%C3%A9";

    [Fact]
    public async Task Signing_in_with_a_non_ascii_return_url_redirects_to_it_percent_encoded()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();
        var (response, _) = await reader.SignInAsync(user.Email!, returnUrl: Cafe);
        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.OriginalString.ShouldBe(CafeEncoded);
    }

    [Fact]
    public async Task A_signed_in_reader_opening_sign_up_with_a_non_ascii_return_url_is_sent_there_percent_encoded()
    {
        var (reader, _) = await app.SignedInReaderAsync();
        using (reader)
        {
            var (response, _) = await reader.GetPageAsync($"/account/sign-up?returnUrl={Uri.EscapeDataString(Cafe)}");
            ((int)response.StatusCode).ShouldBe(302);
            response.Headers.Location!.OriginalString.ShouldBe(CafeEncoded);
        }
    }

    [Fact]
    public async Task Following_with_a_non_ascii_return_url_follows_and_redirects_to_it_percent_encoded()
    {
        var category = await app.CategoryAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using (reader)
        {
            var token = await TokenAsync(reader, "/account");
            var (response, _) = await reader.PostAsync("/follow", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["kind"] = "category", ["slug"] = category.Slug, ["follow"] = "true", ["returnUrl"] = Cafe,
            });
            ((int)response.StatusCode).ShouldBe(302);
            response.Headers.Location!.OriginalString.ShouldBe(CafeEncoded);
            (await app.WithDbAsync(db => db.Follows.CountAsync(f => f.UserId == user.Id))).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Signing_out_with_a_non_ascii_return_url_signs_out_and_goes_home()
    {
        var (reader, _) = await app.SignedInReaderAsync();
        using (reader)
        {
            var token = await TokenAsync(reader, "/account");
            var (response, _) = await reader.PostAsync($"/account/sign-out?returnUrl={Uri.EscapeDataString(Cafe)}",
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            ((int)response.StatusCode).ShouldBe(302);
            response.Headers.Location!.OriginalString.ShouldBe("/");
            ((int)(await reader.GetPageAsync("/account")).Response.StatusCode).ShouldBe(302, "signed out: /account sends to sign-in");
        }
    }

    [Fact]
    public async Task Trace_on_every_reader_page_is_405_with_allow_on_the_readable_error_page()
    {
        var paths = await ReaderPagesAsync();
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using (admin)
            foreach (var path in paths)
            {
                using var request = new HttpRequestMessage(HttpMethod.Trace, path);
                using var response = await admin.Http.SendAsync(request);
                ((int)response.StatusCode).ShouldBe(405, path);
                // The account page takes posts to its named forms (name, email, password...).
                response.Content.Headers.Allow.ShouldBe(path == "/account" ? ["GET", "HEAD", "POST"] : ["GET", "HEAD"], ignoreOrder: true, path);
                (await response.Content.ReadAsStringAsync()).ShouldContain("That is not allowed here", customMessage: path);
            }
    }

    [Fact]
    public async Task Posting_to_a_handler_that_does_not_exist_is_405_where_the_page_takes_no_posts_and_404_where_it_does()
    {
        var paths = await ReaderPagesAsync();
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using (admin)
        {
            var token = await TokenAsync(admin, "/account");
            foreach (var path in paths)
            {
                var (response, page) = await admin.PostAsync(path + "?handler=Nope", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
                var takesPosts = path == "/account";
                ((int)response.StatusCode).ShouldBe(takesPosts ? 404 : 405, path);
                page.QuerySelector("h1")!.TextContent.ShouldBe(takesPosts ? "We could not find that page" : "That is not allowed here", path);
            }
        }
    }

    [Fact]
    public async Task A_multipart_body_that_does_not_parse_is_400_on_a_page_and_problem_json_for_htmx()
    {
        var article = await app.ArticleAsync();
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using (admin)
        {
            var token = await TokenAsync(admin, "/account");
            foreach (var htmx in new[] { false, true })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/articles/{article.Slug}/vote")
                {
                    Content = new ByteArrayContent(Encoding.UTF8.GetBytes("--elsewhere\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nx")),
                };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=nowhere");
                request.Headers.Add("RequestVerificationToken", token);
                if (htmx) request.Headers.Add("HX-Request", "true");
                using var response = await admin.Http.SendAsync(request);
                ((int)response.StatusCode).ShouldBe(400);
                response.Content.Headers.ContentType!.MediaType.ShouldBe(htmx ? "application/problem+json" : "text/html");
            }
        }
    }

    [Fact]
    public async Task A_form_with_more_fields_than_the_server_reads_is_413_on_the_readable_error_page()
    {
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using (admin)
        {
            var token = await TokenAsync(admin, "/account");
            var fields = Enumerable.Range(0, 1100).ToDictionary(i => $"f{i}", i => "x");
            fields["__RequestVerificationToken"] = token;
            // The media library reads the form before the page does, to answer an oversized upload with 413.
            var (response, page) = await admin.PostAsync("/newsroom/media", fields);
            ((int)response.StatusCode).ShouldBe(413);
            page.QuerySelector("h1")!.TextContent.ShouldBe("That was too much to send");
        }
    }

    /// <summary>The reader pages the review named, with real values: all but /account have only GET handlers.</summary>
    private async Task<string[]> ReaderPagesAsync()
    {
        var tag = TestNewsroom.Unique("hostile");
        var article = await app.ArticleAsync(tags: tag);
        var author = await app.WithDbAsync(db => db.Authors.Where(a => a.Id == article.AuthorId).Select(a => a.Slug).SingleAsync());
        var category = await app.WithDbAsync(db => db.Categories.Where(c => c.Id == article.CategoryId).Select(c => c.Slug).SingleAsync());
        var preview = await DeepMarkdownTests.PreviewLinkAsync(app);
        return [$"/articles/{article.Slug}", $"/category/{category}", $"/tag/{Broadsheet.Shared.Slug.From(tag)}", $"/author/{author}",
            "/trending/now", "/developers/api", preview, "/account"];
    }

    internal static async Task<string> TokenAsync(ReaderSession session, string page)
    {
        var (_, document) = await session.GetPageAsync(page);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException($"{page} has no antiforgery token.");
    }
}
