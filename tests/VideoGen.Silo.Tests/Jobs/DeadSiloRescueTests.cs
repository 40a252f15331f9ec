using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Jobs;

/// <summary>
/// The store's side of a death declaration: the dead silo's running jobs go back to the queue at once,
/// leases unexpired, with the next attempt; other silos' jobs stay; the dead silo's claims are void.
/// </summary>
public sealed class DeadSiloRescueTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RescueSilos_DeadSilosRunningJobs_RequeuedWithNextAttemptAndItsLateWritesRefused(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        foreach (var (device, silo) in new[] { ("gpu-dead", "dead@10.0.0.1:11111@1"), ("gpu-live", "live@10.0.0.2:11111@1") })
            await cluster.Registry.HeartbeatAsync(new GpuDevice(device, DeviceKind.ComfyUi, GpuDevice.LanesOf(DeviceKind.ComfyUi)), silo, answering: true, CancellationToken.None);
        var queue = cluster.NewQueue();
        var project = await cluster.ImportAsync(QueueCluster.Script(2));
        foreach (var scene in project.Sentences)
            await cluster.Scheduler.RegenerateImageAsync(scene.Id, null, skipVideo: true, CancellationToken.None);
        var dead = (await queue.ClaimAsync("gpu-dead", Lane.Image, "dead@10.0.0.1:11111@1", CancellationToken.None))!;
        var live = (await queue.ClaimAsync("gpu-live", Lane.Image, "live@10.0.0.2:11111@1", CancellationToken.None))!;

        var rescued = await queue.RescueSilosAsync(["dead@10.0.0.1:11111@1", "never-ran-anything@10.0.0.3:11111@1"], CancellationToken.None);

        Assert.Equal(1, rescued);
        var requeued = (await cluster.Jobs.GetAsync(dead.Job.Id, CancellationToken.None))!;
        Assert.Equal((JobStatus.Queued, 2), (requeued.Status, requeued.Attempt));
        Assert.Contains("declared dead", requeued.Error);
        Assert.Equal(JobStatus.Running, (await cluster.Jobs.GetAsync(live.Job.Id, CancellationToken.None))!.Status);
        Assert.False(await queue.RenewAsync(dead.Job.Id, dead.Token, CancellationToken.None));
        Assert.False((await queue.CompleteAsync(dead.Job.Id, dead.Token, new JobOutput("late.png"), CancellationToken.None)).Accepted);
        var sentence = (await cluster.Sentences.GetAsync(dead.Job.SentenceId!.Value, CancellationToken.None))!;
        Assert.Equal(AssetStatus.Queued, sentence.ImageStatus);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RescueSilos_ALaneNextJob_GoesBackWithTheSameAttempt(string provider)
    {
        const string silo = "dead@10.0.0.1:11111@1";
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.Registry.HeartbeatAsync(new GpuDevice("gpu-dead", DeviceKind.ComfyUi, GpuDevice.LanesOf(DeviceKind.ComfyUi)), silo, answering: true, CancellationToken.None);
        var queue = cluster.NewQueue();
        var project = await cluster.ImportAsync(QueueCluster.Script(2));
        foreach (var scene in project.Sentences)
            await cluster.Scheduler.RegenerateImageAsync(scene.Id, null, skipVideo: true, CancellationToken.None);
        var onDevice = (await queue.ClaimAsync("gpu-dead", Lane.Image, silo, CancellationToken.None))!;
        var next = (await queue.ClaimNextAsync("gpu-dead", Lane.Image, silo, CancellationToken.None))!;

        Assert.Equal(2, await queue.RescueSilosAsync([silo], CancellationToken.None));

        var ran = (await cluster.Jobs.GetAsync(onDevice.Job.Id, CancellationToken.None))!;
        var waited = (await cluster.Jobs.GetAsync(next.Job.Id, CancellationToken.None))!;
        Assert.Equal((JobStatus.Queued, 2), (ran.Status, ran.Attempt));
        Assert.Equal((JobStatus.Queued, 1), (waited.Status, waited.Attempt));
        Assert.False(await queue.TakeDeviceAsync(next.Job.Id, next.Token, CancellationToken.None));
    }
}
