using VideoGen.Grains.Domain;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Jobs;

/// <summary>Stopping a silo for maintenance while a bulk run goes on: it drains, and the others carry on.</summary>
public sealed class SiloDrainTests
{
    private const int Scenes = 9;

    /// <summary>Narration, image and clip.</summary>
    private const int JobsPerScene = 3;

    /// <summary>Image, video and CPU backends, in the order they are added.</summary>
    private const int BackendsPerSilo = 3;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Drain_MidBulkRunWithGrace_NoJobLostNoneRunTwice(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var backends = new List<ScriptedBackend>();
        var silos = new List<TestSilo>();
        // Every silo has a CPU device too: "generate all" narrates each scene before its clip.
        foreach (var name in new[] { "a", "b", "c" })
        {
            var gpu = Device($"gpu-{name}", backends);
            var cpu = new ScriptedBackend($"cpu-{name}") { Duration = TimeSpan.FromMilliseconds(50) };
            backends.Add(cpu);
            silos.Add(await cluster.StartSiloAsync(name, gpu, QueueCluster.CpuDevice($"cpu-{name}", cpu)));
        }
        var project = await cluster.ImportAsync(QueueCluster.Script(Scenes));

        await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None);
        var draining = silos[0];
        IReadOnlyList<Guid> runningAtStop = [];
        // The snapshot that had jobs in it is the one checked: a job ending in between would leave nothing to check.
        await QueueCluster.WaitUntilAsync(() => Task.FromResult((runningAtStop = draining.Runtime.RunningJobs).Count > 0), TimeSpan.FromSeconds(20), "silo a to run a job");
        await draining.StopAsync(TimeSpan.FromSeconds(20));
        var startedOnDrained = backends.Take(BackendsPerSilo).Sum(b => b.Started.Count);

        var afterStop = await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None);
        Assert.All(runningAtStop, id =>
        {
            var job = afterStop.Single(j => j.Id == id);
            Assert.True(job.Status == JobStatus.Succeeded, $"{job.Kind} job is {job.Status}, attempt {job.Attempt}: {job.Error}");
        });
        var jobs = await cluster.WaitForProjectAsync(project.Id, Scenes * JobsPerScene, TimeSpan.FromSeconds(60));
        Assert.All(jobs, j => Assert.True(j.Attempt == 1, $"{j.Kind} job retried: {j.Error}"));
        var started = backends.SelectMany(b => b.Started).ToArray();
        Assert.Equal(started.Length, started.Distinct().Count());
        Assert.Equal(jobs.Select(j => j.Id).Order(), started.Order());
        Assert.Equal(startedOnDrained, backends.Take(BackendsPerSilo).Sum(b => b.Started.Count));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Drain_WithGraceRunningOut_HandsTheJobBackAndItSucceedsElsewhere(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var slow = new List<ScriptedBackend>();
        var draining = await cluster.StartSiloAsync("a", Device("gpu-a", slow));
        slow.ForEach(b => b.Hold());
        var project = await cluster.ImportAsync(QueueCluster.Script(1));
        var image = (await cluster.Scheduler.RegenerateImageAsync(project.Sentences.Single().Id, null, skipVideo: true, CancellationToken.None)).Value!;
        await QueueCluster.WaitUntilAsync(() => Task.FromResult(draining.Runtime.RunningJobs.Count == 1), TimeSpan.FromSeconds(20), "silo a to run the image");

        await draining.StopAsync(TimeSpan.FromMilliseconds(100));
        var others = new List<ScriptedBackend>();
        await cluster.StartSiloAsync("b", Device("gpu-b", others));

        var done = await cluster.WaitForJobAsync(image.Id, JobStatus.Succeeded);
        Assert.Equal("gpu-b", done.Device);
        Assert.Equal([image.Id], others.SelectMany(b => b.Started));
    }

    private static Silo.Lanes.DeviceSpec Device(string name, List<ScriptedBackend> backends)
    {
        var image = new ScriptedBackend($"{name}/image") { Duration = TimeSpan.FromMilliseconds(150) };
        var video = new ScriptedBackend($"{name}/video") { Duration = TimeSpan.FromMilliseconds(150) };
        backends.AddRange([image, video]);
        return QueueCluster.Device(name, image, video);
    }
}
