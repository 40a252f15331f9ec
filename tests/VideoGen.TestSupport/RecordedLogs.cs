using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VideoGen.TestSupport;

/// <summary>A logger factory that keeps every message written through it, for tests that check what an operator would read.</summary>
public sealed class RecordedLogs : IDisposable
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public RecordedLogs() => Factory = LoggerFactory.Create(builder => builder.AddProvider(new Provider(_entries)).SetMinimumLevel(LogLevel.Information));

    /// <summary>The factory to hand to the code under test.</summary>
    public ILoggerFactory Factory { get; }

    /// <summary>The messages written so far at <paramref name="level"/> or above.</summary>
    public IReadOnlyList<string> AtLeast(LogLevel level) => _entries.Where(e => e.Level >= level).Select(e => e.Message).ToArray();

    public void Dispose() => Factory.Dispose();

    private sealed class Provider(ConcurrentQueue<(LogLevel, string)> entries) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, formatter(state, exception)));

        public void Dispose()
        {
        }
    }
}
