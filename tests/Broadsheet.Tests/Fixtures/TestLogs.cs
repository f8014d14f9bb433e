using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace Broadsheet.Tests.Fixtures;

/// <summary>Collects the app's log lines (formatted, with category and level) so tests can read them.</summary>
public sealed class TestLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue((category, logLevel, exception is null ? formatter(state, null) : $"{formatter(state, exception)} {exception.GetType().Name}: {exception.Message}"));
    }
}
