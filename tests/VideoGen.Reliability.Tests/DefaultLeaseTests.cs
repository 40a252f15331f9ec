using System.Diagnostics;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Reliability.Tests;

/// <summary>
/// R2 with the production timings (lease 10 s, heartbeat 3 s, rescue every 2 s) rather than the
/// fast ones the other cluster tests use. SLOW ON PURPOSE: about 12 s per database, spent
/// waiting for a real lease to run out.
/// </summary>
public sealed class DefaultLeaseTests
{
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(20);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KillSilo_WithDefaultTimings_JobClaimableAgainWithin20Seconds(string provider)
    {
        var timings = new QueueTimings();
        Assert.Equal(TimeSpan.FromSeconds(10), timings.Lease);
        await using var cluster = await QueueCluster.StartAsync(provider, timings);
        var doomedImage = new ScriptedBackend("gpu-a/image");
        doomedImage.Hold();
        var doomed = await cluster.StartSiloAsync("doomed", QueueCluster.Device("gpu-a", doomedImage, new ScriptedBackend("gpu-a/video")));
        var project = await cluster.ImportAsync("One.");
        var job = (await cluster.Scheduler.RegenerateImageAsync(project.Sentences.Single().Id, null, skipVideo: true, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(job.Id, JobStatus.Running);
        var survivorImage = new ScriptedBackend("gpu-b/image");
        await cluster.StartSiloAsync("survivor", QueueCluster.Device("gpu-b", survivorImage, new ScriptedBackend("gpu-b/video")));

        await doomed.KillAsync();
        var sinceKill = Stopwatch.StartNew();
        await QueueCluster.WaitUntilAsync(() => Task.FromResult(survivorImage.Started.Contains(job.Id)), Promised + TimeSpan.FromSeconds(5),
            "the job to be claimed by the surviving silo");
        var claimableAfter = sinceKill.Elapsed;

        Assert.True(claimableAfter <= Promised, $"claimable again after {claimableAfter.TotalSeconds:0.0} s");
        var finished = await cluster.WaitForJobAsync(job.Id, JobStatus.Succeeded);
        Assert.Equal(("gpu-b", 2), (finished.Device, finished.Attempt));
    }
}
