using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Broadsheet.Views;

/// <summary>
/// Who a view belongs to, without a cookie: the signed-in user, or for anonymous readers a
/// keyed hash of IP address and User-Agent under today's salt. The salt is random, shared by
/// every instance through the database, and deleted when its day ends, so yesterday's hashes
/// cannot be recomputed or linked to today's.
/// A key is one 64-bit number: a user is their id negated, an anonymous reader the hash's first
/// 63 bits (never negative). A number rather than text keeps the viewers index small, which is
/// what a spike's flush pays for per reader. Two readers of one article share a key by chance
/// about once in 2^63 / n² days for n readers a day (a million readers: once in 25 million days).
/// </summary>
public static class ReaderKey
{
    public static long ForUser(int userId) => -(long)userId;

    public static long ForAnonymous(byte[] salt, string ip, string userAgent)
    {
        var mac = HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(ip + "\n" + userAgent));
        return BinaryPrimitives.ReadInt64BigEndian(mac) & long.MaxValue;
    }
}

/// <summary>Today's salt, read (or made) once a day per instance.</summary>
public sealed class DailySalts(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (DateOnly Day, byte[] Salt)? current;

    public async ValueTask<byte[]> TodayAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (current is { } c && c.Day == today) return c.Salt;
        await gate.WaitAsync(ct);
        try
        {
            if (current is { } again && again.Day == today) return again.Salt;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            // The first instance to ask makes the day's salt; the rest read that one.
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "DailySalts" ("Day", "Salt") VALUES ({0}, {1}) ON CONFLICT ("Day") DO NOTHING""",
                [today, RandomNumberGenerator.GetBytes(32)], ct);
            var salt = await db.DailySalts.Where(s => s.Day == today).Select(s => s.Salt).FirstAsync(ct);
            await db.DailySalts.Where(s => s.Day < today).ExecuteDeleteAsync(ct);
            current = (today, salt);
            return salt;
        }
        finally { gate.Release(); }
    }
}
