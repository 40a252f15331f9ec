using VideoGen.Grains.Jobs;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Lanes;

/// <summary>
/// One job's place in its lane's line for the device. A job claimed while the lane's device was free
/// has the device at once; one claimed as the next (<see cref="LaneStage.Next"/>) gets it when the job
/// ahead has left it and the store has moved it onto the device. Leaving is recorded in the store
/// before the next job may take the device, so the running-lane index never sees two.
/// </summary>
internal sealed class LaneTurn
{
    private readonly TaskCompletionSource _taken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _left = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Guid _jobId;
    private readonly LaneTurn? _ahead;
    private readonly Func<Task<bool>> _takeDevice;
    private readonly Func<Task> _leaveDevice;
    private int _leaving;
    private volatile bool _askedForDevice;

    /// <param name="jobId">The job whose turn this is.</param>
    /// <param name="ahead">The turn of the job on the device when this one was claimed as its next; null when the device was free.</param>
    /// <param name="takeDevice">Moves the job onto the device in the store; false when its claim was lost.</param>
    /// <param name="leaveDevice">Records that the job left the device; null when nothing needs recording (the lane takes no next job meanwhile).</param>
    public LaneTurn(Guid jobId, LaneTurn? ahead, Func<Task<bool>> takeDevice, Func<Task>? leaveDevice)
    {
        _jobId = jobId;
        _ahead = ahead;
        _takeDevice = takeDevice;
        _leaveDevice = leaveDevice ?? (() => Task.CompletedTask);
        if (ahead is null)
        {
            _askedForDevice = true;
            _taken.TrySetResult();
        }
        Backend = new DeviceTurn(WaitAsync, Leave);
    }

    public Guid JobId => _jobId;

    /// <summary>The turn as the backend sees it.</summary>
    public DeviceTurn Backend { get; }

    /// <summary>Whether the job holds the device now.</summary>
    public bool IsOnDevice => _taken.Task.IsCompleted && !_left.Task.IsCompleted;

    /// <summary>Whether the job has the device or is done with it: the lane may claim behind it.</summary>
    public bool IsSettled => _taken.Task.IsCompleted || _left.Task.IsCompleted;

    /// <summary>Completes when <see cref="IsSettled"/> becomes true.</summary>
    public Task Settled => Task.WhenAny(_taken.Task, _left.Task);

    /// <summary>Whether this job, and every job ahead of it, is off the device for good.</summary>
    public bool HasLeft => _left.Task.IsCompleted;

    private Task Left => _left.Task;

    /// <summary>Thrown by <see cref="DeviceTurn.WaitAsync"/> when the store no longer holds the job for this lane.</summary>
    public sealed class ClaimLostException(Guid jobId) : OperationCanceledException($"Job {jobId} lost its claim before it reached the device.");

    private async Task WaitAsync(CancellationToken ct)
    {
        if (_taken.Task.IsCompleted) return;
        await _ahead!.Left.WaitAsync(ct);
        ct.ThrowIfCancellationRequested();
        _askedForDevice = true;
        if (!await _takeDevice()) throw new ClaimLostException(_jobId);
        _taken.TrySetResult();
    }

    /// <summary>The device is free of this job (or will never have it); idempotent.</summary>
    public void Leave()
    {
        if (Interlocked.Exchange(ref _leaving, 1) == 1) return;
        _ = LeaveAsync();
    }

    private async Task LeaveAsync()
    {
        try
        {
            // A job that never asked for the device leaves when the one ahead does: the line keeps its order.
            if (_askedForDevice) await _leaveDevice();
            else await _ahead!.Left;
        }
        finally
        {
            _left.TrySetResult();
        }
    }
}
