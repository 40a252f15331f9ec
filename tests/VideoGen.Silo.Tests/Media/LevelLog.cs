using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VideoGen.Silo.Tests.Media;

/// <summary>A logger that keeps every entry with its level, so a test can check what an operator's log shows at which level.</summary>
public sealed class LevelLog<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyCollection<(LogLevel Level, string Message)> Entries => _entries;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((logLevel, formatter(state, exception)));
}
