using Broadsheet.Newsletters;
using System.Text.RegularExpressions;

namespace Broadsheet.Tests.Newsletters;

public sealed class EmailLayoutTests
{
    private static readonly MailContent Content = new("Broadsheet", "Morning <briefing>", "You subscribed to Morning briefing.",
        [new MailStory("Ferry \"times\" change", "https://news.example.org/articles/ferry", "New sailings from Monday.")],
        "<p>Hello <a href=\"https://news.example.org/latest\">readers</a>.</p>", "Hello readers.");

    [Fact]
    public void The_html_part_has_only_inline_styles_and_fetches_nothing_from_anywhere()
    {
        var html = EmailLayout.Html(Content);
        html.ShouldNotContain("<style", Case.Insensitive);
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("url(", Case.Insensitive);
        html.ShouldNotContain("class=", Case.Insensitive);
        Regex.Matches(html, "<(td|a|p)\\b[^>]*>").Where(m => !m.Value.StartsWith("<td align") && !m.Value.Contains("style=")).ShouldBeEmpty();
    }

    [Fact]
    public void Text_and_titles_are_encoded_and_links_go_straight_to_the_story()
    {
        var html = EmailLayout.Html(Content);
        html.ShouldContain("Morning &lt;briefing&gt;");
        html.ShouldContain("href=\"https://news.example.org/articles/ferry\"");
        html.ShouldContain("Ferry &quot;times&quot; change");
    }

    [Fact]
    public void Both_parts_say_nothing_is_counted_and_carry_the_preferences_and_unsubscribe_placeholders()
    {
        foreach (var part in new[] { EmailLayout.Html(Content), EmailLayout.Text(Content) })
        {
            part.ShouldContain("We do not count opens or clicks.");
            part.ShouldContain(EmailLayout.PreferencesPlaceholder);
            part.ShouldContain(EmailLayout.UnsubscribePlaceholder);
        }
        EmailLayout.Text(Content).ShouldContain("https://news.example.org/articles/ferry");
    }

    [Fact]
    public void An_issue_body_loses_its_pictures_and_its_site_links_become_absolute()
    {
        var body = EmailLayout.ForMail("<p><img src=\"/media/a.jpg\" alt=\"x\"><a href=\"/latest\">latest</a></p>", "https://news.example.org");
        body.ShouldBe("<p><a href=\"https://news.example.org/latest\">latest</a></p>");
    }
}
