using System.Collections.Concurrent;
using VideoGen.Silo.Devices;

namespace VideoGen.TestSupport.Cluster;

/// <summary>
/// A device backend for queue tests: runs for a set time in steps, writes a small file that
/// names the job, and counts how many runs overlap. Tests can hold runs at a gate and make
/// the next runs fail with a chosen exception.
/// </summary>
public sealed class ScriptedBackend(string name) : IDeviceBackend
{
    private readonly ConcurrentQueue<Exception> _faults = new();
    private readonly ConcurrentQueue<LaneWork> _works = new();
    private readonly ConcurrentQueue<Guid> _stopped = new();
    private TaskCompletionSource? _gate;
    private int _running;
    private int _maxRunning;

    public string Name { get; } = name;
    public TimeSpan Duration { get; set; } = TimeSpan.FromMilliseconds(40);
    public int Steps { get; set; } = 4;

    /// <summary>The most runs that ever overlapped on this backend.</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxRunning);

    /// <summary>Jobs this backend started, in order.</summary>
    public IReadOnlyList<Guid> Started => Works.Select(w => w.JobId).ToArray();

    /// <summary>Jobs whose run was stopped through its cancellation token, as ComfyUI's prompt would be interrupted.</summary>
    public IReadOnlyList<Guid> Stopped => _stopped.ToArray();

    /// <summary>The work of every run, in the order the runs started.</summary>
    public IReadOnlyList<LaneWork> Works => _works.ToArray();

    /// <summary>
    /// Whether its lane claims the next job while a run is on the device and stores a run's output
    /// while the next one runs, as a ComfyUI lane does (see <see cref="DeviceTurn"/>); a run is its
    /// whole turn at the device.
    /// </summary>
    public bool PreparesAhead { get; init; }

    /// <summary>How long the narration an audio run makes lasts.</summary>
    public double NarrationSeconds { get; set; } = 1.5;

    /// <summary>Runs that start from now wait (cancellably) until <see cref="Release"/>.</summary>
    public void Hold() => Interlocked.Exchange(ref _gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release() => Interlocked.Exchange(ref _gate, null)?.TrySetResult();

    /// <summary>The next run throws <paramref name="fault"/> instead of producing a file.</summary>
    public void FailNext(Exception fault) => _faults.Enqueue(fault);

    public async Task<LaneOutput> RunAsync(LaneWork work, IProgress<LaneProgress> progress, CancellationToken ct)
    {
        _works.Enqueue(work);
        var now = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, now);
        try
        {
            if (Volatile.Read(ref _gate) is { } gate) await gate.Task.WaitAsync(ct);
            if (_faults.TryDequeue(out var fault)) throw fault;
            for (var step = 1; step <= Steps; step++)
            {
                await Task.Delay(Duration / Steps, ct);
                progress.Report(new LaneProgress((double)step / Steps, $"step {step}/{Steps}"));
            }
            var extension = work.Kind switch
            {
                Grains.Domain.JobKind.Video or Grains.Domain.JobKind.Export => ".mp4",
                Grains.Domain.JobKind.Audio => ".wav",
                _ => ".png",
            };
            var path = Path.Combine(work.OutputDirectory, work.OutputName + extension);
            await File.WriteAllTextAsync(path, $"{Name} {work.JobId} {work.Prompt}", CancellationToken.None);
            return new LaneOutput(path, work.Kind == Grains.Domain.JobKind.Audio ? NarrationSeconds : null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _stopped.Enqueue(work.JobId);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public Task<string?> HealthProblemAsync(CancellationToken ct) => Task.FromResult<string?>(null);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
