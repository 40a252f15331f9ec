using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Jobs;

/// <summary>
/// Work queued while a run is active joins that run, so its count neither starts over nor shrinks;
/// work queued once everything finished starts a run of its own.
/// </summary>
public sealed class RunJoinTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SingleRegeneration_DuringABulkRun_JoinsIt_AndAfterItStartsItsOwn(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var image = new ScriptedBackend("gpu-0/image");
        await cluster.StartSiloAsync("a", QueueCluster.Device("gpu-0", image, new ScriptedBackend("gpu-0/video")), QueueCluster.CpuDevice("cpu-a", new ScriptedBackend("cpu-a")));
        var project = await cluster.ImportAsync("One. Two. Three.");
        var first = project.Sentences.First().Id;
        image.Hold();

        var batch = (await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None))!;
        var narration = (await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None)).Single(j => j.SentenceId == first && j.Kind == JobKind.Audio);
        await cluster.WaitForJobAsync(narration.Id, JobStatus.Succeeded);
        var joined = (await cluster.Scheduler.RegenerateAudioAsync(first, CancellationToken.None)).Value!;
        var during = await cluster.Jobs.ProgressAsync(project.Id, CancellationToken.None);

        image.Release();
        await QueueCluster.WaitUntilAsync(async () => !(await cluster.Jobs.ProgressAsync(project.Id, CancellationToken.None)).Active,
            TimeSpan.FromSeconds(30), "the run to end");
        var ended = await cluster.Jobs.ProgressAsync(project.Id, CancellationToken.None);
        var own = (await cluster.Scheduler.RegenerateAudioAsync(first, CancellationToken.None)).Value!;

        Assert.Equal(batch.BatchId, joined.BatchId);
        Assert.Equal((3, true), (during.Total, during.Active));
        Assert.Equal((3, 3, new RunOutcome(3, 3, 0, 0)), (ended.Total, ended.Done, ended.Scenes));
        Assert.NotEqual(batch.BatchId, own.BatchId);
        Assert.NotNull(own.BatchId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Variations_DuringABulkRun_JoinTheRun(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var video = new ScriptedBackend("gpu-0/video");
        await cluster.StartSiloAsync("a", QueueCluster.Device("gpu-0", new ScriptedBackend("gpu-0/image"), video), QueueCluster.CpuDevice("cpu-a", new ScriptedBackend("cpu-a")));
        var project = await cluster.ImportAsync("One. Two.");
        var first = project.Sentences.First().Id;
        video.Hold();

        var batch = (await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None))!;
        var image = (await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None)).Single(j => j.SentenceId == first && j.Kind == JobKind.Image);
        await cluster.WaitForJobAsync(image.Id, JobStatus.Succeeded);
        var during = await cluster.Jobs.ProgressAsync(project.Id, CancellationToken.None);
        var variations = (await cluster.Scheduler.VariationsAsync(first, 2, CancellationToken.None)).Value!;
        video.Release();

        Assert.True(during.Active, "the run had ended before the variations were asked for");
        Assert.Equal([batch.BatchId, batch.BatchId], variations.Select(v => v.BatchId));
    }
}
