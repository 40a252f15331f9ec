using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VideoGen.TestSupport;

/// <summary>Keeps every warning and error the cluster logs, so a test can tell why a job needed another attempt, or check what an operator reads.</summary>
public sealed class WarningLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILoggerFactory Factory() => LoggerFactory.Create(builder => builder.AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(WarningLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log._entries.Enqueue(formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})"));
        }
    }
}
