using VideoGen.Grains.Devices;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Projects;
using VideoGen.Grains.Scenes;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Grains.Tests.Cluster;

[Collection(DeviceClusterCollection.Name)]
public sealed class DeviceGrainTests(DeviceCluster cluster)
{
    [Fact]
    public async Task DeviceGrains_AreActivatedAtStart_EachOnTheSiloThatDeclaresItsDevice()
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var expected = new[] { "gpu-a", "gpu-b", "cpu-a", "cpu-b" }.ToDictionary(d => d, cluster.SiloDeclaring);
        Dictionary<string, string> hosts = [];
        // Nothing in this test calls a device grain before they are seen active: the silos started them.
        await QueueCluster.WaitUntilAsync(async () =>
        {
            var statistics = await management.GetDetailedGrainStatistics();
            hosts = statistics.Where(s => s.GrainType.Contains("DeviceGrain", StringComparison.Ordinal))
                .ToDictionary(s => s.GrainId.Key.ToString()!, s => cluster.Cluster.Silos.Single(silo => silo.SiloAddress.Equals(s.SiloAddress)).Name);
            return hosts.Count == expected.Count;
        }, TimeSpan.FromSeconds(15), () => $"four device grains to be active (seen: {string.Join(", ", hosts.Select(h => $"{h.Key} on {h.Value}"))})");

