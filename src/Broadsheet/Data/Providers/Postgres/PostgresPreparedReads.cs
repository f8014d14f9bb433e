using Npgsql;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;

namespace Broadsheet.Data.Providers.Postgres;

/// <summary>
/// PostgreSQL's <see cref="IPreparedReads"/>: an explicitly prepared command on Npgsql's pooled
/// connections. Npgsql keeps a prepared statement on the physical connection when it goes back
/// to the pool, and a later Prepare of the same text finds it there without a round trip, so the
/// server parses and plans the statement once per connection, not once per request.
/// </summary>
public sealed class PostgresPreparedReads(string connectionString, ILogger log) : IPreparedReads
{
    public async Task ReadAsync(string sql, IReadOnlyList<object> args, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < args.Count; i++) command.Parameters.AddWithValue("p" + i.ToString(CultureInfo.InvariantCulture), args[i]);
        await command.PrepareAsync(ct);
        var started = Stopwatch.GetTimestamp();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) row(reader);
        PreparedReadLog.Executed(log, started, sql);
    }
}
