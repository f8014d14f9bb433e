using Broadsheet.Data.Providers;
using System.Net.Sockets;

namespace Broadsheet.Data;

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

    // Each provider knows its own driver's exceptions; both are asked, so an outage is recognised
    // whichever driver threw it.
    private static bool IsItself(Exception ex) =>
        ex is SocketException or TimeoutException || DatabaseProviders.All.Any(p => p.IsOutage(ex));
}
