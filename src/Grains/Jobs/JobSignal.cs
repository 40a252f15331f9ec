using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// The in-process doorbell: enqueueing work wakes idle lanes of that kind at once, and a
/// cancel request wakes the silos' cancel watchers. A waiter takes the current bell before
/// it looks for work, so a ring between looking and waiting is never missed.
/// </summary>
public sealed class JobSignal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Lane, TaskCompletionSource> _lanes = Enum.GetValues<Lane>().ToDictionary(l => l, _ => NewBell());
    private TaskCompletionSource _cancel = NewBell();

    /// <summary>Completes at the next ring for <paramref name="lane"/>.</summary>
    public Task NextWork(Lane lane)
    {
        lock (_gate) return _lanes[lane].Task;
    }

    public void RingWork(Lane lane)
    {
        TaskCompletionSource rung;
        lock (_gate)
        {
            rung = _lanes[lane];
            _lanes[lane] = NewBell();
        }
        rung.TrySetResult();
    }

    public void RingAllWork()
    {
        foreach (var lane in Enum.GetValues<Lane>()) RingWork(lane);
    }

    /// <summary>Completes at the next cancel request.</summary>
    public Task NextCancel()
    {
        lock (_gate) return _cancel.Task;
    }

    public void RingCancel()
    {
        TaskCompletionSource rung;
        lock (_gate)
        {
            rung = _cancel;
            _cancel = NewBell();
        }
        rung.TrySetResult();
    }

    private static TaskCompletionSource NewBell() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
