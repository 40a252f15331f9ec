using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// The in-process doorbells: enqueueing work wakes idle lanes of that kind at once, a cancel
/// request wakes the silos' cancel watchers. A waiter takes the
/// current bell before it looks, so a ring between looking and waiting is never missed.
/// </summary>
public sealed class JobSignal
{
    private readonly Dictionary<Lane, Bell> _lanes = Enum.GetValues<Lane>().ToDictionary(l => l, _ => new Bell());
    private readonly Bell _cancel = new();

    /// <summary>Completes at the next ring for <paramref name="lane"/>.</summary>
    public Task NextWork(Lane lane) => _lanes[lane].Next();

    public void RingWork(Lane lane) => _lanes[lane].Ring();

    public void RingAllWork()
    {
        foreach (var bell in _lanes.Values) bell.Ring();
    }

    /// <summary>Completes at the next cancel request.</summary>
    public Task NextCancel() => _cancel.Next();

    public void RingCancel() => _cancel.Ring();
}
