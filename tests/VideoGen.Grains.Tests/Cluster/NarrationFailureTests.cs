using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Projects;
using VideoGen.Grains.Scenes;

namespace VideoGen.Grains.Tests.Cluster;

/// <summary>
/// A clip lasts as long as its narration: when the narration fails, the clip is not made at a
/// made-up length; the scene's run fails with the narration's reason, and "retry failed" queues
/// both again. These take jobs off the queue, so the class has a cluster and store of its own.
/// </summary>
public sealed class NarrationFailureTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private static readonly string NarrationError = FailureText.Compose("espeak-ng is not installed.", "No such file or directory");

    [Fact]
    public async Task FailJob_OfANarrationItsClipWaitsFor_FailsTheClipAndTheRun_AndRetryFailedQueuesBothAgain()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        var project = cluster.Client.GetGrain<IProjectGrain>(sentence.ProjectId);
        var scene = cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);
        await project.GenerateAll(Guid.NewGuid());
        var image = await cluster.ClaimAsync(Lane.Image);
        var clipId = (await scene.CompleteJob(image!.Job.Id, image.Token, new JobOutput("images/a.png"))).CascadedJobId!.Value;
        Assert.Null(await cluster.ClaimAsync(Lane.Video));
        var narration = await cluster.ClaimAsync(Lane.Cpu);

        Assert.True(await scene.FailJob(narration!.Job.Id, narration.Token, NarrationError));

        var clip = await Jobs.GetAsync(clipId, CancellationToken.None);
        Assert.Equal(JobStatus.Failed, clip!.Status);
        Assert.Equal("The clip waits for its narration, which failed: espeak-ng is not installed.", FailureText.Headline(clip.Error!));
        Assert.Null(await cluster.ClaimAsync(Lane.Video));
        var saved = await cluster.Sentences.GetAsync(sentence.Id, CancellationToken.None);
        Assert.Equal((AssetStatus.Failed, AssetStatus.Failed, (string?)null), (saved!.AudioStatus, saved.VideoStatus, saved.VideoFile));
        var progress = await Jobs.ProgressAsync(sentence.ProjectId, CancellationToken.None);
        Assert.Equal((1, 0, 1), (progress.Total, progress.Done, progress.Failed));
        Assert.Contains("espeak-ng is not installed.", Assert.Single(progress.Failures).Error);

        Assert.Equal(1, (await project.RetryFailed(Guid.NewGuid()))!.Total);
        Assert.Null(await cluster.ClaimAsync(Lane.Video));
        var retried = await cluster.ClaimAsync(Lane.Cpu);
        Assert.True((await scene.CompleteJob(retried!.Job.Id, retried.Token, new JobOutput("audio/a.wav", 2.5))).Accepted);
        var remade = await cluster.ClaimAsync(Lane.Video);
        Assert.Equal((sentence.Id, 2.5), (remade!.Job.SentenceId!.Value, remade.Sentence!.AudioDuration));
    }

    [Fact]
    public async Task CompleteJob_OfACascadingImage_AfterItsNarrationFailed_MakesNoClip()
    {
        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        var scene = cluster.Client.GetGrain<ISentenceGrain>(sentence.Id);
        await cluster.Client.GetGrain<IProjectGrain>(sentence.ProjectId).GenerateAll(Guid.NewGuid());
        var narration = await cluster.ClaimAsync(Lane.Cpu);
        Assert.True(await scene.FailJob(narration!.Job.Id, narration.Token, NarrationError));
        var image = await cluster.ClaimAsync(Lane.Image);

        var result = await scene.CompleteJob(image!.Job.Id, image.Token, new JobOutput("images/b.png"));

        Assert.True(result.Accepted);
        var clip = await Jobs.GetAsync(result.CascadedJobId!.Value, CancellationToken.None);
        Assert.Equal((JobKind.Video, JobStatus.Failed), (clip!.Kind, clip.Status));
        Assert.Null(await cluster.ClaimAsync(Lane.Video));
        var progress = await Jobs.ProgressAsync(sentence.ProjectId, CancellationToken.None);
        Assert.Equal((1, 1), (progress.Total, progress.Failed));
        var refused = await scene.RegenerateVideo(Guid.NewGuid(), seed: null);
        Assert.Contains("narration of this scene failed", Assert.Single(refused.Errors).Message);
    }

    private JobReader Jobs => new(cluster.Database.Database);
}
