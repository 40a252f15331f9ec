using VideoGen.Grains.Domain;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Jobs;

/// <summary>Generate-all speaks the narration first, and a clip waits for its scene's narration, whose length it takes.</summary>
public sealed class NarrationFirstTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GenerateAll_HoldsEachClipUntilItsNarrationIsStoredAndMakesItThatLong(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var (image, video, cpu) = (new ScriptedBackend("image"), new ScriptedBackend("video"), new ScriptedBackend("cpu") { NarrationSeconds = 2.75 });
        cpu.Hold();
        await cluster.StartSiloAsync("a", QueueCluster.Device("gpu-0", image, video), QueueCluster.CpuDevice("cpu-a", cpu));
        var project = await cluster.ImportAsync("One. Two.");

        var batch = (await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None))!;
        await QueueCluster.WaitUntilAsync(async () =>
            (await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None)).Count(j => j is { Kind: JobKind.Video, Status: JobStatus.Queued }) == 2,
            TimeSpan.FromSeconds(20), "both images to be stored and their clips queued");
        await Task.Delay(cluster.Timings.IdlePoll * 2);

        Assert.Equal(2, batch.Total);
        Assert.Empty(video.Started);
        cpu.Release();
        await cluster.WaitForProjectAsync(project.Id, 6);
        Assert.Equal(2, video.Works.Count);
        Assert.All(video.Works, w => Assert.Equal(2.75, w.ClipSeconds));
        Assert.All(cpu.Works, w => Assert.Equal(JobKind.Audio, w.Kind));
        foreach (var sentence in (await cluster.Projects.GetAsync(project.Id, cluster.Owner, CancellationToken.None))!.Sentences)
            Assert.Equal((2.75, false, false), (sentence.AudioDuration, sentence.IsAudioDirty, sentence.IsVideoDirty));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GenerateAll_AfterATextEdit_SpeaksOnlyTheStaleNarration(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var cpu = new ScriptedBackend("cpu");
        await cluster.StartSiloAsync("a", QueueCluster.Device("gpu-0", new ScriptedBackend("image"), new ScriptedBackend("video")), QueueCluster.CpuDevice("cpu-a", cpu));
        var project = await cluster.ImportAsync("One. Two. Three.");
        await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None);
        await cluster.WaitForProjectAsync(project.Id, 9);
        var edited = project.Sentences.ElementAt(1).Id;
        await cluster.Sentences.UpdateAsync(edited, s => s.EditText("Two, said again.", DateTimeOffset.UtcNow), CancellationToken.None);

        var batch = (await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None))!;

        Assert.Equal(1, batch.Total);
        var queued = (await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None)).Where(j => j.BatchId == batch.BatchId);
        Assert.Equal((edited, JobKind.Audio), queued.Select(j => (j.SentenceId!.Value, j.Kind)).Single());
    }
}
