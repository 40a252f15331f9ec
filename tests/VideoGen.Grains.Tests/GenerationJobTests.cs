using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Tests;

public sealed class GenerationJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static GenerationJob NewImageJob(bool skipVideo = false, int maxAttempts = 3) =>
        GenerationJob.Create(Guid.NewGuid(), Guid.NewGuid(), JobKind.Image, JobPriority.Interactive, Now, skipVideo, maxAttempts: maxAttempts);

    private static (GenerationJob Job, Guid Token) Running(int maxAttempts = 3)
    {
        var job = NewImageJob(maxAttempts: maxAttempts);
        var token = Guid.NewGuid();
        job.Claim("gpu-0", "silo-a", token, Now.AddSeconds(10), Now);
        return (job, token);
    }

    public static TheoryData<JobStatus, JobStatus> AllowedMoves => new()
    {
        { JobStatus.Queued, JobStatus.Running },
        { JobStatus.Queued, JobStatus.Cancelled },
        { JobStatus.Queued, JobStatus.Failed },
        { JobStatus.Running, JobStatus.Succeeded },
        { JobStatus.Running, JobStatus.Failed },
        { JobStatus.Running, JobStatus.Cancelled },
        { JobStatus.Running, JobStatus.Queued },
    };

    [Fact]
    public void IsAllowed_ForEveryPair_AllowsExactlyTheLegalMoves()
    {
        var allowed = AllowedMoves.Select(row => ((JobStatus)row[0], (JobStatus)row[1])).ToHashSet();
        foreach (var from in Enum.GetValues<JobStatus>())
            foreach (var to in Enum.GetValues<JobStatus>())
                Assert.True(allowed.Contains((from, to)) == JobTransitions.IsAllowed(from, to), $"{from} → {to}");
    }

    [Fact]
    public void Create_ImageJob_CascadesToVideoUnlessSkipped()
    {
        Assert.True(NewImageJob().ThenVideo);
        var skipped = NewImageJob(skipVideo: true);
        Assert.False(skipped.ThenVideo);
        Assert.True(skipped.SkipVideo);
        Assert.Equal(JobStatus.Queued, skipped.Status);
        Assert.IsType<JobChanged>(Assert.Single(skipped.PendingEvents));
    }

    [Fact]
    public void Create_SentenceJobWithoutSentence_Throws() =>
        Assert.Throws<DomainException>(() => GenerationJob.Create(Guid.NewGuid(), null, JobKind.Video, JobPriority.Bulk, Now));

    [Theory]
    [InlineData(JobKind.Image, Lane.Image)]
    [InlineData(JobKind.Video, Lane.Video)]
    [InlineData(JobKind.Audio, Lane.Cpu)]
    [InlineData(JobKind.Export, Lane.Cpu)]
    public void Lane_OfEachKind_IsItsLane(JobKind kind, Lane lane) => Assert.Equal(lane, JobTransitions.LaneOf(kind));

    [Fact]
    public void Succeed_WithTheClaimToken_FinishesAndDropsTheClaim()
    {
        var (job, token) = Running();

        job.Succeed(token, "images/x.png", Now.AddSeconds(5));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1.0, job.Progress);
        Assert.Null(job.ClaimToken);
        Assert.Equal(Now.AddSeconds(5), job.FinishedAt);
    }

    [Fact]
    public void Writes_WithAnotherToken_AreRefused()
    {
        var (job, _) = Running();
        var stranger = Guid.NewGuid();

        Assert.Throws<DomainException>(() => job.ReportProgress(stranger, 0.5, "sampling"));
        Assert.Throws<DomainException>(() => job.Succeed(stranger, null, Now));
        Assert.Throws<DomainException>(() => job.Fail(stranger, "x", Now));
        Assert.Equal(JobStatus.Running, job.Status);
    }

    [Fact]
    public void Claim_FinishedJob_ThrowsDomainException()
    {
        var (job, token) = Running();
        job.Succeed(token, null, Now);

        Assert.Throws<DomainException>(() => job.Claim("gpu-1", "silo-b", Guid.NewGuid(), Now.AddSeconds(10), Now));
    }

    [Fact]
    public void Retry_BeforeLastAttempt_RequeuesWithNextAttempt()
    {
        var (job, _) = Running();

        job.Retry("ComfyUI answered 503", Now);

        Assert.Equal((JobStatus.Queued, 2, "ComfyUI answered 503"), (job.Status, job.Attempt, job.Error));
        Assert.Null(job.ClaimToken);
        Assert.Null(job.Device);
    }

    [Fact]
    public void Retry_OfAJobAskedToCancel_CancelsItInstead()
    {
        var (job, _) = Running();
        job.Cancel(Now);

        job.Retry("silo went silent", Now);

        Assert.Equal(JobStatus.Cancelled, job.Status);
    }

    [Fact]
    public void Release_ByAStoppingSilo_RequeuesWithTheSameAttempt()
    {
        var (job, token) = Running();

        job.Release(token, "silo stopped", Now);

        Assert.Equal((JobStatus.Queued, 1, "silo stopped"), (job.Status, job.Attempt, job.Error));
        Assert.Null(job.ClaimToken);
    }

    [Fact]
    public void Release_OfAJobAskedToCancel_CancelsItInstead()
    {
        var (job, token) = Running();
        job.Cancel(Now);

        job.Release(token, "silo stopped", Now);

        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Null(job.Error);
    }

    [Fact]
    public void Retry_AtLastAttempt_Fails()
    {
        var (job, _) = Running(maxAttempts: 1);

        job.Retry("connection refused", Now);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("connection refused", job.Error);
    }

    [Fact]
    public void Cancel_InEachState_AnswersWhatHappened()
    {
        var queued = NewImageJob();
        Assert.Equal(CancelResult.Cancelled, queued.Cancel(Now));
        Assert.Equal(JobStatus.Cancelled, queued.Status);
        Assert.False(queued.ThenVideo);

        var (running, token) = Running();
        Assert.Equal(CancelResult.Requested, running.Cancel(Now));
        Assert.True(running.CancelRequested);
        Assert.False(running.ThenVideo);
        running.ConfirmCancelled(token, Now);
        Assert.Equal(JobStatus.Cancelled, running.Status);

        Assert.Equal(CancelResult.AlreadyFinished, running.Cancel(Now));
    }

    [Fact]
    public void ReportProgress_OutOfRange_IsClamped()
    {
        var (job, token) = Running();

        job.ReportProgress(token, 1.7, "decode");

        Assert.Equal(1.0, job.Progress);
        Assert.IsType<JobProgressed>(job.PendingEvents[^1]);
    }

    [Fact]
    public void StateRoundTrip_KeepsEveryField()
    {
        var (job, _) = Running();
        var state = job.ToState();

        Assert.Equal(state, GenerationJob.FromState(state).ToState());
    }
}
