namespace VideoGen.Silo.Tests.Media;

/// <summary>Records reports synchronously, in order (unlike <see cref="Progress{T}"/>, which posts them to the thread pool).</summary>
public sealed class RecordingProgress<T> : IProgress<T>
{
    private readonly List<T> _reports = [];
    private readonly Lock _gate = new();

    /// <summary>Runs on every report, after it is recorded.</summary>
    public Action<T>? OnReport { get; init; }

    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (_gate) return [.. _reports];
        }
    }

    public void Report(T value)
    {
        lock (_gate) _reports.Add(value);
        OnReport?.Invoke(value);
    }
}
