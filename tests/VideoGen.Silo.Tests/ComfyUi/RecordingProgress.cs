using System.Collections.Concurrent;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Tests.ComfyUi;

/// <summary>Keeps every progress report, synchronously (Progress&lt;T&gt; would post them later).</summary>
internal sealed class RecordingProgress : IProgress<LaneProgress>
{
    private readonly ConcurrentQueue<LaneProgress> reports = new();

    public IReadOnlyList<LaneProgress> Reports => reports.ToList();

    public void Report(LaneProgress value) => reports.Enqueue(value);
}
