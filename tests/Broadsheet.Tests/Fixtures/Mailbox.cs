using MimeKit;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// Reads the .eml files the app wrote to its mail folder, as a newcomer would. Mail is queued in
/// the app's outbox and sent in the background, so reading first waits (up to 20 s) until the
/// outbox has nothing left to send: whatever a test asked for before reading has arrived.
/// </summary>
public sealed partial class Mailbox(string folder, Func<int>? undelivered = null)
{
    public static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(20);

    public IReadOnlyList<MimeMessage> All()
    {
        WaitForDelivery();
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))]
            : [];
    }

    private void WaitForDelivery()
    {
        if (undelivered is null) return;
        for (var waited = Stopwatch.StartNew(); undelivered() > 0 && waited.Elapsed < DeliveryWait;) Thread.Sleep(50);
    }

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
