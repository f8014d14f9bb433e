using Microsoft.Data.Sqlite;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;

namespace Broadsheet.Data.Providers.Sqlite;

/// <summary>
/// SQLite's <see cref="IPreparedReads"/>: a few read connections kept open, each with its
/// statements compiled once and only rebound afterwards (about 25 µs a run instead of 170 µs
/// compiling it again). At most <see cref="MaxConnections"/> are open; more callers wait for one.
/// The connections are query-only, so they never need the write gate; in WAL mode each statement
/// reads the last committed state when it starts, so a reader's vote shows on their next page.
/// </summary>
public sealed class SqlitePreparedReads : IPreparedReads, IDisposable
{
    /// <summary>A statement runs in tens of microseconds, synchronously: a few connections serve every thread.</summary>
    public const int MaxConnections = 8;

    /// <summary>Statements kept per connection. The texts differ by the holes a page has, so a site has few; more means a bug, and the cache starts again.</summary>
    public const int MaxStatements = 64;

    private readonly string connectionString;
    private readonly ILogger log;
    private readonly SemaphoreSlim slots = new(MaxConnections);
    private readonly ConcurrentBag<Kept> idle = [];
    private volatile bool disposed;

    public SqlitePreparedReads(string connectionString, ILogger log)
    {
        // Closed only when this is disposed: no pool is needed, and a pooled close would finalise the statements.
        this.connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        this.log = log;
    }

    public async Task ReadAsync(string sql, IReadOnlyList<object> args, Action<DbDataReader> row, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        Kept? kept = null;
        var broken = true;
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            kept = idle.TryTake(out var k) ? k : Open();
            var command = kept.Command(sql, args.Count);
            for (var i = 0; i < args.Count; i++) command.Parameters[i].Value = args[i];
            var started = Stopwatch.GetTimestamp();
            // Microsoft.Data.Sqlite runs "async" calls synchronously anyway; disposing the reader
            // resets the statement, which ends its read snapshot.
            using (var reader = command.ExecuteReader())
                while (reader.Read()) row(reader);
            PreparedReadLog.Executed(log, started, sql);
            broken = false;
        }
        finally
        {
            // A failed connection (a busy file, a moved database) is closed, not handed out again.
            if (kept is not null)
            {
                if (broken || disposed) kept.Dispose();
                else idle.Add(kept);
            }
            slots.Release();
        }
    }

    private Kept Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var only = connection.CreateCommand();
            only.CommandText = "PRAGMA query_only = 1;";
            only.ExecuteNonQuery();
            return new Kept(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var kept)) kept.Dispose();
    }

    private sealed class Kept(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

        public SqliteCommand Command(string sql, int parameters)
        {
            if (commands.TryGetValue(sql, out var command)) return command;
            if (commands.Count >= MaxStatements) DisposeCommands();
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter("@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), DBNull.Value));
            command.Prepare();
            commands[sql] = command;
            return command;
        }

        private void DisposeCommands()
        {
            foreach (var command in commands.Values) command.Dispose();
            commands.Clear();
        }

        public void Dispose()
        {
            DisposeCommands();
            connection.Dispose();
        }
    }
}
