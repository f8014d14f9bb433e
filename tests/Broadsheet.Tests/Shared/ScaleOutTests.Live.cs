using Broadsheet.Data.Identity;
using Broadsheet.Live;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Live;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace Broadsheet.Tests.Shared;

/// <summary>Issue 23: live coverage across two instances, through nginx's stream location.</summary>
public sealed partial class ScaleOutTests
{
    [PostgresOnlyFact(ScaleOutCluster.Needs)]
    public async Task An_entry_posted_on_one_instance_reaches_stream_readers_on_both_through_nginx_and_a_reconnect_gets_exactly_the_missed_ones()
    {
        var story = await cluster.Data.ArticleAsync();
        var (editor, _) = await SignedInReaderAsync(Roles.Editor);
        using var onA = editor.SameBrowserOn(cluster.A.Address);
        var here = $"/newsroom/live/{story.Id}";
        (await LiveCoverageTests.SubmitExactAsync(onA, here, $"{here}?handler=start", new())).Response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, cluster.Diagnostics());

        // Two streams through nginx (round-robin: one per instance) and one straight to B, which did not write.
        await using var first = await SseClient.OpenAsync(cluster.Nginx.Address, $"/live/{story.Id}/events?after=0");
        await using var second = await SseClient.OpenAsync(cluster.Nginx.Address, $"/live/{story.Id}/events?after=0");
        await using var onB = await SseClient.OpenAsync(cluster.B.Address, $"/live/{story.Id}/events?after=0");
        // nginx acts on X-Accel-Buffering and does not pass it on: it is seen on the direct stream.
        onB.Response.Headers.TryGetValues("X-Accel-Buffering", out _).ShouldBeTrue();

        var text = $"Across instances {TestNewsroom.Word()}";
        (await LiveCoverageTests.SubmitExactAsync(onA, here, $"{here}?handler=add", new() { ["Body"] = text })).Response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var entryId = await cluster.Data.WithDbAsync(db => db.LiveEntries.Where(e => e.ArticleId == story.Id && e.BodyMarkdown == text).Select(e => e.Id).SingleAsync());
        foreach (var reader in new[] { first, second, onB })
        {
            var e = await reader.NextAsync();
            (e.Type, e.Id).ShouldBe(("added", "1"), cluster.Diagnostics());
            JsonDocument.Parse(e.Data).RootElement.GetProperty("id").GetInt32().ShouldBe(entryId);
        }

        // Two entries while a reader is away (one written on each instance), then it comes back through nginx.
        foreach (var (instance, i) in new[] { (cluster.A, 0), (cluster.B, 1) })
        {
            using var there = editor.SameBrowserOn(instance.Address);
            (await LiveCoverageTests.SubmitExactAsync(there, here, $"{here}?handler=add", new() { ["Body"] = $"Missed {i} {TestNewsroom.Word()}" })).Response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        }
        await using var back = await SseClient.OpenAsync(cluster.Nginx.Address, $"/live/{story.Id}/events", lastEventId: "1");
        var missed = new[] { await back.NextAsync(), await back.NextAsync() };
        missed.Select(e => (e.Type, e.Id)).ShouldBe([("added", "2"), ("added", "3")]);
        // Nothing more than the missed ones: the next event is the next entry, once.
        var next = $"After the reconnect {TestNewsroom.Word()}";
        await LiveCoverageTests.SubmitExactAsync(onA, here, $"{here}?handler=add", new() { ["Body"] = next });
        var after = await back.NextAsync();
        (after.Type, after.Id).ShouldBe(("added", "4"));
        // The readers that stayed get 2, 3 and 4 once each, wherever they are connected.
        foreach (var reader in new[] { first, second, onB })
            (await reader.UntilAsync(e => e.Id == "4")).Select(e => e.Id).ShouldBe(["2", "3", "4"]);
    }
}
