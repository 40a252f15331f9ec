using VideoGen.Reliability.Tests.Support;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Reliability.Tests;

/// <summary>
/// R1: no-op jobs through three silos of several devices on one store: none is lost, and no
/// attempt runs twice. Short: a few hundred jobs and no faults, so every job runs exactly once,
/// unless the machine starved its heartbeat past the lease and the log shows the job rescued.
/// Long (<c>VIDEOGEN_LONG=1</c>): 10 000 jobs while silos are killed and frozen; then a job may
/// run once per attempt it was given, never more.
/// </summary>
public sealed class NoLostJobsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GenerateAll_OnThreeSilos_EveryJobSucceedsAndNoAttemptRunsTwice(string provider)
    {
        // Three jobs a scene (narration, image, clip): 300 jobs short, 10 000 long.
        var sentences = Soak.Pick(100, 3_334);
        using var warnings = new WarningLog();
        await using var cluster = await QueueCluster.StartAsync(provider, Soak.PatientTimings, warnings.Factory());
        var fleet = new ScriptedFleet(cluster, TimeSpan.Zero);
        for (var s = 0; s < 3; s++) await fleet.StartSiloAsync($"silo{s}", devices: Soak.Pick(2, 3));

        var expected = await Workload.GenerateAllAsync(cluster, projects: Soak.Pick(3, 10), sentences);
        using var stopChaos = new CancellationTokenSource();
        var chaos = new Chaos(cluster, fleet, seed: 1);
        var faults = Soak.IsLong ? chaos.RunAsync(TimeSpan.FromSeconds(4), stopChaos.Token) : Task.CompletedTask;
        var census = await JobCensus.WaitForAllFinishedAsync(cluster.Database, expected, Soak.Pick(TimeSpan.FromSeconds(90), TimeSpan.FromMinutes(30)));
        await stopChaos.CancelAsync();
        await faults;

        Assert.Equal(3 * sentences, expected);
        Assert.True((census.Succeeded, census.Failed, census.Cancelled) == (expected, 0, 0), $"expected {expected} succeeded: {census}");
        Assert.Equal(0, await JobCensus.SentencesWithoutBothAsync(cluster.Database));
        var starts = fleet.StartsPerJob();
        Assert.Equal(census.Attempts.Keys.Order(), starts.Keys.Order());
        var ranTooOften = census.Attempts.Where(j => starts[j.Key] > j.Value).ToArray();
        Assert.True(ranTooOften.Length == 0, $"{ranTooOften.Length} jobs ran more often than they had attempts, e.g. {ranTooOften.FirstOrDefault()}");
        if (chaos.Kills + chaos.Pauses == 0)
        {
            // Without faults the one excuse for a second attempt is a heartbeat the machine starved
            // past the lease: that job is rescued (the log names it), which is the promise working. Nothing else may cause one.
            var retried = census.Attempts.Where(j => j.Value != 1 || starts[j.Key] != 1).ToArray();
            var unexplained = warnings.Entries.Where(e => !e.Contains("lost its lease", StringComparison.Ordinal)
                && !e.Contains("Could not renew", StringComparison.Ordinal) && !e.Contains("after its claim was lost", StringComparison.Ordinal)).ToArray();
            var rescued = retried.All(j => warnings.Entries.Any(e => e.Contains(j.Key.ToString(), StringComparison.Ordinal) && e.Contains("lost its lease", StringComparison.Ordinal)));
            Assert.True(retried.Length == 0 || (unexplained.Length == 0 && rescued),
                $"{retried.Length} jobs needed more than one attempt without any fault, e.g. {retried.FirstOrDefault()}; warnings: {string.Join(" | ", unexplained.Distinct().Take(5))}");
        }
        Assert.True(fleet.MostConcurrentOnOneBackend <= 1);
    }
}
