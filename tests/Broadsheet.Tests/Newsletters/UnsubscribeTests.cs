using Broadsheet.Newsletters;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsletters;

[Trait("Category", "Integration")]
public sealed class UnsubscribeTests(NewslettersApp app) : IClassFixture<NewslettersApp>
{
    [Fact]
    public async Task The_one_click_POST_named_in_the_mails_headers_unsubscribes_with_no_cookie_and_no_token()
    {
        var newsletter = await app.NewsletterAsync();
        var email = TestReaders.Email();
        await app.SubscriberAsync(SubscriptionKind.Newsletter, newsletter.Id, email);
        await SendIssueAsync(newsletter, "One click away");

        var mail = app.WaitForMail(email, m => m.Subject == "One click away");
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        var header = mail.Headers["List-Unsubscribe"];
        header.ShouldNotBeNull();
        var url = new Uri(header.Trim().TrimStart('<').Split('>')[0]);
        // The footer's links are the recipient's own: no placeholder survives into the mail.
        mail.HtmlBody!.ShouldNotContain("{{");
        mail.TextBody!.ShouldContain(url.ToString());

        // What Gmail's servers do: a bare POST, no cookie, no form token.
        using var bare = new HttpClient { BaseAddress = app.Address };
        var answer = await bare.PostAsync(url.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        ((int)answer.StatusCode).ShouldBe(200);
        (await app.SubscriptionsOfAsync(email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_GET_of_the_unsubscribe_link_only_shows_a_button_and_that_button_needs_its_form_token()
    {
        var newsletter = await app.NewsletterAsync();
        var email = TestReaders.Email();
        var row = await app.SubscriberAsync(SubscriptionKind.Newsletter, newsletter.Id, email);
        using var visitor = app.Reader();

        var (opened, page) = await visitor.GetPageAsync($"/unsubscribe/{row.Token}");
        ((int)opened.StatusCode).ShouldBe(200);
        page.QuerySelector($"form[action='/unsubscribe/{row.Token}'] button")!.TextContent.ShouldBe("Unsubscribe");
        (await app.SubscriptionsOfAsync(email)).ShouldHaveSingleItem();

        // Any other POST body without the token is refused (a cross-site form cannot use the exemption).
        using var bare = new HttpClient { BaseAddress = app.Address };
        var forged = await bare.PostAsync($"/unsubscribe/{row.Token}", new FormUrlEncodedContent(new Dictionary<string, string> { ["go"] = "1" }));
        ((int)forged.StatusCode).ShouldBe(400);
        (await app.SubscriptionsOfAsync(email)).ShouldHaveSingleItem();

        var (done, after) = await visitor.PostWithTokenAsync($"/unsubscribe/{row.Token}", $"/unsubscribe/{row.Token}", []);
        ((int)done.StatusCode).ShouldBe(200);
        after.QuerySelector("h1")!.TextContent.ShouldBe("You are unsubscribed");
        (await app.SubscriptionsOfAsync(email)).ShouldBeEmpty();
    }

    private Task SendIssueAsync(Newsletter newsletter, string subject) => app.WithDbAsync(async db =>
    {
        db.NewsletterIssues.Add(new NewsletterIssue
        {
            NewsletterId = newsletter.Id, Subject = subject, BodyMarkdown = "Hello **readers**.", Status = IssueStatus.Scheduled,
            ScheduledAt = DateTime.UtcNow.AddSeconds(-1), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    });
}
