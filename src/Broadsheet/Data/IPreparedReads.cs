using Microsoft.EntityFrameworkCore;
using System.Data.Common;
using System.Diagnostics;

namespace Broadsheet.Data;

/// <summary>
/// A read statement that runs on every request with new values (the shared page's holes,
/// Caching/HoleReads), kept prepared by the provider. Through EF each run compiled the same
/// statement again: Microsoft.Data.Sqlite prepares per command and a pooled connection finalises
/// its statements on close, and compiling was 31 % of a signed-in hit (docs/benchmarks.md).
/// One implementation per engine (Providers/Sqlite, Providers/Postgres); the caller never knows which.
/// </summary>
public interface IPreparedReads
{
    /// <summary>
    /// Runs <paramref name="sql"/> (a SELECT whose parameters are <c>@p0</c>, <c>@p1</c>… in the
    /// order of <paramref name="args"/>) and calls <paramref name="row"/> once for each row, in order.
    /// It sees every write committed before it starts.
    /// </summary>
    Task ReadAsync(string sql, IReadOnlyList<object> args, Action<DbDataReader> row, CancellationToken ct);
}

/// <summary>
/// Prepared reads are logged as EF logs its commands, in the same category and at the same level,
/// so whoever counts the statements a request runs (tests, bench/signedin.sh) counts these too.
/// </summary>
public static partial class PreparedReadLog
{
    public static ILogger For(ILoggerFactory factory) => factory.CreateLogger(DbLoggerCategory.Database.Command.Name);

    /// <summary>The time since <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp), only when the log is on.</summary>
    public static void Executed(ILogger log, long started, string sql)
    {
        if (log.IsEnabled(LogLevel.Information))
            Write(log, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, sql);
    }

    [LoggerMessage(EventId = 20101, Level = LogLevel.Information, Message = "Executed prepared DbCommand ({Elapsed}ms) {Sql}")]
    private static partial void Write(ILogger log, long elapsed, string sql);
}
