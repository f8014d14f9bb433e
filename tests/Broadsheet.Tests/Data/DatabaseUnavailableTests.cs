using Broadsheet.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using System.Net.Sockets;

namespace Broadsheet.Tests.Data;

public sealed class DatabaseUnavailableTests
{
    private static Exception Make(string kind) => kind switch
    {
        "refused" => new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)),
        "refused, wrapped by EF" => new InvalidOperationException("likely due to a transient failure",
            new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))),
        "save failed" => new DbUpdateException("saving failed", new NpgsqlException("Exception while reading from stream", new IOException())),
        "admin shutdown" => new PostgresException("terminating connection", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown),
        "starting up" => new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow),
        "too many connections" => new PostgresException("too many clients", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections),
        "connection failure" => new PostgresException("connection failure", "FATAL", "FATAL", PostgresErrorCodes.ConnectionFailure),
        "timeout" => new TimeoutException(),
        "sqlite busy" => new SqliteException("database is locked", 5),
        "unique violation" => new DbUpdateException("saving failed",
            new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)),
        "syntax error" => new PostgresException("syntax error", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError),
        "sqlite constraint" => new SqliteException("UNIQUE constraint failed", 19),
        "bug" => new NullReferenceException(),
        "bad request" => new Microsoft.AspNetCore.Http.BadHttpRequestException("bad form"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [InlineData("refused", true)]
    [InlineData("refused, wrapped by EF", true)]
    [InlineData("save failed", true)]
    [InlineData("admin shutdown", true)]
    [InlineData("starting up", true)]
    [InlineData("too many connections", true)]
    [InlineData("connection failure", true)]
    [InlineData("timeout", true)]
    [InlineData("sqlite busy", true)]
    [InlineData("unique violation", false)]
    [InlineData("syntax error", false)]
    [InlineData("sqlite constraint", false)]
    [InlineData("bug", false)]
    [InlineData("bad request", false)]
    public void Only_an_unreachable_database_counts_as_an_outage(string kind, bool outage) =>
        DatabaseUnavailable.Is(Make(kind)).ShouldBe(outage);

    [Fact]
    public void No_exception_is_no_outage() => DatabaseUnavailable.Is(null).ShouldBeFalse();
}
