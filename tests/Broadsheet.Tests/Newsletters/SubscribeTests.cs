using Broadsheet.Follows;
using Broadsheet.Newsletters;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsletters;

[Trait("Category", "Integration")]
public sealed class SubscribeTests(NewslettersApp app) : IClassFixture<NewslettersApp>
{
    [Fact]
    public async Task An_address_from_the_footer_gets_nothing_until_it_follows_the_confirmation_link_and_a_GET_of_that_link_changes_nothing()
    {
        var newsletter = await app.NewsletterAsync();
        var email = TestReaders.Email();
        using var visitor = app.Reader();

        // The footer of a cached page is a GET form to /subscribe: no token on the cached copy.
        var (_, home) = await visitor.GetPageAsync("/latest");
        var footer = home.QuerySelector("footer form.footer-subscribe")!;
        footer.GetAttribute("action").ShouldBe("/subscribe");
        footer.GetAttribute("method").ShouldBe("get");
        footer.QuerySelector("input[name=__RequestVerificationToken]").ShouldBeNull();

        var (_, form) = await visitor.GetPageAsync($"/subscribe?email={Uri.EscapeDataString(email)}");
        form.QuerySelector(".subscribe-page form")!.TextContent.ShouldContain("We do not count opens or clicks");
        var (answer, page) = await visitor.PostWithTokenAsync($"/subscribe?email={Uri.EscapeDataString(email)}", "/subscribe",
            new() { ["Email"] = email, ["Chosen"] = newsletter.Slug });
        ((int)answer.StatusCode).ShouldBe(200);
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("Check your inbox");
        var row = (await app.SubscriptionsOfAsync(email)).ShouldHaveSingleItem();
        row.ConfirmedAt.ShouldBeNull();

        var mail = app.Mailbox.Latest(email);
        mail.Subject.ShouldBe($"Confirm your subscription to {newsletter.Name}");
        var link = Mailbox.LinkIn(mail);
        // From Site:BaseUrl (the fixture's 127.0.0.1 origin), not from the request's Host.
        (link.Host, link.Port).ShouldBe(("127.0.0.1", app.Address.Port));

        // An issue sent now does not reach the unconfirmed address.
        await app.WithDbAsync(async db =>
        {
            db.NewsletterIssues.Add(new NewsletterIssue { NewsletterId = newsletter.Id, Subject = "Before confirming", Status = IssueStatus.Scheduled, ScheduledAt = DateTime.UtcNow.AddSeconds(-1), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await WaitUntilSentAsync(newsletter.Id, "Before confirming");
        app.Mailbox.To(email).ShouldNotContain(m => m.Subject == "Before confirming");

        var (opened, confirmPage) = await visitor.GetPageAsync(link.PathAndQuery);
        ((int)opened.StatusCode).ShouldBe(200);
        (await app.SubscriptionsOfAsync(email)).Single().ConfirmedAt.ShouldBeNull("a GET (a scanner following the link) must not confirm");

        var (confirmed, _) = await visitor.PostWithTokenAsync(link.PathAndQuery, link.AbsolutePath, []);
        ((int)confirmed.StatusCode).ShouldBe(200);
        (await app.SubscriptionsOfAsync(email)).Single().ConfirmedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_known_address_gets_the_same_answer_as_a_new_one_and_no_second_row()
    {
        var newsletter = await app.NewsletterAsync();
        var (known, fresh) = (TestReaders.Email(), TestReaders.Email());
        await app.SubscriberAsync(SubscriptionKind.Newsletter, newsletter.Id, known);
        using var visitor = app.Reader();

        async Task<string> AnswerFor(string email)
        {
            var (response, page) = await visitor.PostWithTokenAsync("/subscribe", "/subscribe", new() { ["Email"] = email, ["Chosen"] = newsletter.Slug });
            ((int)response.StatusCode).ShouldBe(200);
            return page.QuerySelector("[role=status]")!.TextContent.Replace(email, "ADDRESS");
        }

        (await AnswerFor(known)).ShouldBe(await AnswerFor(fresh));
        (await app.SubscriptionsOfAsync(known)).ShouldHaveSingleItem().ConfirmedAt.ShouldNotBeNull();
        app.Mailbox.Latest(known).Subject.ShouldBe($"You are already subscribed to {newsletter.Name}");
    }

    [Fact]
    public async Task A_bad_address_is_a_422_with_the_form_again_and_no_row()
    {
        var newsletter = await app.NewsletterAsync();
        using var visitor = app.Reader();
        var (response, page) = await visitor.PostWithTokenAsync("/subscribe", "/subscribe", new() { ["Email"] = "not an address", ["Chosen"] = newsletter.Slug });
        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("email address");
        (await app.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.TargetId == newsletter.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Get_an_email_alert_on_an_author_page_follows_and_sets_the_alert_for_a_signed_in_reader()
    {
        var author = await app.AuthorAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;

        var (_, authorPage) = await reader.GetPageAsync($"/author/{author.Slug}");
        var link = authorPage.QuerySelector(".list-header .email-alert a")!.GetAttribute("href")!;
        link.ShouldBe($"/subscribe?kind=author&slug={author.Slug}");

        var (response, _) = await reader.PostWithTokenAsync(link, "/subscribe", new() { ["How"] = "eachstory" });
        ((int)response.StatusCode).ShouldBe(200);
        var row = (await app.WithDbAsync(db => db.Subscriptions.Where(s => s.UserId == user.Id).ToListAsync())).ShouldHaveSingleItem();
        (row.Kind, row.TargetId, row.Frequency).ShouldBe((SubscriptionKind.Author, author.Id, Frequency.EachStory));
        row.ConfirmedAt.ShouldNotBeNull();
        (await app.WithDbAsync(db => db.Follows.AnyAsync(f => f.UserId == user.Id && f.Kind == FollowKind.Author && f.TargetId == author.Id))).ShouldBeTrue();

        // And /account/email shows it, and turns it into a weekly digest.
        var (_, settings) = await reader.GetPageAsync("/account/email");
        settings.QuerySelector($"select[name=author-{author.Id}] option[selected]")!.GetAttribute("value").ShouldBe("eachstory");
        var (saved, _) = await reader.PostWithTokenAsync("/account/email", "/account/email", new() { [$"author-{author.Id}"] = "weekly" });
        ((int)saved.StatusCode).ShouldBe(302);
        (await app.WithDbAsync(db => db.Subscriptions.SingleAsync(s => s.UserId == user.Id))).Frequency.ShouldBe(Frequency.Weekly);
    }

    [Fact]
    public async Task An_anonymous_address_deletes_itself_from_the_preferences_link()
    {
        var (first, second) = (await app.NewsletterAsync(), await app.NewsletterAsync());
        var email = TestReaders.Email();
        var row = await app.SubscriberAsync(SubscriptionKind.Newsletter, first.Id, email);
        await app.SubscriberAsync(SubscriptionKind.Newsletter, second.Id, email, confirmed: false);
        using var visitor = app.Reader();

        var (_, prefs) = await visitor.GetPageAsync($"/email/{row.Token}");
        prefs.QuerySelectorAll(".subscription-list li").Length.ShouldBe(2);
        var (deleted, _) = await visitor.PostWithTokenAsync($"/email/{row.Token}", $"/email/{row.Token}?handler=Delete", []);

        ((int)deleted.StatusCode).ShouldBe(302);
        (await app.SubscriptionsOfAsync(email)).ShouldBeEmpty();
    }

    private async Task WaitUntilSentAsync(int newsletterId, string subject)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await app.WithDbAsync(db => db.NewsletterIssues.AnyAsync(x => x.NewsletterId == newsletterId && x.Subject == subject && x.Status == IssueStatus.Sent))) return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("The issue was never sent.");
    }
}
