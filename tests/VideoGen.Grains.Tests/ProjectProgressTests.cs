using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.Grains.Tests;

/// <summary>A project's progress is its scene work; an export beside it changes nothing.</summary>
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
        var earlier = Guid.NewGuid();
        var jobs = new[]
        {
            Job(JobKind.Image, JobStatus.Succeeded, earlier, Start),
            Job(JobKind.Export, JobStatus.Running, null, Start.AddMinutes(1)),
            Job(JobKind.Image, JobStatus.Running, Guid.NewGuid(), Start.AddMinutes(2)),
            Job(JobKind.Image, JobStatus.Queued, Guid.NewGuid(), Start.AddMinutes(2)),
        };

        var progress = ProjectProgress.Of(jobs);

        Assert.Equal((2, 1, 1, true), (progress.Total, progress.Running, progress.Queued, progress.Active));
        Assert.DoesNotContain(progress.CurrentSteps, s => s.Step == JobKind.Export);
    }

    private static GenerationJob Job(JobKind kind, JobStatus status, Guid? sentence, DateTimeOffset created) => GenerationJob.FromState(new JobState
    {
        Id = Guid.NewGuid(), ProjectId = Project, SentenceId = sentence, Kind = kind, Status = status,
        BatchId = sentence is null ? null : Batch, CreatedAt = created,
        FinishedAt = status is JobStatus.Succeeded or JobStatus.Failed ? created.AddSeconds(30) : null,
    });
}
