using Microsoft.Data.Sqlite;
using Npgsql;
using System.Net.Sockets;

namespace Broadsheet.Shared;

/// <summary>
/// Whether an exception means "the database cannot be reached right now" (an outage the reader
/// should wait out: 503) rather than a bug (500). EF Core wraps provider errors
/// (DbUpdateException, InvalidOperationException), so the whole inner chain is read.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception? ex)
    {
        for (var depth = 0; ex is not null && depth < 16; ex = ex.InnerException, depth++)
        {
            if (ex is AggregateException many && many.InnerExceptions.Any(Is)) return true;
            if (IsItself(ex)) return true;
        }
        return false;
    }

    private static bool IsItself(Exception ex) => ex switch
    {
        // Server-side refusals: shutting down, starting up, out of connections, connection lost.
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        // Any other Npgsql error is client-side: refused socket, broken stream, connect timeout.
        // (A PostgresException that is a bug, such as a constraint violation, was handled above.)
        NpgsqlException => true,
        // Another writer holds the SQLite file longer than the busy timeout.
        SqliteException lite => lite.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        SocketException or TimeoutException => true,
        _ => false,
    };
}
