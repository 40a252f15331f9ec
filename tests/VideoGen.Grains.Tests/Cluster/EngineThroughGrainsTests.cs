using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Projects;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Grains.Tests.Cluster;

/// <summary>
/// The engine's behaviours on the cluster: jobs asked of the scene and project grains, woken by the
/// device grain, run by its lanes on a ComfyUI over the real protocol, their outcomes stored through
/// the scene grains. Cascade, skipping the clip, cancel, retry by cause, out of memory, a dropped
/// socket, health, and a whole "generate all".
/// </summary>
public sealed class EngineThroughGrainsTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cascade_AskedOfTheSceneGrain_StoresTheImageThenItsClip(string provider)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        await using var backends = new RealBackends();
        await using var cluster = await ComfyUiCluster.StartAsync(fake, backends, provider);
        var sentenceId = (await cluster.ImportAsync(1)).Sentences.Single().Id;

        var imageId = await cluster.RegenerateImageAsync(sentenceId, seed: 42);
        var image = await cluster.WaitForJobAsync(imageId, JobStatus.Succeeded);
        Sentence? scene = null;
        await QueueCluster.WaitUntilAsync(async () => (scene = await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))?.VideoFile is not null,
            TimeSpan.FromSeconds(20), "the cascaded clip");

        var png = await File.ReadAllBytesAsync(Path.Combine(cluster.MediaRoot, scene!.ImageFile!));
        Assert.Equal(PngSignature, png[..8]);
        Assert.EndsWith(".mp4", scene.VideoFile);
        Assert.Equal((false, false), (scene.IsImageDirty, scene.IsVideoDirty));
        Assert.Equal((2, 1, 1), (fake.Prompts.Count, fake.Uploads.Count, fake.MostOfOneKindAtOnce));
        Assert.Contains("\"seed\":42", fake.Prompts[0].Graph.ToJsonString());
        var clip = (await cluster.Jobs.ListByProjectAsync(image.ProjectId, CancellationToken.None)).Single(j => j.Kind == JobKind.Video);
        Assert.Equal((JobStatus.Succeeded, ComfyUiCluster.Gpu), (clip.Status, clip.Device));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SkippingTheClip_StoresTheImageOnly_AndLeavesTheClipDirtyAndUnqueued(string provider)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        await using var backends = new RealBackends();
        await using var cluster = await ComfyUiCluster.StartAsync(fake, backends, provider);
        var project = await cluster.ImportAsync(1);
        var sentenceId = project.Sentences.Single().Id;

        var imageId = await cluster.RegenerateImageAsync(sentenceId, skipVideo: true);
        await cluster.WaitForJobAsync(imageId, JobStatus.Succeeded);

        var scene = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        Assert.Equal((false, true, AssetStatus.Idle), (scene.IsImageDirty, scene.IsVideoDirty, scene.VideoStatus));
        Assert.Single(await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None));
        Assert.Single(fake.Prompts);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancel_OfARunningPrompt_ThroughTheSceneGrain_InterruptsThatPromptWithinASecond(string provider)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        fake.JobDuration = TimeSpan.FromSeconds(20);
        await using var backends = new RealBackends();
        await using var cluster = await ComfyUiCluster.StartAsync(fake, backends, provider);
        var project = await cluster.ImportAsync(1);
        var sentenceId = project.Sentences.Single().Id;
        var jobId = await cluster.RegenerateImageAsync(sentenceId);
        await fake.WaitUntilAsync(f => f.RunningPromptId is not null, TimeSpan.FromSeconds(10));

        var asked = DateTimeOffset.UtcNow;
        Assert.True(await cluster.Sentence(sentenceId).CancelJob(jobId));
        await cluster.WaitForJobAsync(jobId, JobStatus.Cancelled, TimeSpan.FromSeconds(3));

        var interrupt = Assert.Single(fake.Interrupts);
        Assert.Equal(Assert.Single(fake.Prompts).PromptId, interrupt.PromptId);
        Assert.True(interrupt.ReceivedAt - asked < TimeSpan.FromSeconds(1), $"interrupt after {(interrupt.ReceivedAt - asked).TotalMilliseconds:0} ms");
        Assert.DoesNotContain(await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None), j => j.Kind == JobKind.Video);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Faults_RetryWhatCanSucceed_FreeMemoryOnce_AndFailWhatCannotAtOnce(string provider)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        await using var backends = new RealBackends();
        await using var cluster = await ComfyUiCluster.StartAsync(fake, backends, provider);
        var ids = (await cluster.ImportAsync(5)).Sentences.Select(s => s.Id).ToArray();

        fake.FailNextRequests("/prompt", 2);
        Assert.Equal((JobStatus.Succeeded, 1), Outcome(await cluster.RegenerateImageToEndAsync(ids[0])));

        fake.RestartDuringNextJob();
        Assert.Equal((JobStatus.Succeeded, 1), Outcome(await cluster.RegenerateImageToEndAsync(ids[1])));

        fake.DropSocketDuringNextJob();
        var prompts = fake.Prompts.Count;
        Assert.Equal((JobStatus.Succeeded, 1), Outcome(await cluster.RegenerateImageToEndAsync(ids[2])));
        Assert.Equal(prompts + 1, fake.Prompts.Count);

        fake.FailNextPrompts(1, FakeFailure.OutOfMemory);
        Assert.Equal((JobStatus.Succeeded, 1), Outcome(await cluster.RegenerateImageToEndAsync(ids[3])));
        Assert.Single(fake.Frees);

        fake.SetModels("ckpt_name", "some_other_model.safetensors");
        var posts = fake.CountRequests("POST", "/prompt");
        var rejected = await cluster.RegenerateImageToEndAsync(ids[4]);
        Assert.Equal((JobStatus.Failed, 1), Outcome(rejected));
        Assert.Contains("sd_xl_base_1.0.safetensors", rejected.Error);
        Assert.Equal(posts + 1, fake.CountRequests("POST", "/prompt"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ComfyUiNotAnswering_TakesNoWorkAndShowsWhy_ThenRunsItOnceItAnswers(string provider)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        fake.FailNextRequests("/system_stats", 100_000, 503);
        await using var backends = new RealBackends();
        await using var cluster = await ComfyUiCluster.StartAsync(fake, backends, provider);
        var sentenceId = (await cluster.ImportAsync(1)).Sentences.Single().Id;

        var jobId = await cluster.RegenerateImageAsync(sentenceId, skipVideo: true);
        await QueueCluster.WaitUntilAsync(async () => fake.CountRequests("GET", "/system_stats") >= 5
            && (await cluster.Registry.ListAsync(CancellationToken.None)).Single(d => d.Name == ComfyUiCluster.Gpu).UnreachableSince is not null,
            TimeSpan.FromSeconds(10), "five failed health checks, shown on the device");
        Assert.Equal((JobStatus.Queued, 1), Outcome((await cluster.Jobs.GetAsync(jobId, CancellationToken.None))!));
        Assert.Empty(fake.Prompts);

        fake.StopFailingRequests("/system_stats");
        var done = await cluster.WaitForJobAsync(jobId, JobStatus.Succeeded, TimeSpan.FromSeconds(20));
        Assert.Equal(1, done.Attempt);
        Assert.Single(fake.Prompts);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GenerateAll_AskedOfTheProjectGrain_RunsEveryJobOnce_NeverTwoPromptsOfALaneAtComfyUi(string provider)
    {
        const int scenes = 6;
        await using var fake = await FakeComfyUi.StartAsync();
        fake.JobDuration = TimeSpan.FromMilliseconds(150);
        await using var backends = new RealBackends();
        await using var cluster = await ComfyUiCluster.StartAsync(fake, backends, provider);
        var project = await cluster.ImportAsync(scenes);
        var mostOnDevice = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                mostOnDevice = Math.Max(mostOnDevice, await cluster.Database.MostOnOneDeviceLaneAsync());
                await Task.Delay(10);
            }
        });

        await cluster.Client.GetGrain<IProjectGrain>(project.Id).GenerateAll(Guid.NewGuid());
        IReadOnlyList<GenerationJob> jobs = [];
        await QueueCluster.WaitUntilAsync(async () =>
        {
            jobs = await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None);
            return jobs.Count == 3 * scenes && jobs.All(j => j.Status == JobStatus.Succeeded);
        }, TimeSpan.FromSeconds(60), () => $"the {3 * scenes} jobs to succeed ({jobs.Count(j => j.Status == JobStatus.Succeeded)} of {jobs.Count} did)");
        await stop.CancelAsync();
        await sampler;

        Assert.All(jobs, j => Assert.Equal(1, j.Attempt));
        Assert.Equal((2 * scenes, 1, 1), (fake.Prompts.Count, fake.MostOfOneKindAtOnce, mostOnDevice));
        // Each prompt names the job it is for: one prompt per image and clip job.
        Assert.Equal(jobs.Where(j => j.Kind is JobKind.Image or JobKind.Video).Select(j => (Guid?)j.Id).Order(), fake.Prompts.Select(p => p.JobId).Order());
    }

    private static (JobStatus, int) Outcome(GenerationJob job) => (job.Status, job.Attempt);
}
