using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.TestSupport.Cluster;

/// <summary>Dispatch for tests of the store alone, where no lane runs: there is nobody to wake.</summary>
public sealed class NoLanes : ILaneDispatch
{
    public static readonly NoLanes Instance = new();

    public void WorkQueued(IReadOnlyCollection<Lane> lanes)
    {
    }

    public void CancelRequested(string device, Guid jobId)
    {
    }
}
