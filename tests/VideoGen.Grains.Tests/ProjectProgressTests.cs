using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.Grains.Tests;

/// <summary>
/// A project's progress is its current run's scene work: the count never shrinks, what finished stays
/// finished, and an export beside it changes nothing.
/// </summary>
public sealed class ProjectProgressTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Project = Guid.NewGuid();
    private static readonly Guid Batch = Guid.NewGuid();

    [Fact]
    public void Of_AnExportQueuedAfterTheLastRun_StillShowsThatRunFinished()
    {
        var jobs = new[]
        {
            Job(JobKind.Image, JobStatus.Succeeded, Guid.NewGuid(), Start),
            Job(JobKind.Image, JobStatus.Failed, Guid.NewGuid(), Start),
            Job(JobKind.Export, JobStatus.Running, null, Start.AddMinutes(5)),
        };

        var progress = ProjectProgress.Of(jobs);

        Assert.Equal((2, 1, 1, false), (progress.Total, progress.Done, progress.Failed, progress.Active));
    }

    [Fact]
    public void Of_ARunStartedAfterAnExport_CountsOnlyItsScenes()
    {
        var (earlier, later) = (Guid.NewGuid(), Guid.NewGuid());
        var jobs = new[]
        {
            Job(JobKind.Image, JobStatus.Succeeded, Guid.NewGuid(), Start, run: earlier),
            Job(JobKind.Export, JobStatus.Running, null, Start.AddMinutes(1)),
            Job(JobKind.Image, JobStatus.Running, Guid.NewGuid(), Start.AddMinutes(2), run: later),
            Job(JobKind.Image, JobStatus.Queued, Guid.NewGuid(), Start.AddMinutes(2), run: later),
        };

        var progress = ProjectProgress.Of(jobs);

        Assert.Equal((2, 1, 1, true), (progress.Total, progress.Running, progress.Queued, progress.Active));
        Assert.DoesNotContain(progress.CurrentSteps, s => s.Step == JobKind.Export);
    }

    [Fact]
    public void Of_ClipsQueuedAfterEveryFirstJobFinished_KeepTheRunsCount()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var jobs = new[]
        {
            Job(JobKind.Image, JobStatus.Succeeded, a, Start, thenVideo: true),
            Job(JobKind.Image, JobStatus.Succeeded, b, Start, thenVideo: true),
            Job(JobKind.Image, JobStatus.Succeeded, c, Start, thenVideo: true),
            Job(JobKind.Video, JobStatus.Succeeded, a, Start.AddSeconds(30)),
            Job(JobKind.Video, JobStatus.Running, b, Start.AddSeconds(30)),
            Job(JobKind.Video, JobStatus.Queued, c, Start.AddSeconds(30)),
        };

        var progress = ProjectProgress.Of(jobs);

        Assert.Equal((3, 1, 1, 1), (progress.Total, progress.Done, progress.Running, progress.Queued));
    }

    [Fact]
    public void Of_ASingleRegenerationJoiningABulkRun_ShowsOnItsOwnSceneAndKeepsTheRunGoing()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var bulk = new[]
        {
            Job(JobKind.Image, JobStatus.Succeeded, a, Start, priority: JobPriority.Bulk),
            Job(JobKind.Image, JobStatus.Running, b, Start, priority: JobPriority.Bulk),
        };
        var single = Job(JobKind.Image, JobStatus.Running, a, Start.AddMinutes(1));

        var during = ProjectProgress.Of([.. bulk, single]);
        var afterBulk = ProjectProgress.Of([bulk[0], Job(JobKind.Image, JobStatus.Succeeded, b, Start, priority: JobPriority.Bulk), single]);

        Assert.Equal((2, 1, 1, 1, true), (during.Total, during.Finished, during.Running, during.JoinedActive, during.Active));
        Assert.Equal((2, 2, true), (afterBulk.Total, afterBulk.Finished, afterBulk.Active));
    }

    [Fact]
    public void Of_ASceneAskedForAgainAfterItFailed_EndsTheRunByItsLastRequest()
    {
        var scene = Guid.NewGuid();
        var jobs = new[]
        {
            Job(JobKind.Image, JobStatus.Failed, scene, Start, priority: JobPriority.Bulk),
            Job(JobKind.Image, JobStatus.Succeeded, scene, Start.AddMinutes(1)),
        };

        var progress = ProjectProgress.Of(jobs);

        Assert.Equal((1, 1, false), (progress.Total, progress.Failed, progress.Active));
        Assert.Equal(new RunOutcome(1, 1, 0, 0), progress.Scenes);
        Assert.Empty(progress.Failures);
    }

    [Fact]
    public void Of_AnImageThatFinishedAfterItsRunWasCancelled_CountsAsCancelled()
    {
        var scene = Guid.NewGuid();
        var image = GenerationJob.FromState(Job(JobKind.Image, JobStatus.Succeeded, scene, Start).ToState() with { CancelRequested = true });

        var progress = ProjectProgress.Of([image]);

        Assert.Equal((1, 0, 1), (progress.Total, progress.Done, progress.Cancelled));
        Assert.Equal(new RunOutcome(1, 0, 0, 1), progress.Scenes);
    }

    [Theory]
    [InlineData(true, 0, 1)]   // the clip its image queued as it was stored
    [InlineData(false, 0, 2)]  // a clip asked for after the image-only request finished
    [InlineData(true, 10, 2)]  // a clip asked for later
    public void Split_AClipAfterItsImage_IsOnePieceOnlyWhenTheImageQueuedIt(bool thenVideo, int secondsLater, int pieces)
    {
        var scene = Guid.NewGuid();
        var image = Job(JobKind.Image, JobStatus.Succeeded, scene, Start, thenVideo: thenVideo);
        var clip = Job(JobKind.Video, JobStatus.Queued, scene, image.FinishedAt!.Value.AddSeconds(secondsLater));

        Assert.Equal(pieces, SceneRunWork.Split([image, clip]).Count);
    }

    private static GenerationJob Job(JobKind kind, JobStatus status, Guid? sentence, DateTimeOffset created,
        Guid? run = null, bool thenVideo = false, JobPriority priority = JobPriority.Interactive) => GenerationJob.FromState(new JobState
    {
        Id = Guid.NewGuid(), ProjectId = Project, SentenceId = sentence, Kind = kind, Status = status, Priority = priority,
        BatchId = sentence is null ? null : run ?? Batch, CreatedAt = created, ThenVideo = thenVideo,
        FinishedAt = status.IsFinished() ? created.AddSeconds(30) : null,
    });
}
