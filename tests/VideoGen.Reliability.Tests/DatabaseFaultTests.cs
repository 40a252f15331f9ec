using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Reliability.Tests.Support;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;
using Xunit.Abstractions;

namespace VideoGen.Reliability.Tests;

/// <summary>
/// R4: the store fails under running work — the doorbell listeners are dropped, every
/// connection is killed, then the database refuses connections for two seconds — and comes
/// back. The silos stand for other processes (their lanes are woken only by NOTIFY or their
/// poll). Every job still finishes, no attempt runs twice, and the listeners listen again.
/// </summary>
public sealed class DatabaseFaultTests(ITestOutputHelper output)
{
    /// <summary>A lease longer than the outage: a store that is back within it costs running jobs no attempt.</summary>
    internal static readonly QueueTimings OutageTimings = TestCluster.FastTimings with
    {
        Lease = TimeSpan.FromSeconds(5),
        Heartbeat = TimeSpan.FromSeconds(1),
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoreFaults_DuringWork_EveryJobFinishesAndListenersListenAgain(string provider)
    {
        await using var cluster = await TestCluster.StartAsync(provider, OutageTimings);
        var fleet = new ScriptedFleet(cluster, TimeSpan.FromMilliseconds(60));
        TestSilo[] silos = [await fleet.StartSiloAsync("east", 2, remote: true), await fleet.StartSiloAsync("west", 2, remote: true)];
        var expected = await Workload.GenerateAllAsync(cluster, projects: 2, sentences: 120);

        if (provider == "sqlite")
        {
            // One process owns a SQLite file: there is no listener, and lanes find work by their poll alone.
            var done = await JobCensus.WaitForAllFinishedAsync(cluster.Database, expected, TimeSpan.FromSeconds(60));
            Assert.Equal(expected, done.Succeeded);
            Assert.All(silos, s => Assert.Equal(0, s.Doorbell!.Connections));
            return;
        }

        var faults = new PostgresFaults(cluster.Database);
        await WaitForSucceededAsync(cluster, 30);
        Assert.Equal(2, await faults.DropListenersAsync());
        await TestCluster.WaitUntilAsync(() => Task.FromResult(silos.All(s => s.Doorbell!.Connections == 2)), TimeSpan.FromSeconds(10), "the listeners to reconnect");

        await WaitForSucceededAsync(cluster, 90);
        Assert.True(await faults.TerminateAllAsync() > 2, "pooled connections and listeners were killed");

        await WaitForSucceededAsync(cluster, 150);
        await faults.OutageAsync(TimeSpan.FromSeconds(2));

        var census = await JobCensus.WaitForAllFinishedAsync(cluster.Database, expected, TimeSpan.FromSeconds(60));
        Assert.True(census.Succeeded == expected, $"expected {expected} succeeded: {census}");
        Assert.Equal(0, await JobCensus.SentencesWithoutBothAsync(cluster.Database));
        var starts = fleet.StartsPerJob();
        output.WriteLine($"{census}; jobs that needed another attempt: {census.Attempts.Count(a => a.Value > 1)}; runs: {starts.Values.Sum()}");
        Assert.All(census.Attempts, j => Assert.True(starts[j.Key] <= j.Value, $"job {j.Key} ran {starts[j.Key]} times in {j.Value} attempts"));

        // Listening again: work queued by another process wakes both silos through NOTIFY alone.
        await TestCluster.WaitUntilAsync(() => Task.FromResult(silos.All(s => s.Doorbell!.Connections >= 4)), TimeSpan.FromSeconds(15), "the listeners to reconnect");
        var bells = silos.Select(s => s.Runtime.Signal.NextWork(Lane.Image)).ToArray();
        var late = await cluster.ImportAsync("A late scene.");
        await cluster.Scheduler.RegenerateImageAsync(late.Sentences.Single().Id, null, skipVideo: true, CancellationToken.None);
        await Task.WhenAll(bells).WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static Task WaitForSucceededAsync(TestCluster cluster, int count) =>
        TestCluster.WaitUntilAsync(async () => (await JobCensus.TryTakeAsync(cluster.Database))?.Succeeded >= count, TimeSpan.FromSeconds(30), $"{count} jobs to succeed");
}
