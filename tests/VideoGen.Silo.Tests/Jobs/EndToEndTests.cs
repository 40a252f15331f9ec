using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Silo.Tests.Jobs;

/// <summary>Silos with their real backends: ComfyUI lanes against the fake server over HTTP and WebSocket, and the ffmpeg preview.</summary>
public sealed class EndToEndTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cascade_OnComfyUi_StoresTheServersImageThenItsClip(string provider)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.ComfyUi("gpu-0", fake.BaseUrl));
        var project = await cluster.ImportAsync("The lighthouse blinks.");
        var sentenceId = project.Sentences.Single().Id;

        var image = (await cluster.Scheduler.RegenerateImageAsync(sentenceId, 42, false, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(image.Id, JobStatus.Succeeded);
        await QueueCluster.WaitUntilAsync(async () => (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!.VideoFile is not null,
            TimeSpan.FromSeconds(20), "the cascaded clip");

        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        var png = await File.ReadAllBytesAsync(cluster.Media.ToAbsolute(sentence.ImageFile!)!);
        Assert.Equal(PngSignature, png[..8]);
        Assert.EndsWith(".mp4", sentence.VideoFile);
        Assert.Equal((false, false), (sentence.IsImageDirty, sentence.IsVideoDirty));
        Assert.Equal(2, fake.Prompts.Count);
        Assert.Single(fake.Uploads);
        Assert.Equal(1, fake.MaxExecutingAtOnce);
        var imageGraph = fake.Prompts[0].Graph.ToJsonString();
        Assert.Contains("\"seed\":42", imageGraph);
        Assert.Contains("The lighthouse blinks", imageGraph);

        // Each output is a take that records what made it, as the lane sent it.
        var takes = await new TakeStore(cluster.Database.Database, TimeProvider.System).ListAsync(sentenceId, CancellationToken.None);
        var (clip, still) = (takes.Single(t => t.Kind == AssetKind.Video), takes.Single(t => t.Kind == AssetKind.Image));
        Assert.Equal((still.Id, clip.Id), (sentence.ImageTakeId ?? Guid.Empty, sentence.VideoTakeId ?? Guid.Empty));
        Assert.Equal((sentence.ImagePrompt, 42L, "gpu-0"), (still.Recipe.Prompt, still.Recipe.Seed ?? -1, still.Device));
        Assert.Equal((sentence.VideoPrompt, sentence.CameraMovement, sentence.MotionStrength, still.Id),
            (clip.Recipe.Prompt, clip.Recipe.CameraMovement ?? (CameraMovement)(-1), clip.Recipe.MotionStrength ?? -1, clip.Recipe.SourceImageTakeId ?? Guid.Empty));
        Assert.Equal(Hash(fake.Prompts[0].Graph.ToJsonString()), still.Recipe.WorkflowHash);
        Assert.Equal(Hash(fake.Prompts[1].Graph.ToJsonString()), clip.Recipe.WorkflowHash);
        Assert.False(string.IsNullOrEmpty(clip.Recipe.WorkflowName));
    }

    private static string Hash(string json) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancel_RunningComfyUiJob_InterruptsThatPromptOnlyWithinASecond(string provider)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        fake.JobDuration = TimeSpan.FromSeconds(20);
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.ComfyUi("gpu-0", fake.BaseUrl));
        var project = await cluster.ImportAsync("One.");
        var job = (await cluster.Scheduler.RegenerateImageAsync(project.Sentences.Single().Id, null, false, CancellationToken.None)).Value!;
        await fake.WaitUntilAsync(f => f.RunningPromptId is not null, TimeSpan.FromSeconds(10));

        var asked = DateTime.UtcNow;
        await cluster.Scheduler.CancelAsync(job.Id, CancellationToken.None);
        await cluster.WaitForJobAsync(job.Id, JobStatus.Cancelled, TimeSpan.FromSeconds(3));

        var interrupt = Assert.Single(fake.Interrupts);
        Assert.Equal(Assert.Single(fake.Prompts).PromptId, interrupt.PromptId);
        Assert.True(interrupt.ReceivedAt.UtcDateTime - asked < TimeSpan.FromSeconds(1), $"interrupt after {(interrupt.ReceivedAt.UtcDateTime - asked).TotalMilliseconds:0} ms");
        Assert.DoesNotContain(await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None), j => j.Kind == JobKind.Video);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ComfyUiNotAnswering_ClaimsNothingAndShowsItUntilItAnswersThenRunsTheWork(string provider)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        await using var backends = new RealBackends();
        using var warnings = new WarningLog();
        await using var cluster = await QueueCluster.StartAsync(provider, QueueCluster.FastTimings with { HealthInterval = TimeSpan.FromMilliseconds(100) }, warnings.Factory());
        fake.FailNextRequests("/system_stats", 100_000, 503);
        await cluster.StartSiloAsync("a", backends.ComfyUi("gpu-0", fake.BaseUrl));
        var project = await cluster.ImportAsync("One.");
        var job = (await cluster.Scheduler.RegenerateImageAsync(project.Sentences.Single().Id, null, skipVideo: true, CancellationToken.None)).Value!;

        await QueueCluster.WaitUntilAsync(async () => fake.CountRequests("GET", "/system_stats") >= 5
            && (await cluster.Registry.ListAsync(CancellationToken.None)).Single(d => d.Name == "gpu-0").UnreachableSince is not null,
            TimeSpan.FromSeconds(10), "five failed health checks, shown on the device");
        var waiting = (await cluster.Jobs.GetAsync(job.Id, CancellationToken.None))!;
        Assert.Equal((JobStatus.Queued, 1), (waiting.Status, waiting.Attempt));
        Assert.Empty(fake.Prompts);
        // Said once, with the reason, however many checks failed.
        var warning = Assert.Single(warnings.Entries, m => m.StartsWith("Device gpu-0 does not answer", StringComparison.Ordinal));
        Assert.Contains("GET /system_stats", warning);

        fake.StopFailingRequests("/system_stats");
        var done = await cluster.WaitForJobAsync(job.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(20));

        Assert.Equal(1, done.Attempt);
        Assert.Single(fake.Prompts);
        await QueueCluster.WaitUntilAsync(async () => (await cluster.Registry.ListAsync(CancellationToken.None)).Single(d => d.Name == "gpu-0").UnreachableSince is null,
            TimeSpan.FromSeconds(10), "the device to show its backend answering again");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Faults_OnComfyUi_RetryWhatCanSucceedAndFailWhatCannot(string provider)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.ComfyUi("gpu-0", fake.BaseUrl));
        var project = await cluster.ImportAsync("One. Two. Three. Four.");
        var ids = project.Sentences.Select(s => s.Id).ToArray();

        fake.FailNextRequests("/prompt", 2);
        var afterServerErrors = await cluster.RegenerateImageToEndAsync(ids[0]);
        Assert.Equal(JobStatus.Succeeded, afterServerErrors.Status);

        fake.RestartDuringNextJob();
        Assert.Equal(JobStatus.Succeeded, (await cluster.RegenerateImageToEndAsync(ids[1])).Status);

        fake.FailNextPrompts(1, FakeFailure.OutOfMemory);
        Assert.Equal(JobStatus.Succeeded, (await cluster.RegenerateImageToEndAsync(ids[2])).Status);
        Assert.Single(fake.Frees);

        fake.SetModels("ckpt_name", "some_other_model.safetensors");
        var posts = fake.CountRequests("POST", "/prompt");
        var rejected = await cluster.RegenerateImageToEndAsync(ids[3]);
        Assert.Equal((JobStatus.Failed, 1), (rejected.Status, rejected.Attempt));
        Assert.Contains("sd_xl_base_1.0.safetensors", rejected.Error);
        Assert.Equal(posts + 1, fake.CountRequests("POST", "/prompt"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PreviewDevice_RendersARealStillAndClip(string provider)
    {
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.Preview("cpu-preview"));
        var project = await cluster.ImportAsync("The tide rolls in.", AspectRatio.Landscape);
        var sentenceId = project.Sentences.Single().Id;
        await cluster.Sentences.UpdateAsync(sentenceId, s => s.ChangeCameraMovement(CameraMovement.ZoomIn, DateTimeOffset.UtcNow), CancellationToken.None);

        var image = (await cluster.Scheduler.RegenerateImageAsync(sentenceId, 5, false, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(image.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(60));
        await QueueCluster.WaitUntilAsync(async () => (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!.VideoFile is not null,
            TimeSpan.FromSeconds(60), "the preview clip");

        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        var still = await backends.Probe.ProbeAsync(cluster.Media.ToAbsolute(sentence.ImageFile!)!, CancellationToken.None);
        Assert.Equal(("png", 640, 360), (still.Video!.CodecName, still.Video.Width, still.Video.Height));
        var clip = await backends.Probe.ProbeAsync(cluster.Media.ToAbsolute(sentence.VideoFile!)!, CancellationToken.None);
        Assert.Equal(("h264", 640, 360), (clip.Video!.CodecName, clip.Video.Width, clip.Video.Height));
        // No narration yet: the default 4 s, as 97 frames (4k+1) at 24 fps.
        Assert.InRange(clip.DurationSeconds!.Value, 97 / 24.0 - 1 / 24.0, 97 / 24.0 + 1 / 24.0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PreviewDevice_Cancel_StopsALongClipAndLeavesNoFile(string provider)
    {
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.Preview("cpu-preview"));
        var project = await cluster.ImportAsync("The tide rolls in.", AspectRatio.Landscape);
        var sentenceId = project.Sentences.Single().Id;
        var image = (await cluster.Scheduler.RegenerateImageAsync(sentenceId, 5, skipVideo: true, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(image.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(60));
        // A minute of narration makes a minute-long clip: long enough to cancel in the middle.
        await cluster.Sentences.UpdateAsync(sentenceId, s => s.AudioStored("narration.wav", 60, DateTimeOffset.UtcNow), CancellationToken.None);

        var video = (await cluster.Scheduler.RegenerateVideoAsync(sentenceId, null, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(video.Id, JobStatus.Running);
        await Task.Delay(300);
        await cluster.Scheduler.CancelAsync(video.Id, CancellationToken.None);
        await cluster.WaitForJobAsync(video.Id, JobStatus.Cancelled, TimeSpan.FromSeconds(5));

        var folder = Path.GetDirectoryName(cluster.Media.ToAbsolute((await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!.ImageFile!))!;
        Assert.Empty(Directory.GetFiles(folder, "*.mp4*"));
        Assert.Null((await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!.VideoFile);
    }
}
