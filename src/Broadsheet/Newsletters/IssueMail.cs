using Broadsheet.Articles;
using Broadsheet.Mail;

namespace Broadsheet.Newsletters;

/// <summary>An issue as mail: its Markdown through the article pipeline (sanitised), laid out by <see cref="EmailLayout"/>.</summary>
public static class IssueMail
{
    public static BulkMail Compose(NewsletterIssue issue, Newsletter newsletter, string site, string origin)
    {
        var content = new MailContent(site, issue.Subject, $"You subscribed to {newsletter.Name}.", [],
            EmailLayout.ForMail(ArticleBody.ToSafeHtml(issue.BodyMarkdown), origin),
            // Markdown reads as plain text, links and all: better than stripping it.
            issue.BodyMarkdown);
        return new BulkMail(NewsletterIssue.BatchOf(issue.Id), issue.Subject, EmailLayout.Text(content), EmailLayout.Html(content));
    }

    /// <summary>The mail with one recipient's links filled in, as the outbox does at send time (for "send a test to me").</summary>
    public static OutgoingMail For(BulkMail mail, string to, string unsubscribe, string preferences, string subjectPrefix = "")
    {
        string Fill(string s) => s.Replace(EmailLayout.UnsubscribePlaceholder, unsubscribe, StringComparison.Ordinal)
            .Replace(EmailLayout.PreferencesPlaceholder, preferences, StringComparison.Ordinal);
        return new OutgoingMail(to, subjectPrefix + mail.Subject, Fill(mail.Text), Fill(mail.Html));
    }
}
