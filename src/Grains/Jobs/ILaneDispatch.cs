using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// Tells the device lanes what the store just committed: work was queued, or a running job was
/// asked to stop. On the cluster it is a call to the device grains; the lanes' slow poll stays
/// as the fallback, so a lost call only delays work. Calls return at once and never throw: the
/// commit they follow has happened whatever becomes of them.
/// </summary>
public interface ILaneDispatch
{
    /// <summary>Jobs for <paramref name="lanes"/> were queued (or requeued): idle lanes of those kinds look for work.</summary>
    void WorkQueued(IReadOnlyCollection<Lane> lanes);

    /// <summary>The running job <paramref name="jobId"/> on <paramref name="device"/> was asked to stop: its lane stops it.</summary>
    void CancelRequested(string device, Guid jobId);
}
