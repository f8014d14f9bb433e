using MimeKit;
using System.Text.RegularExpressions;

namespace Broadsheet.Tests.Fixtures;

/// <summary>Reads the .eml files the app wrote to its mail folder, as a newcomer would.</summary>
public sealed partial class Mailbox(string folder)
{
    public IReadOnlyList<MimeMessage> All() =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))]
            : [];

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. All().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The newest mail to the address; fails the test when there is none.</summary>
    public MimeMessage Latest(string address) =>
        To(address).LastOrDefault() ?? throw new Xunit.Sdk.XunitException($"No mail to {address} in {folder}.");

    /// <summary>The first link in the mail's text part.</summary>
    public static Uri LinkIn(MimeMessage mail) =>
        new(Link().Match(mail.TextBody ?? "") is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException($"No link in '{mail.Subject}'."));

    /// <summary>Path and query of the newest mail's link, ready for the app's own client.</summary>
    public string LatestLink(string address) => LinkIn(Latest(address)).PathAndQuery;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
