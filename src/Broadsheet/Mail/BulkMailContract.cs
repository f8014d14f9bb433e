using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Mail;

// TEMPORARY (h-news): the contract h-outbox lands (issue 22). Deleted at the pull that brings
// the real MailOutbox.QueueBulkAsync / CountsAsync; until then a naive stand-in.
public sealed record BulkMail(string Batch, string Subject, string Text, string Html);

public sealed record BulkRecipient(string To, string Unsubscribe, string Preferences);

public sealed record BatchCounts(int Queued, int Sent, int Deferred, int Failed, int Skipped);

public static class BulkMailContract
{
    extension(MailOutbox outbox)
    {
        public async Task QueueBulkAsync(BulkMail mail, IReadOnlyList<BulkRecipient> to, CancellationToken ct)
        {
            foreach (var r in to)
            {
                string Fill(string s) => s.Replace("{{unsubscribe}}", r.Unsubscribe).Replace("{{preferences}}", r.Preferences);
                await outbox.QueueAsync(new OutgoingMail(r.To, mail.Subject, Fill(mail.Text), Fill(mail.Html)), ct);
            }
        }

        public Task<BatchCounts> CountsAsync(string batch) => Task.FromResult(new BatchCounts(0, 0, 0, 0, 0));
    }
}
