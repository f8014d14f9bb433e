using Broadsheet.Articles;
using Broadsheet.Data.Identity;
using Broadsheet.Newsletters;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsletters;

[Trait("Category", "Integration")]
public sealed class SendingTests(NewslettersApp app) : IClassFixture<NewslettersApp>
{
    [Fact]
    public async Task A_story_by_an_author_with_alert_subscribers_reaches_the_confirmed_ones_once_and_a_scheduled_one_when_it_falls_due()
    {
        var author = await app.AuthorAsync();
        var (confirmed, unconfirmed, daily) = (TestReaders.Email(), TestReaders.Email(), TestReaders.Email());
        await app.SubscriberAsync(SubscriptionKind.Author, author.Id, confirmed);
        await app.SubscriberAsync(SubscriptionKind.Author, author.Id, unconfirmed, confirmed: false);
        await app.SubscriberAsync(SubscriptionKind.Author, author.Id, daily, frequency: Frequency.Daily);

        var story = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow, author: author);
        var alert = app.WaitForMail(confirmed, m => m.Subject == story.Title);
        alert.HtmlBody!.ShouldContain($"/articles/{story.Slug}");
        alert.TextBody!.ShouldContain(story.Standfirst);

        var scheduled = await app.ArticleAsync(a => { a.Status = ArticleStatus.Scheduled; a.PublishedAt = DateTime.UtcNow.AddSeconds(2); }, author: author);
        app.WaitForMail(confirmed, m => m.Subject == scheduled.Title);

        app.Mailbox.To(confirmed).Count(m => m.Subject == story.Title).ShouldBe(1);
        app.Mailbox.To(unconfirmed).ShouldBeEmpty();
        app.Mailbox.To(daily).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_editor_composes_an_issue_sends_a_test_to_themselves_then_sends_it_to_confirmed_subscribers()
    {
        var newsletter = await app.NewsletterAsync();
        var (subscriber, waiting) = (TestReaders.Email(), TestReaders.Email());
        await app.SubscriberAsync(SubscriptionKind.Newsletter, newsletter.Id, subscriber);
        await app.SubscriberAsync(SubscriptionKind.Newsletter, newsletter.Id, waiting, confirmed: false);
        var (editor, user) = await app.SignedInReaderAsync(Roles.Editor);
        using var session = editor;
        var subject = $"Tuesday briefing {Guid.NewGuid():N}"[..30];
        var fields = new Dictionary<string, string> { ["Input.Title"] = subject, ["Input.Body"] = "Good morning.\n\n## [Ferry times](/latest)\n\nThey change." };
        var newPath = $"/newsroom/newsletters/{newsletter.Id}/issues";

        var (tested, _) = await editor.PostWithTokenAsync(newPath, newPath + "?handler=Test", fields);
        ((int)tested.StatusCode).ShouldBe(302);
        var issuePath = tested.Headers.Location!.OriginalString.Split('?')[0];
        var test = app.Mailbox.Latest(user.Email!);
        test.Subject.ShouldBe($"[Test] {subject}");
        test.HtmlBody!.ShouldContain("<h2 style=");
        test.HtmlBody!.ShouldContain($"href=\"http://127.0.0.1:{app.Address.Port}/latest\"");
        app.Mailbox.To(subscriber).ShouldBeEmpty();

        var (sent, _) = await editor.PostWithTokenAsync(issuePath, issuePath + "?handler=Send", fields);
        ((int)sent.StatusCode).ShouldBe(302);
        var mail = app.WaitForMail(subscriber, m => m.Subject == subject);
        mail.TextBody!.ShouldContain("Good morning.");
        var issue = await app.WithDbAsync(db => db.NewsletterIssues.SingleAsync(i => i.NewsletterId == newsletter.Id));
        (issue.Status, issue.Batch, issue.Recipients).ShouldBe((IssueStatus.Sent, NewsletterIssue.BatchOf(issue.Id), 1));
        app.Mailbox.To(waiting).ShouldNotContain(m => m.Subject == subject);

        var (again, _) = await editor.PostWithTokenAsync(issuePath, issuePath + "?handler=Send", fields);
        ((int)again.StatusCode).ShouldBe(422, "a sent issue cannot be sent again");
        var (_, desk) = await editor.GetPageAsync("/newsroom/newsletters");
        desk.QuerySelector("a[href='/newsroom/mail']").ShouldNotBeNull();
        desk.QuerySelector($"#chart-newsletter-{newsletter.Id} svg").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_reader_cannot_open_the_issue_editor_and_an_editor_cannot_create_a_newsletter()
    {
        var newsletter = await app.NewsletterAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var r = reader;
        ((int)(await reader.GetPageAsync($"/newsroom/newsletters/{newsletter.Id}/issues")).Response.StatusCode).ShouldBe(403);
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var e = editor;
        ((int)(await editor.GetPageAsync("/newsroom/newsletters/new")).Response.StatusCode).ShouldBe(403);
        ((int)(await editor.GetPageAsync("/newsroom/newsletters")).Response.StatusCode).ShouldBe(200);
    }
}
