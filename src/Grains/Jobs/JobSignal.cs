using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// The in-process doorbell of live pages: other processes' events (heard by
/// <see cref="PostgresDoorbell"/>) wake the event feed. Lanes are not rung here any more: the
/// device grains are called (<see cref="ILaneDispatch"/>). A waiter takes the current bell before
/// it looks, so a ring between looking and waiting is never missed.
/// </summary>
public sealed class JobSignal
{
    private readonly Bell _events = new();

    /// <summary>Completes when new events may be in the log.</summary>
    public Task NextEvents() => _events.Next();

    public void RingEvents() => _events.Ring();
}
