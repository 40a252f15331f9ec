using VideoGen.Silo.Lanes;

namespace VideoGen.TestSupport.Cluster;

/// <summary>
/// A silo of a <see cref="QueueCluster"/>: its runtime and the queue view a test can freeze.
/// </summary>
public sealed class TestSilo(SiloRuntime runtime, PausableQueue queue)
{
    public SiloRuntime Runtime { get; } = runtime;
    public PausableQueue Queue { get; } = queue;

    public string Id => Runtime.Identity.Id;
    public bool Stopped { get; private set; }

    /// <summary>Stops the silo abruptly: no drain, no writes, as if its process died.</summary>
    public async Task KillAsync()
    {
        Stopped = true;
        await Runtime.KillAsync();
    }

    /// <summary>Drains the silo: running jobs get <paramref name="grace"/>, then go back to the queue.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        Stopped = true;
        await Runtime.StopAsync(grace);
    }

    /// <summary>Freezes every queue call of this silo (its jobs keep running on their backends).</summary>
    public void Pause() => Queue.Pause();

    public void Resume() => Queue.Resume();
}
