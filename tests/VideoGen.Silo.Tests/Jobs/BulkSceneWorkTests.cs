using VideoGen.Grains.Domain;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Jobs;

/// <summary>The toolbar's bulk actions queue and cancel exactly the scene work they name.</summary>
public sealed class BulkSceneWorkTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegenerateDirty_ImagesAlone_QueuesEachDirtyImageWithItsClip_AndNoOtherClip(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var (newImage, newClip) = await TwoStaleScenesAsync(cluster);

        var batch = await cluster.Scheduler.RegenerateDirtyAsync(newImage.ProjectId, images: true, videos: false, CancellationToken.None);

        Assert.Equal(1, batch!.Total);
        var job = Assert.Single(await cluster.Jobs.ListByProjectAsync(newImage.ProjectId, CancellationToken.None));
        Assert.Equal((newImage.Id, JobKind.Image, true), (job.SentenceId, job.Kind, job.ThenVideo));
        Assert.NotEqual(newClip.Id, job.SentenceId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegenerateDirty_VideosAlone_QueuesOnlyClipsWhoseImageIsCurrent(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var (newImage, newClip) = await TwoStaleScenesAsync(cluster);

        var batch = await cluster.Scheduler.RegenerateDirtyAsync(newImage.ProjectId, images: false, videos: true, CancellationToken.None);

        Assert.Equal(1, batch!.Total);
        var job = Assert.Single(await cluster.Jobs.ListByProjectAsync(newImage.ProjectId, CancellationToken.None));
        Assert.Equal((newClip.Id, JobKind.Video), (job.SentenceId, job.Kind));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CancelScenes_LeavesTheProjectsExportQueued(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var (newImage, _) = await TwoStaleScenesAsync(cluster);
        foreach (var sentence in (await cluster.Projects.GetAsync(newImage.ProjectId, cluster.Owner, CancellationToken.None))!.Sentences)
            await cluster.Sentences.UpdateAsync(sentence.Id, s => s.AudioStored($"voice-{s.Id:N}.wav", 1.5, Now), CancellationToken.None);
        var export = await cluster.Exports.StartAsync(newImage.ProjectId, cluster.Owner, new ExportSettings(false, ExportTransition.Cut, 24), CancellationToken.None);
        Assert.Equal(Grains.Jobs.ExportStartStatus.Started, export.Status);
        await cluster.Scheduler.RegenerateDirtyAsync(newImage.ProjectId, images: true, videos: true, CancellationToken.None);

        var cancelled = await cluster.Scheduler.CancelScenesAsync(newImage.ProjectId, CancellationToken.None);

        var jobs = await cluster.Jobs.ListByProjectAsync(newImage.ProjectId, CancellationToken.None);
        Assert.Equal(2, cancelled);
        Assert.All(jobs.Where(j => j.SentenceId is not null), j => Assert.Equal(JobStatus.Cancelled, j.Status));
        Assert.Equal(JobStatus.Queued, Assert.Single(jobs, j => j.Kind == JobKind.Export).Status);
    }

    /// <summary>A project of two finished scenes: the first with a new image prompt (image and clip stale), the second with a new video prompt (clip stale).</summary>
    private static async Task<(Sentence NewImage, Sentence NewClip)> TwoStaleScenesAsync(QueueCluster cluster)
    {
        var project = await cluster.ImportAsync("The tide rolls in. Gulls cry.");
        var (first, second) = (project.Sentences.ElementAt(0), project.Sentences.ElementAt(1));
        foreach (var sentence in new[] { first, second })
            await cluster.Sentences.UpdateAsync(sentence.Id, s =>
            {
                s.ImageStored($"image-{s.Id:N}.png", Now);
                s.VideoStored($"clip-{s.Id:N}.mp4", Now);
            }, CancellationToken.None);
        var newImage = (await cluster.Sentences.UpdateAsync(first.Id, s => s.EditImagePrompt("a storm over the harbour", Now), CancellationToken.None))!;
        var newClip = (await cluster.Sentences.UpdateAsync(second.Id, s => s.EditVideoPrompt("gulls wheel slowly", Now), CancellationToken.None))!;
        Assert.Equal((true, true, false, true), (newImage.IsImageDirty, newImage.IsVideoDirty, newClip.IsImageDirty, newClip.IsVideoDirty));
        return (newImage, newClip);
    }
}
