using VideoGen.Grains.Jobs;
using VideoGen.Silo.Lanes;

namespace VideoGen.TestSupport.Cluster;

/// <summary>
/// A silo of a <see cref="QueueCluster"/>: its runtime, the queue view a test can freeze, and
/// for a silo that stands for another process, the PostgreSQL listener that wakes it.
/// </summary>
public sealed class TestSilo(SiloRuntime runtime, PausableQueue queue, PostgresDoorbell? doorbell = null)
{
    public SiloRuntime Runtime { get; } = runtime;
    public PausableQueue Queue { get; } = queue;

    /// <summary>The silo's own listener for other processes' doorbells (remote silos only).</summary>
    public PostgresDoorbell? Doorbell { get; } = doorbell;

    public string Id => Runtime.Identity.Id;
    public bool Stopped { get; private set; }

    /// <summary>Stops the silo abruptly: no drain, no writes, as if its process died.</summary>
    public async Task KillAsync()
    {
        Stopped = true;
        await Runtime.KillAsync();
        await StopDoorbellAsync();
    }

    /// <summary>Drains the silo: running jobs get <paramref name="grace"/>, then go back to the queue.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        Stopped = true;
        await Runtime.StopAsync(grace);
        await StopDoorbellAsync();
    }

    /// <summary>Freezes every queue call of this silo (its jobs keep running on their backends).</summary>
    public void Pause() => Queue.Pause();

    public void Resume() => Queue.Resume();

    private async Task StopDoorbellAsync()
    {
        if (Doorbell is null) return;
        await Doorbell.StopAsync(CancellationToken.None);
        Doorbell.Dispose();
    }
}
