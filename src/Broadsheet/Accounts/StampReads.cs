using System.Threading.Channels;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Accounts;

/// <summary>What a stamp check compares with the cookie: the user's stamp, names and role names.</summary>
public sealed record StampRow(int Id, string? SecurityStamp, string? UserName, string? Email, string DisplayName, string[] Roles);

/// <summary>
/// The due security-stamp checks' reads, grouped: every check waiting when the previous read
/// finished is answered by one pair of statements (users, then their roles). In a vote storm
/// nearly every reader's first request is due at once; one query each had a thousand requests
/// open a connection and run a statement apiece (26 % of the app's CPU early in a storm, and on
/// PostgreSQL a pool of connections opened in the storm's first second). A check waits at most for
/// the read in flight, and reads what is committed when its own batch runs, as before.
/// </summary>
public sealed class StampReads(IServiceScopeFactory scopes, ILogger<StampReads> log) : BackgroundService
{
    private sealed record Pending(int Id, TaskCompletionSource<StampRow?> Done);

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private long batches, reads;

    /// <summary>Statement pairs run and checks they answered since start: how well checks are grouped.</summary>
    public (long Batches, long Reads) Done => (Interlocked.Read(ref batches), Interlocked.Read(ref reads));

    /// <summary>The user's row as the next batch reads it; null when there is no such user.</summary>
    public async Task<StampRow?> ReadAsync(int userId, CancellationToken ct)
    {
        var done = new TaskCompletionSource<StampRow?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite(new Pending(userId, done))) return await ReadBatchAsync([userId], ct) is { } rows ? rows.GetValueOrDefault(userId) : null;
        return await done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>();
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            // Bounded so one IN list stays well inside parameter limits.
            while (batch.Count < 1000 && queue.Reader.TryRead(out var p)) batch.Add(p);
            try
            {
                var rows = await ReadBatchAsync([.. batch.Select(p => p.Id).Distinct()], CancellationToken.None);
                foreach (var p in batch) p.Done.TrySetResult(rows.GetValueOrDefault(p.Id));
                Interlocked.Increment(ref batches);
                Interlocked.Add(ref reads, batch.Count);
            }
            catch (Exception ex)
            {
                // Each waiting check fails as its own query would have (a database outage becomes a 503).
                log.LogDebug(ex, "A batch of {Count} stamp reads failed", batch.Count);
                foreach (var p in batch) p.Done.TrySetException(ex);
            }
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task<Dictionary<int, StampRow>> ReadBatchAsync(int[] ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.SecurityStamp, u.UserName, u.Email, u.DisplayName }).ToListAsync(ct);
        var roles = (await db.UserRoles.AsNoTracking().Where(r => ids.Contains(r.UserId))
                .Join(db.Roles, r => r.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name!);
        return users.ToDictionary(u => u.Id, u => new StampRow(u.Id, u.SecurityStamp, u.UserName, u.Email, u.DisplayName, [.. roles[u.Id]]));
    }
}
