using VideoGen.Reliability.Tests.Support;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Reliability.Tests;

/// <summary>
/// R11: the lane invariant, sampled continuously while three silos burn through work and are
/// killed and frozen: never more than one image and one video job running per device, in the
/// store and on every backend. Short: one kill and one freeze; long: minutes of them, with new
/// work arriving all along.
/// </summary>
public sealed class LaneInvariantTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LaneInvariant_UnderLoadKillsAndFreezes_HoldsAtEverySample(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var fleet = new ScriptedFleet(cluster, TimeSpan.FromMilliseconds(15));
        for (var s = 0; s < 3; s++) await fleet.StartSiloAsync($"silo{s}", devices: 2);
        await using var probe = LaneInvariantProbe.Start(cluster.Database);
        var chaos = new Chaos(cluster, fleet, seed: 11);

        var expected = await Workload.GenerateAllAsync(cluster, projects: 2, sentences: 80);
        if (Soak.IsLong)
        {
            using var minutes = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var faults = chaos.RunAsync(TimeSpan.FromSeconds(3), minutes.Token);
            while (!minutes.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                expected += await Workload.GenerateAllAsync(cluster, projects: 1, sentences: 40);
            }
            await faults;
        }
        else
        {
            await chaos.RoundAsync();
        }
        var census = await JobCensus.WaitForAllFinishedAsync(cluster.Database, expected, Soak.Pick(TimeSpan.FromSeconds(120), TimeSpan.FromMinutes(10)));
        await probe.StopAsync();

        Assert.True(chaos.Kills > 0 && chaos.Pauses > 0, "the run had its kills and freezes");
        Assert.True(probe.Samples > 50, $"the invariant was sampled only {probe.Samples} times");
        Assert.True(probe.Worst <= 1, $"{probe.Worst} jobs ran at once on {probe.WorstLane}");
        Assert.True(fleet.MostConcurrentOnOneBackend <= 1, $"a backend ran {fleet.MostConcurrentOnOneBackend} jobs at once");
        Assert.True((census.Succeeded, census.Failed) == (expected, 0), $"expected {expected} succeeded: {census}");
    }
}
