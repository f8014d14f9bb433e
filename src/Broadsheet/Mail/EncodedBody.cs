using System.Net;
using System.Text;
using MimeKit;

namespace Broadsheet.Mail;

/// <summary>
/// A bulk body (<see cref="OutboxBody"/>) encoded once for a whole batch, so that each reader's
/// message is a copy of bytes rather than a fresh MIME build. The text and the HTML are cut at the
/// placeholders and each piece is quoted-printable-encoded on its own, ending in a soft line break
/// ("=" newline, which a decoder removes), so a reader's links, encoded the same way, slot in
/// between without touching the pieces around them. The parts carry their encoding, so MimeKit
/// neither scans nor re-encodes them at send time. Decoded, each part is exactly what
/// <see cref="MailComposer.Personalise"/> gives for the reader.
/// </summary>
internal sealed class EncodedBody
{
    private static readonly string[] Placeholders = [MailComposer.UnsubscribePlaceholder, MailComposer.PreferencesPlaceholder];
    private readonly Template text, html;

    public string Subject { get; }

    public EncodedBody(string subject, string text, string html)
    {
        Subject = subject;
        this.text = Template.Of(text);
        this.html = Template.Of(html);
    }

    /// <summary>The multipart/alternative body for one reader (text, then HTML, as BodyBuilder makes it).</summary>
    public MimeEntity For(string? unsubscribe, string? preferences)
    {
        var u = unsubscribe ?? "";
        var p = preferences ?? "";
        return new MultipartAlternative
        {
            Part("plain", text.Fill(u, p)),
            Part("html", html.Fill(WebUtility.HtmlEncode(u), WebUtility.HtmlEncode(p))),
        };
    }

    private static TextPart Part(string subtype, byte[] encoded)
    {
        var part = new TextPart(subtype)
        {
            Content = new MimeContent(new MemoryStream(encoded, writable: false), ContentEncoding.QuotedPrintable),
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
        };
        part.ContentType.Charset = "utf-8";
        return part;
    }

    /// <summary>Encoded pieces with a placeholder (0 unsubscribe, 1 preferences) between each two.</summary>
    private sealed class Template(List<byte[]> pieces, List<int> slots)
    {
        public static Template Of(string source)
        {
            var pieces = new List<byte[]>();
            var slots = new List<int>();
            var at = 0;
            while (true)
            {
                var (next, slot) = NextPlaceholder(source, at);
                if (next < 0) break;
                pieces.Add(QuotedPrintable.Encode(source[at..next]));
                slots.Add(slot);
                at = next + Placeholders[slot].Length;
            }
            pieces.Add(QuotedPrintable.Encode(source[at..]));
            return new Template(pieces, slots);
        }

        private static (int At, int Slot) NextPlaceholder(string s, int from)
        {
            var u = s.IndexOf(Placeholders[0], from, StringComparison.Ordinal);
            var p = s.IndexOf(Placeholders[1], from, StringComparison.Ordinal);
            if (u < 0) return (p, 1);
            return p < 0 || u < p ? (u, 0) : (p, 1);
        }

        public byte[] Fill(string unsubscribe, string preferences)
        {
            var links = new[] { QuotedPrintable.Encode(unsubscribe), QuotedPrintable.Encode(preferences) };
            var length = pieces.Sum(p => p.Length) + slots.Sum(s => links[s].Length);
            var bytes = new byte[length];
            var span = bytes.AsSpan();
            for (var i = 0; i < pieces.Count; i++)
            {
                pieces[i].CopyTo(span);
                span = span[pieces[i].Length..];
                if (i < slots.Count)
                {
                    links[slots[i]].CopyTo(span);
                    span = span[links[slots[i]].Length..];
                }
            }
            return bytes;
        }
    }
}

/// <summary>
/// Quoted-printable (RFC 2045 6.7) of a piece of UTF-8 text that ends in a soft line break, so
/// pieces can be joined. Lines stay within 76 characters; newlines are hard breaks ("\n", which
/// MimeKit writes as CRLF); a space or tab is encoded where it would end a line.
/// </summary>
internal static class QuotedPrintable
{
    private const int MaxLine = 75; // plus the "=" of a soft break: 76

    public static byte[] Encode(string piece)
    {
        var input = Encoding.UTF8.GetBytes(piece);
        var output = new List<byte>(input.Length + input.Length / 8 + 8);
        var line = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            if (b == '\r' && i + 1 < input.Length && input[i + 1] == '\n') continue; // CRLF: the \n breaks
            if (b == '\n')
            {
                output.Add((byte)'\n');
                line = 0;
                continue;
            }
            // A space or tab is literal unless it would end a line (before a break or the piece's end).
            var blank = b is (byte)' ' or (byte)'\t';
            var ends = i + 1 == input.Length || input[i + 1] is (byte)'\n' or (byte)'\r';
            var literal = blank ? !ends : b is >= 33 and <= 126 and not (byte)'=';
            var width = literal ? 1 : 3;
            if (line + width > MaxLine)
            {
                output.Add((byte)'=');
                output.Add((byte)'\n');
                line = 0;
            }
            if (literal) output.Add(b);
            else
            {
                output.Add((byte)'=');
                output.Add(Hex[b >> 4]);
                output.Add(Hex[b & 15]);
            }
            line += width;
        }
        output.Add((byte)'=');
        output.Add((byte)'\n');
        return [.. output];
    }

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;
}