        Assert.Equal(expected.OrderBy(e => e.Key), hosts.OrderBy(h => h.Key));
        Assert.Equal(cluster.SiloDeclaring("gpu-b"), await cluster.Client.GetGrain<IGpuDeviceGrain>("gpu-b").Silo());
        Assert.Equal(cluster.SiloDeclaring("cpu-a"), await cluster.Client.GetGrain<ICpuDeviceGrain>("cpu-a").Silo());
    }

    [Fact]
    public async Task DeviceGrain_OfADeviceNoSiloDeclares_IsNotPlacedAnywhere()
    {
        var placing = cluster.Client.GetGrain<IGpuDeviceGrain>("gpu-nowhere").Start();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => placing.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("No active silo declares device gpu-nowhere", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAll_WokenByGrainCalls_RunsOnBothSilos_AndNeverTwoJobsOnALane()
    {
        const int scenes = 10;
        var project = await cluster.ImportAsync(scenes);
        var grain = cluster.Client.GetGrain<IProjectGrain>(project.Id);
        var seenRunning = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            // The grains' own view of their lanes, and the store's, sampled all along the run.
            while (!stop.IsCancellationRequested)
            {
                foreach (var device in new[] { "gpu-a", "gpu-b" })
                {
                    // A job a grain says one of its lanes runs was claimed for that device and that lane.
                    foreach (var lane in (await cluster.Client.GetGrain<IGpuDeviceGrain>(device).Lanes()).Where(l => l.JobId is not null))
                    {
                        var job = (await cluster.Jobs.GetAsync(lane.JobId!.Value, CancellationToken.None))!;
                        Assert.True((job.Device, job.Lane) == (device, lane.Lane) && job.Status != JobStatus.Queued,
                            $"{device} says its {lane.Lane} lane runs job {job.Id}, which the store shows {job.Status} on {job.Device}'s {job.Lane} lane");
                        Interlocked.Increment(ref seenRunning);
                    }
                }
                Assert.True(await cluster.Database.MostOnOneDeviceLaneAsync() <= 1, "the store shows two jobs on one lane's device");
                // Extra wakes while lanes are busy must not start a second job on any of them.
                await cluster.Client.GetGrain<IGpuDeviceGrain>("gpu-a").Wake([Lane.Image, Lane.Video]);
                await Task.Delay(10);
            }
        });

        await grain.GenerateAll(Guid.NewGuid());
        IReadOnlyList<GenerationJob> jobs = [];
        await QueueCluster.WaitUntilAsync(async () =>
        {
            jobs = await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None);
            return jobs.Count == 3 * scenes && jobs.All(j => j.Status == JobStatus.Succeeded);
        }, TimeSpan.FromSeconds(45), () => $"the {3 * scenes} jobs to succeed ({jobs.Count(j => j.Status == JobStatus.Succeeded)} of {jobs.Count} did)");
        await stop.CancelAsync();
        await sampler;

        Assert.True(seenRunning > 0, "no sample saw a grain's lane running a job");
        Assert.All(cluster.Backends, b => Assert.True(b.Value.MaxConcurrent <= 1, $"{b.Key} ran {b.Value.MaxConcurrent} jobs at once"));
        var devices = jobs.Where(j => j.Kind == JobKind.Image).Select(j => j.Device).Distinct().ToArray();
        Assert.Contains("gpu-a", devices);
        Assert.Contains("gpu-b", devices);
    }

    [Fact]
    public async Task CancelJob_OfARunningImage_StopsThatJobsRunOnly()
    {
        var sentences = (await cluster.ImportAsync(2)).Sentences;
        var images = new[] { cluster.Backends[("gpu-a", Lane.Image)], cluster.Backends[("gpu-b", Lane.Image)] };
        foreach (var backend in images) backend.Hold();
        try
        {
            var queued = new List<Guid>();
            foreach (var sentence in sentences)
                queued.Add((await cluster.Client.GetGrain<ISentenceGrain>(sentence.Id).RegenerateImage(Guid.NewGuid(), null, skipVideo: true)).JobId!.Value);
            var running = await Task.WhenAll(queued.Select(id => cluster.WaitForJobAsync(id, JobStatus.Running)));
            var (victim, other) = (running[0], running[1]);

            Assert.True(await cluster.Client.GetGrain<ISentenceGrain>(victim.SentenceId!.Value).CancelJob(victim.Id));

            // Well inside the fallback poll: the sentence grain's call reached the device grain.
            await cluster.WaitForJobAsync(victim.Id, JobStatus.Cancelled, TimeSpan.FromSeconds(5));
            var stopped = images.SelectMany(b => b.Stopped).ToArray();
            Assert.Contains(victim.Id, stopped);
            Assert.DoesNotContain(other.Id, stopped);
            Assert.Equal(JobStatus.Running, (await cluster.Jobs.GetAsync(other.Id, CancellationToken.None))!.Status);
            var device = cluster.Client.GetGrain<IGpuDeviceGrain>(victim.Device!);
            await QueueCluster.WaitUntilAsync(async () => (await device.Lanes()).All(l => l.JobId != victim.Id), TimeSpan.FromSeconds(5),
                "the cancelled job to leave its lane");
            Assert.False(await device.CancelRunning(victim.Id));
        }
        finally
        {
            foreach (var backend in images) backend.Release();
        }
    }

    [Fact]
    public async Task RegenerateImage_CascadesThroughTheDeviceAndSentenceGrains_ToAStoredClip()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        await cluster.Sentences.UpdateAsync(sentence.Id, s => s.AudioStored($"audio/{s.Id}.wav", 3.0, DateTimeOffset.UtcNow), CancellationToken.None);

        var asked = await cluster.Client.GetGrain<ISentenceGrain>(sentence.Id).RegenerateImage(Guid.NewGuid(), null, skipVideo: false);

        var image = await cluster.WaitForJobAsync(asked.JobId!.Value, JobStatus.Succeeded);
        GenerationJob? clip = null;
        await QueueCluster.WaitUntilAsync(async () =>
        {
            clip = (await cluster.Jobs.ListByProjectAsync(sentence.ProjectId, CancellationToken.None)).SingleOrDefault(j => j.Kind == JobKind.Video);
            return clip?.Status == JobStatus.Succeeded;
        }, TimeSpan.FromSeconds(15), () => $"the cascaded clip to succeed (it is {clip?.Status.ToString() ?? "not queued"})");
        var stored = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(image.Output, stored.ImageFile);
        Assert.Equal(clip!.Output, stored.VideoFile);
        Assert.False(stored.IsVideoDirty);
        Assert.StartsWith("gpu-", clip.Device, StringComparison.Ordinal);
    }
}
