using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Lanes;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Jobs;

/// <summary>Silos running lanes against one store: cascade, cancel, lane invariant, crashes and zombies.</summary>
public sealed class SiloClusterTests
{
    private static DeviceSpec Device(string name, out ScriptedBackend image, out ScriptedBackend video)
    {
        image = new ScriptedBackend($"{name}/image");
        video = new ScriptedBackend($"{name}/video");
        return QueueCluster.Device(name, image, video);
    }

    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegenerateImage_WithCascade_StoresImageThenVideo(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", Device("gpu-0", out _, out _));
        var project = await cluster.ImportAsync("The tide rolls in.");
        var sentenceId = project.Sentences.Single().Id;

        var image = (await cluster.Scheduler.RegenerateImageAsync(sentenceId, null, skipVideo: false, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(image.Id, JobStatus.Succeeded);
        var video = await WaitForVideoJobAsync(cluster, project.Id);
        await cluster.WaitForJobAsync(video.Id, JobStatus.Succeeded);

        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        Assert.Equal((false, false), (sentence.IsImageDirty, sentence.IsVideoDirty));
        Assert.True(File.Exists(cluster.Media.ToAbsolute(sentence.ImageFile!)));
        Assert.True(File.Exists(cluster.Media.ToAbsolute(sentence.VideoFile!)));
        Assert.Equal((AssetStatus.Idle, AssetStatus.Idle), (sentence.ImageStatus, sentence.VideoStatus));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegenerateImage_SkippingVideo_LeavesTheVideoDirtyAndUnqueued(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", Device("gpu-0", out _, out var video));
        var project = await cluster.ImportAsync("The tide rolls in.");
        var sentenceId = project.Sentences.Single().Id;

        var image = (await cluster.Scheduler.RegenerateImageAsync(sentenceId, null, skipVideo: true, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(image.Id, JobStatus.Succeeded);

        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        Assert.Equal((false, true, AssetStatus.Idle), (sentence.IsImageDirty, sentence.IsVideoDirty, sentence.VideoStatus));
        Assert.Single(await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None));
        Assert.Empty(video.Started);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancel_QueuedAndRunningImageJobs_StopsThemAndTheirVideos(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", Device("gpu-0", out var image, out var video));
        image.Hold();
        var project = await cluster.ImportAsync("One. Two.");
        var (first, second) = (project.Sentences.First().Id, project.Sentences.Last().Id);
        var running = (await cluster.Scheduler.RegenerateImageAsync(first, null, false, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(running.Id, JobStatus.Running);
        var queued = (await cluster.Scheduler.RegenerateImageAsync(second, null, false, CancellationToken.None)).Value!;

        var cancelledQueued = await cluster.Scheduler.CancelAsync(queued.Id, CancellationToken.None);
        Assert.Equal(JobStatus.Cancelled, cancelledQueued!.Status);

        var asked = DateTime.UtcNow;
        await cluster.Scheduler.CancelAsync(running.Id, CancellationToken.None);
        await cluster.WaitForJobAsync(running.Id, JobStatus.Cancelled, TimeSpan.FromSeconds(1));
        Assert.True(DateTime.UtcNow - asked < TimeSpan.FromSeconds(1), "a running job stops within a second");

        image.Release();
        await Task.Delay(cluster.Timings.IdlePoll * 2);
        Assert.Empty(video.Started);
        Assert.DoesNotContain(await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None), j => j.Kind == JobKind.Video);
        foreach (var id in new[] { first, second })
        {
            var sentence = (await cluster.Sentences.GetAsync(id, CancellationToken.None))!;
            Assert.Equal((AssetStatus.Idle, (string?)null), (sentence.ImageStatus, sentence.ImageFile));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Burst_OfGenerateAll_KeepsOneJobPerLaneOnEveryDevice(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var backends = new List<ScriptedBackend>();
        ScriptedBackend i0, v0, i1, v1, i2, v2;
        var cpu = new ScriptedBackend("cpu-a");
        await cluster.StartSiloAsync("a", Device("gpu-0", out i0, out v0), Device("gpu-1", out i1, out v1), QueueCluster.CpuDevice("cpu-a", cpu));
        await cluster.StartSiloAsync("b", Device("gpu-2", out i2, out v2));
        backends.AddRange([i0, v0, i1, v1, i2, v2, cpu]);
        foreach (var backend in backends) backend.Duration = TimeSpan.FromMilliseconds(10);
        var project = await cluster.ImportAsync(QueueCluster.Script(100));

        var batch = (await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None))!;
        Assert.Equal(100, batch.Total);

        var mostOnOneLane = 0;
        var samples = 0;
        await QueueCluster.WaitUntilAsync(async () =>
        {
            mostOnOneLane = Math.Max(mostOnOneLane, await cluster.MostRunningOnOneLaneAsync());
            samples++;
            var jobs = await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None);
            return jobs.Count == 300 && jobs.All(j => j.Status == JobStatus.Succeeded);
        }, TimeSpan.FromSeconds(90), "all 300 jobs (narration, image, clip per scene) to succeed");

        Assert.True(samples > 10, $"the invariant was sampled only {samples} times");
        Assert.Equal(1, mostOnOneLane);
        Assert.All(backends, b => Assert.True(b.MaxConcurrent <= 1, $"{b.Name} ran {b.MaxConcurrent} jobs at once"));
        Assert.All(backends, b => Assert.NotEmpty(b.Started));
        var jobs = await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None);
        Assert.Equal(300, jobs.Select(j => j.Output).Distinct().Count());
        Assert.All(jobs, j => Assert.Equal(1, j.Attempt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KillSilo_MidImageJob_JobFinishesOnAnotherSiloWithTheNextAttempt(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var doomed = await cluster.StartSiloAsync("doomed", Device("gpu-a", out var doomedImage, out _));
        doomedImage.Hold();
        var project = await cluster.ImportAsync("One.");
        var sentenceId = project.Sentences.Single().Id;
        var job = (await cluster.Scheduler.RegenerateImageAsync(sentenceId, null, skipVideo: true, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(job.Id, JobStatus.Running);
        await cluster.StartSiloAsync("survivor", Device("gpu-b", out var survivorImage, out _));

        await doomed.KillAsync();
        var killedAt = DateTime.UtcNow;
        var finished = await cluster.WaitForJobAsync(job.Id, JobStatus.Succeeded, Long);

        Assert.True(DateTime.UtcNow - killedAt < (cluster.Timings.Lease + cluster.Timings.RescueInterval) * 3);
        Assert.Equal(("gpu-b", 2), (finished.Device, finished.Attempt));
        Assert.Equal([job.Id], survivorImage.Started);
        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        Assert.Contains("gpu-b/image", await File.ReadAllTextAsync(cluster.Media.ToAbsolute(sentence.ImageFile!)!));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(cluster.Media.ToAbsolute(sentence.ImageFile!))!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KillSilo_MidVideoJob_JobFinishesOnAnotherSiloWithTheNextAttempt(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var doomed = await cluster.StartSiloAsync("doomed", Device("gpu-a", out _, out var doomedVideo));
        var project = await cluster.ImportAsync("One.");
        var sentenceId = project.Sentences.Single().Id;
        var image = (await cluster.Scheduler.RegenerateImageAsync(sentenceId, null, skipVideo: true, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(image.Id, JobStatus.Succeeded);
        doomedVideo.Hold();
        var video = (await cluster.Scheduler.RegenerateVideoAsync(sentenceId, null, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(video.Id, JobStatus.Running);
        await cluster.StartSiloAsync("survivor", Device("gpu-b", out _, out var survivorVideo));

        await doomed.KillAsync();
        var finished = await cluster.WaitForJobAsync(video.Id, JobStatus.Succeeded, Long);

        Assert.Equal(("gpu-b", 2), (finished.Device, finished.Attempt));
        Assert.Equal([video.Id], survivorVideo.Started);
        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        Assert.Contains("gpu-b/video", await File.ReadAllTextAsync(cluster.Media.ToAbsolute(sentence.VideoFile!)!));
        Assert.Equal(2, Directory.GetFiles(Path.GetDirectoryName(cluster.Media.ToAbsolute(sentence.VideoFile!))!).Length);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ZombieSilo_PausedPastItsLease_HasItsWritesRejected(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var zombie = await cluster.StartSiloAsync("zombie", Device("gpu-z", out var zombieImage, out _));
        zombieImage.Duration = cluster.Timings.Lease * 2;
        var project = await cluster.ImportAsync("One.");
        var sentenceId = project.Sentences.Single().Id;
        var job = (await cluster.Scheduler.RegenerateImageAsync(sentenceId, null, skipVideo: true, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(job.Id, JobStatus.Running);

        zombie.Pause();
        await cluster.StartSiloAsync("healthy", Device("gpu-h", out _, out _));
        var finished = await cluster.WaitForJobAsync(job.Id, JobStatus.Succeeded, Long);
        Assert.Equal(("gpu-h", 2), (finished.Device, finished.Attempt));
        var writesBeforeResume = zombie.Queue.Writes.Count;

        zombie.Resume();
        await QueueCluster.WaitUntilAsync(() => Task.FromResult(zombie.Queue.Writes.Skip(writesBeforeResume).Any(w => w.JobId == job.Id && w.Write is "complete" or "renew")),
            Long, "the zombie to try writing again");
        await Task.Delay(cluster.Timings.Heartbeat * 2);

        Assert.All(zombie.Queue.Writes.Skip(writesBeforeResume).Where(w => w.JobId == job.Id), w => Assert.False(w.Accepted, $"zombie {w.Write} was accepted"));
        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        Assert.Contains("gpu-h/image", await File.ReadAllTextAsync(cluster.Media.ToAbsolute(sentence.ImageFile!)!));
        var stored = await cluster.Jobs.GetAsync(job.Id, CancellationToken.None);
        Assert.Equal((JobStatus.Succeeded, "gpu-h"), (stored!.Status, stored.Device));
        await QueueCluster.WaitUntilAsync(() => Task.FromResult(Directory.GetFiles(Path.GetDirectoryName(cluster.Media.ToAbsolute(sentence.ImageFile!))!).Length == 1),
            Long, "the zombie's discarded output to be deleted");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LaneFaults_RetryTransientFailRejected(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", Device("gpu-0", out var image, out _));
        var project = await cluster.ImportAsync("One. Two.");
        var (first, second) = (project.Sentences.First().Id, project.Sentences.Last().Id);

        image.FailNext(new GenerationException(FailureCause.Transient, "ComfyUI at 127.0.0.1:8188 refused the connection"));
        var retried = (await cluster.Scheduler.RegenerateImageAsync(first, null, true, CancellationToken.None)).Value!;
        var succeeded = await cluster.WaitForJobAsync(retried.Id, JobStatus.Succeeded);
        Assert.Equal(2, succeeded.Attempt);

        image.FailNext(new GenerationException(FailureCause.Rejected, "ckpt_name: 'sdxl.safetensors' not in []"));
        var rejected = (await cluster.Scheduler.RegenerateImageAsync(second, null, true, CancellationToken.None)).Value!;
        var failed = await cluster.WaitForJobAsync(rejected.Id, JobStatus.Failed);
        Assert.Equal((1, "ckpt_name: 'sdxl.safetensors' not in []"), (failed.Attempt, failed.Error));
        var sentence = (await cluster.Sentences.GetAsync(second, CancellationToken.None))!;
        Assert.Equal((AssetStatus.Failed, failed.Error), (sentence.ImageStatus, sentence.LastError));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegenerateImage_ReplacingAnImageAtTheTakeBound_DeletesTheOldFileOnlyOnceTheNewOneIsStored(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider, takes: new TakeOptions { KeepPerAsset = 1 });
        await cluster.StartSiloAsync("a", Device("gpu-0", out var image, out _));
        var project = await cluster.ImportAsync("One.");
        var sentenceId = project.Sentences.Single().Id;
        var first = (await cluster.Scheduler.RegenerateImageAsync(sentenceId, null, true, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(first.Id, JobStatus.Succeeded);
        var oldFile = cluster.Media.ToAbsolute((await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!.ImageFile!)!;

        image.Hold();
        var second = (await cluster.Scheduler.RegenerateImageAsync(sentenceId, 99, true, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(second.Id, JobStatus.Running);
        Assert.True(File.Exists(oldFile), "the old image stays while its replacement renders");
        image.Release();
        await cluster.WaitForJobAsync(second.Id, JobStatus.Succeeded);

        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        Assert.NotEqual(oldFile, cluster.Media.ToAbsolute(sentence.ImageFile!));
        Assert.True(File.Exists(cluster.Media.ToAbsolute(sentence.ImageFile!)));
        // One take kept: the old one is pruned with its row, and its file deleted once that is committed.
        await QueueCluster.WaitUntilAsync(() => Task.FromResult(!File.Exists(oldFile)), TimeSpan.FromSeconds(10), "the replaced image to be deleted");
        var takes = await new TakeStore(cluster.Database.Database, TimeProvider.System).ListAsync(sentenceId, CancellationToken.None);
        Assert.Equal([sentence.ImageFile], takes.Select(t => t.File));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoSilos_WithTheSameDeviceName_OnlyOneDrivesIt(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var first = await cluster.StartSiloAsync("first", Device("gpu-0", out var firstImage, out _), QueueCluster.CpuDevice("cpu-first", new ScriptedBackend("cpu")));
        var second = await cluster.StartSiloAsync("second", Device("gpu-0", out var secondImage, out _));
        var project = await cluster.ImportAsync(QueueCluster.Script(6));

        await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None);
        await cluster.WaitForProjectAsync(project.Id, 18, Long);

        Assert.True(first.Runtime.Holds("gpu-0"));
        Assert.False(second.Runtime.Holds("gpu-0"));
        Assert.Equal(6, firstImage.Started.Count);
        Assert.Empty(secondImage.Started);
        var listed = (await cluster.Registry.ListAsync(CancellationToken.None)).Single(d => d.Name == "gpu-0");
        Assert.Equal((first.Id, second.Id), (listed.Silo, listed.ContestedBy));

        // Once the refused silo is gone, the clash is no longer reported.
        await second.KillAsync();
        await QueueCluster.WaitUntilAsync(async () => (await cluster.Registry.ListAsync(CancellationToken.None)).Single(d => d.Name == "gpu-0").ContestedBy is null,
            Long, "the clash to age out");
    }

    [Fact]
    public async Task Stop_AfterDisposeAndTwice_IsHarmless()
    {
        await using var cluster = await QueueCluster.StartAsync("sqlite");
        var silo = await cluster.StartSiloAsync("a", Device("gpu-0", out _, out _));

        await silo.Runtime.DisposeAsync();
        await silo.Runtime.StopAsync(TimeSpan.FromSeconds(1));
        await silo.Runtime.KillAsync();

        Assert.False(silo.Runtime.Holds("gpu-0"));
        Assert.Equal(DeviceStatus.Offline, (await cluster.Registry.ListAsync(CancellationToken.None)).Single().Status);
    }

    private static async Task<GenerationJob> WaitForVideoJobAsync(QueueCluster cluster, Guid projectId)
    {
        GenerationJob? video = null;
        await QueueCluster.WaitUntilAsync(async () =>
            (video = (await cluster.Jobs.ListByProjectAsync(projectId, CancellationToken.None)).FirstOrDefault(j => j.Kind == JobKind.Video)) is not null,
            Long, "the cascaded video job");
        return video!;
    }
}
