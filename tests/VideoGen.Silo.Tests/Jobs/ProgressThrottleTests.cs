using VideoGen.Grains.Domain;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Jobs;

/// <summary>Progress is throttled to one write per interval, but the throttle never holds back the end of a job.</summary>
public sealed class ProgressThrottleTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task JobEnd_WithALongProgressInterval_IsStoredAsSoonAsTheBackendFinishes(string provider)
    {
        var timings = QueueCluster.FastTimings with { ProgressInterval = TimeSpan.FromSeconds(5) };
        await using var cluster = await QueueCluster.StartAsync(provider, timings);
        var image = new ScriptedBackend("gpu-0/image") { Duration = TimeSpan.FromMilliseconds(40), Steps = 4 };
        await cluster.StartSiloAsync("a", QueueCluster.Device("gpu-0", image, new ScriptedBackend("gpu-0/video")));
        var project = await cluster.ImportAsync("One.");

        var job = (await cluster.Scheduler.RegenerateImageAsync(project.Sentences.Single().Id, null, skipVideo: true, CancellationToken.None)).Value!;
        var done = await cluster.WaitForJobAsync(job.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(4));

        Assert.True(done.FinishedAt - done.StartedAt < TimeSpan.FromSeconds(2), $"the job took {(done.FinishedAt - done.StartedAt)?.TotalMilliseconds:0} ms");
        Assert.Equal(1.0, done.Progress);
    }
}
