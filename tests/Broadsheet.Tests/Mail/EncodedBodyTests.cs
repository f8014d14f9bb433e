using Broadsheet.Mail;
using MimeKit;

namespace Broadsheet.Tests.Mail;

/// <summary>
/// A bulk body encoded once per batch (<see cref="EncodedBody"/>) must decode, for every reader, to
/// exactly what filling the placeholders in the source gives (<see cref="MailComposer.Personalise"/>),
/// on lines a mail server accepts. The message is written as it goes over SMTP and parsed back.
/// </summary>
public sealed class EncodedBodyTests
{
    private const string Unsubscribe = "https://news.example/email/unsubscribe?token=u-Zm9v==&list=morning-briefing&reader=000042&sig=abcdefabcdefabcdefabcdefabcdef";
    private const string Preferences = "https://news.example/email/preferences?token=p=1&x=y";

    public static TheoryData<string, string> Bodies => new()
    {
        { "plain, links at both ends", "{{unsubscribe}} middle {{preferences}}" },
        { "links side by side, twice", "{{preferences}}{{unsubscribe}}{{unsubscribe}}\nend" },
        { "no links at all", "Just the news.\n" },
        { "non-ASCII, long lines, = signs", $"Café · Zürich — „Anführung“ 1+1=2 {new string('x', 200)} ünter\n{{{{unsubscribe}}}}" },
        { "blanks before breaks and at the ends", " leading\ttab \ntrailing space \n\t\n{{unsubscribe}} \n" },
        { "a line of one dot and CRLF newlines", "first\r\n.\r\n..two\r\nUnsubscribe: {{unsubscribe}}\r\nPreferences: {{preferences}}" },
        { "HTML with attributes", "<p style=\"margin:0 0 1em\">Hello</p><a href=\"{{unsubscribe}}\">Unsubscribe</a> · <a href=\"{{preferences}}\">Preferences</a>" },
        { "a long word over many lines", new string('é', 300) + "{{preferences}}" + new string('=', 100) },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void An_encoded_body_decodes_to_the_filled_in_source_for_each_reader(string name, string source)
    {
        var body = new EncodedBody("Morning briefing", source, source);
        var (text, html) = MailComposer.Personalise(source, source, Unsubscribe, Preferences);

        var message = RoundTrip(body.For(Unsubscribe, Preferences));

        // Newlines go over the wire as CRLF whatever the source had, as BodyBuilder's parts did.
        message.TextBody.ShouldNotBeNull().ReplaceLineEndings("\n").ShouldBe(text.ReplaceLineEndings("\n"), name);
        message.HtmlBody.ShouldNotBeNull().ReplaceLineEndings("\n").ShouldBe(html.ReplaceLineEndings("\n"), name);
    }

    [Fact]
    public void An_encoded_body_is_quoted_printable_utf8_on_lines_of_at_most_76_characters()
    {
        var source = $"Café {new string('a', 500)} {{{{unsubscribe}}}} {new string('ü', 100)}\n{{{{preferences}}}}";
        var entity = new EncodedBody("s", source, source).For(Unsubscribe, Preferences);

        var parts = ((Multipart)entity).Cast<TextPart>().ToList();
        parts.Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);
        parts.ShouldAllBe(p => p.ContentTransferEncoding == ContentEncoding.QuotedPrintable && p.ContentType.Charset == "utf-8");
        using var stream = new MemoryStream();
        entity.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
        var lines = System.Text.Encoding.ASCII.GetString(stream.ToArray()).Split("\r\n");
        lines.ShouldAllBe(l => l.Length <= 76);
    }

    private static MimeMessage RoundTrip(MimeEntity body)
    {
        using var message = new MimeMessage { Subject = "s", Body = body };
        message.From.Add(MailboxAddress.Parse("news@news.example"));
        message.To.Add(MailboxAddress.Parse("reader@news.example"));
        // As MailKit does before DATA: an already-encoded part must be left as it is.
        message.Prepare(EncodingConstraint.SevenBit);
        using var stream = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }
}
