using Broadsheet.Accounts;
using Broadsheet.Caching;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Text;

namespace Broadsheet.Follows;

/// <summary>One validated request: this reader wants to follow (or stop following) this target.</summary>
public readonly record struct FollowRequest(int UserId, FollowKind Kind, int TargetId, bool Follow, DateTime At);

/// <summary>
/// Applies follows and unfollows in group commits (<see cref="GroupCommit{T}"/>). The last request
/// per reader and target in a batch wins; a follow is an insert that the UNIQUE index turns into
/// "already following" (ON CONFLICT DO NOTHING), an unfollow a delete, so repeats and races
/// between instances are harmless and no row is read first. There are no stored counts to move.
/// </summary>
public sealed class FollowWriter(IServiceScopeFactory scopes, ILogger<FollowWriter> log) : GroupCommit<FollowRequest>(scopes, log)
{
    protected override async Task ApplyAsync(BroadsheetDb db, IReadOnlyList<FollowRequest> batch, CancellationToken ct)
    {
        var last = new Dictionary<(int, FollowKind, int), FollowRequest>();
        foreach (var r in batch) last[(r.UserId, r.Kind, r.TargetId)] = r;
        var script = new StringBuilder();
        var args = new List<object>();
        string P(object value) { args.Add(value); return $"{{{args.Count - 1}}}"; }
        // Sorted, so two instances' batches take the index entries in the same order on PostgreSQL.
        foreach (var r in last.Values.OrderBy(r => r.UserId).ThenBy(r => r.Kind).ThenBy(r => r.TargetId))
            script.Append(r.Follow
                ? $"INSERT INTO \"Follows\" (\"UserId\", \"Kind\", \"TargetId\", \"CreatedAt\") VALUES ({r.UserId}, {P(r.Kind.ToString())}, {r.TargetId}, {P(r.At)}) ON CONFLICT (\"UserId\", \"Kind\", \"TargetId\") DO NOTHING;\n"
                : $"DELETE FROM \"Follows\" WHERE \"UserId\" = {r.UserId} AND \"Kind\" = {P(r.Kind.ToString())} AND \"TargetId\" = {r.TargetId};\n");
        await db.Database.ExecuteSqlRawAsync(script.ToString(), args, ct);
    }
}

public static class FollowServices
{
    public static IServiceCollection AddFollows(this IServiceCollection services)
    {
        services.AddScoped<IPageHole, FollowHole>();
        services.AddScoped<IAfterSignIn, FollowAfterSignIn>().AddScoped<IAccountExportPart, FollowsExport>();
        services.AddSingleton<FollowWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowWriter>());
        return services;
    }
}
