using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Broadsheet.Data.Providers.Sqlite;

/// <summary>
/// SQLite has one writer at a time and its driver waits for the lock by sleeping the thread;
/// queueing on an async gate in the process instead keeps threads free. The provider applies
/// the gate to every write as an EF interceptor, so feature code never takes it (nor knows it
/// exists): a context holds it from the start of its transaction (Microsoft.Data.Sqlite begins
/// IMMEDIATE, so every transaction is a writer) to its commit, rollback or failure, and a write
/// statement outside a transaction holds it for that statement. One gate per database file,
/// shared by every context in the process. PostgreSQL locks rows itself and has no gate.
/// </summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    // Who holds a gate: a context for its transaction, or one command outside any transaction.
    private readonly ConditionalWeakTable<object, Held> holders = new();

    private SqliteWriteGate() { }

    private sealed class Held(SemaphoreSlim gate)
    {
        private int released;
        public void Release() { if (Interlocked.Exchange(ref released, 1) == 0) gate.Release(); }
    }

    private static SemaphoreSlim GateOf(DbConnection connection) => Gates.GetOrAdd(connection.ConnectionString, _ => new SemaphoreSlim(1, 1));

    private async ValueTask HoldAsync(object? holder, DbConnection connection, CancellationToken ct)
    {
        if (holder is null || holders.TryGetValue(holder, out _)) return; // already held: a transaction begun again on this context
        var gate = GateOf(connection);
        await gate.WaitAsync(ct);
        holders.AddOrUpdate(holder, new Held(gate));
    }

    private void Hold(object? holder, DbConnection connection)
    {
        if (holder is null || holders.TryGetValue(holder, out _)) return;
        var gate = GateOf(connection);
        gate.Wait();
        holders.AddOrUpdate(holder, new Held(gate));
    }

    private void Release(object? holder)
    {
        if (holder is null || !holders.TryGetValue(holder, out var held)) return;
        holders.Remove(holder);
        held.Release();
    }

    // Transactions: from begin to commit, rollback or failure.
    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Hold(eventData.Context, connection);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await HoldAsync(eventData.Context, connection, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an early return) is rolled back by
    // SQLite with no event of its own; its connection closes with it, so the gate goes then.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // One write statement outside a transaction (ExecuteUpdate, UPDATE ... RETURNING, a one-row
    // SaveChanges, which EF sends without a transaction): held for that statement only.
    private static bool Writes(DbCommand command, CommandEventData eventData) =>
        command.Transaction is null && command.Connection is not null && eventData.Context is not null
        && !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        && !command.CommandText.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (Writes(command, eventData)) Hold(command, command.Connection!);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Writes(command, eventData)) await HoldAsync(command, command.Connection!, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Release(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (Writes(command, eventData)) Hold(command, command.Connection!);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Writes(command, eventData)) await HoldAsync(command, command.Connection!, cancellationToken);
        return result;
    }

    // A reader's statement runs until the reader is closed.
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Release(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Release(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Release(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Release(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }
}
