using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Silo.Lanes;

namespace VideoGen.TestSupport.Cluster;

/// <summary>
/// Dispatch for silos of one process without Orleans: what the device grains do on the cluster
/// (wake the idle lanes of a kind, stop a cancelled job on its device), done on the runtimes
/// directly. Silos standing for other processes are not added, so only their poll wakes them.
/// </summary>
public sealed class InProcessLanes : ILaneDispatch
{
    private readonly Lock _gate = new();
    private SiloRuntime[] _runtimes = [];

    /// <summary>Lets dispatch reach <paramref name="runtime"/>'s lanes.</summary>
    public void Add(SiloRuntime runtime)
    {
        lock (_gate) _runtimes = [.. _runtimes, runtime];
    }

    public void WorkQueued(IReadOnlyCollection<Lane> lanes)
    {
        foreach (var runtime in Volatile.Read(ref _runtimes)) runtime.Wake(null, lanes);
    }

    public void CancelRequested(string device, Guid jobId)
    {
        foreach (var runtime in Volatile.Read(ref _runtimes)) runtime.CancelRunning(device, jobId);
    }
}
