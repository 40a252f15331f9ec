using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Silo.Tests.Jobs;

/// <summary>
/// A ComfyUI lane keeps its GPU busy: the next job is claimed and prepared while one computes, and
/// an output downloads while the next computes; never two prompts of one lane at ComfyUI.
/// </summary>
public sealed class BusyGpuTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImagesBackToBack_TheNextPromptStartsWhileTheLastOutputDownloads(string provider)
    {
        var download = TimeSpan.FromMilliseconds(800);
        await using var fake = await FakeComfyUi.StartAsync();
        fake.JobDuration = TimeSpan.FromMilliseconds(300);
        fake.DownloadDelay = download;
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.ComfyUi("gpu-0", fake.BaseUrl));
        var project = await cluster.ImportAsync(QueueCluster.Script(4));

        var jobs = new List<GenerationJob>();
        foreach (var sentence in project.Sentences)
            jobs.Add((await cluster.Scheduler.RegenerateImageAsync(sentence.Id, null, true, CancellationToken.None)).Value!);
        foreach (var job in jobs) await cluster.WaitForJobAsync(job.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(30));

        Assert.Equal(4, fake.Executions.Count);
        // Each output took 800 ms to download; the GPU waited for none of them.
        var gaps = fake.IdleGaps;
        Assert.All(gaps, gap => Assert.True(gap < download / 2, $"the GPU stood idle {gap.TotalMilliseconds:0} ms between prompts ({string.Join(", ", gaps.Select(g => $"{g.TotalMilliseconds:0}"))})"));
        Assert.Equal((1, 1, 4), (fake.MostOfOneKindAtOnce, fake.MaxExecutingAtOnce, fake.Prompts.Count));
        foreach (var sentence in project.Sentences)
        {
            var stored = (await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None))!;
            Assert.True(File.Exists(cluster.Media.ToAbsolute(stored.ImageFile!)), $"the image of {sentence.Id} was not stored");
        }
        Assert.Equal(0, await cluster.MostRunningOnOneLaneAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NextJob_CancelledWhileItWaitsForTheDevice_EndsAtOnceAndNeverReachesComfyUi(string provider)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        fake.JobDuration = TimeSpan.FromSeconds(4);
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.ComfyUi("gpu-0", fake.BaseUrl));
        var project = await cluster.ImportAsync("One. Two.");
        var first = (await cluster.Scheduler.RegenerateImageAsync(project.Sentences.ElementAt(0).Id, null, true, CancellationToken.None)).Value!;
        var second = (await cluster.Scheduler.RegenerateImageAsync(project.Sentences.ElementAt(1).Id, null, true, CancellationToken.None)).Value!;
        await fake.WaitUntilAsync(f => f.RunningPromptId is not null, TimeSpan.FromSeconds(10));
        await QueueCluster.WaitUntilAsync(async () => (await cluster.Jobs.GetAsync(second.Id, CancellationToken.None))?.Step == LaneSteps.UpNext,
            TimeSpan.FromSeconds(5), "the second image to be claimed as the lane's next job");

        var firstPrompt = fake.RunningPromptId;
        await cluster.Scheduler.CancelAsync(second.Id, CancellationToken.None);
        await cluster.WaitForJobAsync(second.Id, JobStatus.Cancelled, TimeSpan.FromSeconds(2));
        Assert.Equal(firstPrompt, fake.RunningPromptId);

        await cluster.WaitForJobAsync(first.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(10));
        Assert.Single(fake.Prompts);
        Assert.Empty(fake.Interrupts);
        Assert.Empty(fake.QueueDeletes);
        var scene = (await cluster.Sentences.GetAsync(project.Sentences.ElementAt(1).Id, CancellationToken.None))!;
        Assert.Null(scene.ImageFile);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Drain_WithANextJob_FinishesTheJobOnTheDeviceAndHandsTheNextBackUntouched(string provider)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        fake.JobDuration = TimeSpan.FromSeconds(2);
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        var draining = await cluster.StartSiloAsync("a", backends.ComfyUi("gpu-0", fake.BaseUrl));
        var project = await cluster.ImportAsync("One. Two.");
        var first = (await cluster.Scheduler.RegenerateImageAsync(project.Sentences.ElementAt(0).Id, null, true, CancellationToken.None)).Value!;
        var second = (await cluster.Scheduler.RegenerateImageAsync(project.Sentences.ElementAt(1).Id, null, true, CancellationToken.None)).Value!;
        await QueueCluster.WaitUntilAsync(async () => (await cluster.Jobs.GetAsync(second.Id, CancellationToken.None))?.Step == LaneSteps.UpNext,
            TimeSpan.FromSeconds(10), "the second image to be claimed as the lane's next job");

        await draining.StopAsync(TimeSpan.FromSeconds(20));

        var done = (await cluster.Jobs.GetAsync(first.Id, CancellationToken.None))!;
        Assert.Equal((JobStatus.Succeeded, 1), (done.Status, done.Attempt));
        var handedBack = (await cluster.Jobs.GetAsync(second.Id, CancellationToken.None))!;
        Assert.Equal((JobStatus.Queued, 1, null), (handedBack.Status, handedBack.Attempt, handedBack.Device));
        Assert.Single(fake.Prompts);
    }
}
