using VideoGen.TestSupport.Cluster;

namespace VideoGen.Reliability.Tests.Support;

/// <summary>
/// Kills and freezes silos of a fleet while work runs: a killed silo is replaced by a new one
/// driving the same devices (a restarted process); a frozen one is resumed after its leases ran
/// out (a zombie). The last live silo is never touched, so work always goes on.
/// </summary>
internal sealed class Chaos(QueueCluster cluster, ScriptedFleet fleet, int seed)
{
    private readonly Random _random = new(seed);

    public int Kills { get; private set; }
    public int Pauses { get; private set; }

    /// <summary>One kill (with its replacement) and one freeze past the lease.</summary>
    public async Task RoundAsync()
    {
        await KillOneAsync();
        await FreezeOneAsync();
    }

    /// <summary>Rounds every <paramref name="every"/> until <paramref name="stop"/>.</summary>
    public async Task RunAsync(TimeSpan every, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(every, stop); }
            catch (OperationCanceledException) { return; }
            if (_random.Next(2) == 0) await KillOneAsync();
            else await FreezeOneAsync();
        }
    }

    private async Task KillOneAsync()
    {
        if (Pick() is not { } victim) return;
        await victim.KillAsync();
        Kills++;
        await fleet.ReplaceAsync(victim);
    }

    private async Task FreezeOneAsync()
    {
        if (Pick() is not { } victim) return;
        victim.Pause();
        Pauses++;
        await Task.Delay(cluster.Timings.Lease + cluster.Timings.RescueInterval);
        victim.Resume();
    }

    private TestSilo? Pick()
    {
        var alive = fleet.Alive;
        return alive.Count < 2 ? null : alive[_random.Next(alive.Count)];
    }
}
