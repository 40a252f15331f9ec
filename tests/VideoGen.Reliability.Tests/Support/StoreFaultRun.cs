using VideoGen.TestSupport.Cluster;

namespace VideoGen.Reliability.Tests.Support;

/// <summary>
/// Work for the store to fail under: two silos, two devices each, woken by dispatch (as the
/// device grains are called) or their poll; two projects generated in full. After the faults,
/// <see cref="FinishAsync"/> proves nothing was lost.
/// </summary>
internal sealed class StoreFaultRun : IAsyncDisposable
{
    private StoreFaultRun(QueueCluster cluster, ScriptedFleet fleet, TestSilo[] silos, int expected)
    {
        Cluster = cluster;
        Fleet = fleet;
        Silos = silos;
        Expected = expected;
    }

    public QueueCluster Cluster { get; }
    public ScriptedFleet Fleet { get; }
    public IReadOnlyList<TestSilo> Silos { get; }

    /// <summary>How many jobs the run ends with (narrations, images and their cascaded clips).</summary>
    public int Expected { get; }

    public static async Task<StoreFaultRun> StartAsync(string provider, int sentences)
    {
        var cluster = await QueueCluster.StartAsync(provider, Soak.PatientTimings);
        var fleet = new ScriptedFleet(cluster, TimeSpan.FromMilliseconds(60));
        TestSilo[] silos = [await fleet.StartSiloAsync("east", 2), await fleet.StartSiloAsync("west", 2)];
        var expected = await Workload.GenerateAllAsync(cluster, projects: 2, sentences);
        return new StoreFaultRun(cluster, fleet, silos, expected);
    }

    /// <summary>Waits until at least <paramref name="count"/> jobs succeeded, whatever state the store is in meanwhile.</summary>
    public Task WaitForSucceededAsync(int count) =>
        QueueCluster.WaitUntilAsync(async () => (await JobCensus.TryTakeAsync(Cluster.Database))?.Succeeded >= count,
            TimeSpan.FromSeconds(30), $"{count} jobs to succeed");

    /// <summary>
    /// Waits for every job to finish and checks: all succeeded, every scene has its image and
    /// clip, no job ran more often than it had attempts. Returns the final census.
    /// </summary>
    public async Task<JobCensus> FinishAsync()
    {
        var census = await JobCensus.WaitForAllFinishedAsync(Cluster.Database, Expected, TimeSpan.FromSeconds(60));
        Assert.True(census.Succeeded == Expected, $"expected {Expected} succeeded: {census}");
        Assert.Equal(0, await JobCensus.SentencesWithoutBothAsync(Cluster.Database));
        var starts = Fleet.StartsPerJob();
        Assert.All(census.Attempts, j => Assert.True(starts[j.Key] <= j.Value, $"job {j.Key} ran {starts[j.Key]} times in {j.Value} attempts"));
        return census;
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
