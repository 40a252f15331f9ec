namespace VideoGen.Grains.Domain;

/// <summary>
/// One piece of generation work for a sentence (image, video, audio) or a project (export).
/// A job moves queued → running → succeeded | failed | cancelled; a running job may go back
/// to the queue when its attempt failed for a transient cause or its silo died. While it
/// runs, only the holder of its claim token may write to it.
/// </summary>
public sealed class GenerationJob : Entity
{
    public const int DefaultMaxAttempts = 3;

    private GenerationJob(JobState s)
    {
        Id = s.Id;
        ProjectId = s.ProjectId;
        SentenceId = s.SentenceId;
        Kind = s.Kind;
        Status = s.Status;
        Priority = s.Priority;
        BatchId = s.BatchId;
        Attempt = s.Attempt;
        MaxAttempts = s.MaxAttempts;
        Error = s.Error;
        ThenVideo = s.ThenVideo;
        SkipVideo = s.SkipVideo;
        Seed = s.Seed;
        Output = s.Output;
        Progress = s.Progress;
        Step = s.Step;
        Device = s.Device;
        Silo = s.Silo;
        ClaimToken = s.ClaimToken;
        LeaseUntil = s.LeaseUntil;
        CancelRequested = s.CancelRequested;
        CreatedAt = s.CreatedAt;
        StartedAt = s.StartedAt;
        FinishedAt = s.FinishedAt;
    }

    public Guid Id { get; }
    public Guid ProjectId { get; }
    public Guid? SentenceId { get; }
    public JobKind Kind { get; }
    public JobStatus Status { get; private set; }
    public JobPriority Priority { get; }
    public Guid? BatchId { get; }
    public int Attempt { get; private set; }
    public int MaxAttempts { get; }
    public string? Error { get; private set; }

    /// <summary>An image job that queues the sentence's video once the image is stored.</summary>
    public bool ThenVideo { get; private set; }

    /// <summary>The creator asked for the image only: the video stays dirty and unqueued.</summary>
    public bool SkipVideo { get; }

    public long? Seed { get; }

    /// <summary>The file the job produced, relative to the media root.</summary>
    public string? Output { get; private set; }

    public double Progress { get; private set; }
    public string? Step { get; private set; }
    public string? Device { get; private set; }
    public string? Silo { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    public bool CancelRequested { get; private set; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public Lane Lane => JobTransitions.LaneOf(Kind);

    /// <summary>A new queued job.</summary>
    public static GenerationJob Create(
        Guid projectId, Guid? sentenceId, JobKind kind, JobPriority priority, DateTimeOffset now,
        bool skipVideo = false, long? seed = null, Guid? batchId = null, int maxAttempts = DefaultMaxAttempts)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException($"Unknown job kind {(int)kind}.");
        if (kind != JobKind.Export && sentenceId is null) throw new DomainException($"A {kind} job belongs to a sentence.");
        if (maxAttempts < 1) throw new DomainException("A job needs at least one attempt.");
        var job = new GenerationJob(new JobState
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            SentenceId = sentenceId,
            Kind = kind,
            Status = JobStatus.Queued,
            Priority = priority,
            BatchId = batchId,
            MaxAttempts = maxAttempts,
            ThenVideo = kind == JobKind.Image && !skipVideo,
            SkipVideo = kind == JobKind.Image && skipVideo,
            Seed = seed,
            CreatedAt = now,
        });
        job.RaiseChanged();
        return job;
    }

    public static GenerationJob FromState(JobState state) => new(state);

    /// <summary>
    /// A job the store has just claimed in one atomic statement (queued → running with the
    /// values <see cref="Claim"/> sets); raises the change the claim made.
    /// </summary>
    public static GenerationJob Claimed(JobState running)
    {
        if (running.Status != JobStatus.Running || running.ClaimToken is null || running.Device is null)
            throw new DomainException($"Job {running.Id} was not claimed: it is {running.Status}.");
        var job = new GenerationJob(running);
        job.RaiseChanged();
        return job;
    }

    public JobState ToState() => new()
    {
        Id = Id, ProjectId = ProjectId, SentenceId = SentenceId, Kind = Kind, Status = Status,
        Priority = Priority, BatchId = BatchId, Attempt = Attempt, MaxAttempts = MaxAttempts,
        Error = Error, ThenVideo = ThenVideo, SkipVideo = SkipVideo, Seed = Seed, Output = Output,
        Progress = Progress, Step = Step, Device = Device, Silo = Silo, ClaimToken = ClaimToken,
        LeaseUntil = LeaseUntil, CancelRequested = CancelRequested, CreatedAt = CreatedAt,
        StartedAt = StartedAt, FinishedAt = FinishedAt,
    };

    /// <summary>A lane of <paramref name="device"/> on <paramref name="silo"/> takes the job.</summary>
    public void Claim(string device, string silo, Guid token, DateTimeOffset leaseUntil, DateTimeOffset now)
    {
        MoveTo(JobStatus.Running);
        Device = device;
        Silo = silo;
        ClaimToken = token;
        LeaseUntil = leaseUntil;
        StartedAt = now;
        Progress = 0;
        Step = null;
        RaiseChanged();
    }

    public void RenewLease(Guid token, DateTimeOffset leaseUntil)
    {
        RequireClaim(token);
        LeaseUntil = leaseUntil;
    }

    public void ReportProgress(Guid token, double progress, string? step)
    {
        RequireClaim(token);
        Progress = Math.Clamp(double.IsFinite(progress) ? progress : 0, 0, 1);
        Step = step;
        Raise(new JobProgressed(ProjectId, Id, SentenceId, Kind, Progress, Step));
    }

    public void Succeed(Guid token, string? output, DateTimeOffset now)
    {
        RequireClaim(token);
        MoveTo(JobStatus.Succeeded);
        Output = output;
        Progress = 1;
        Finish(now, error: null);
    }

    public void Fail(Guid token, string error, DateTimeOffset now)
    {
        RequireClaim(token);
        MoveTo(JobStatus.Failed);
        Finish(now, error);
    }

    /// <summary>
    /// The attempt ended for a cause worth another try (or the lease ran out): back to the
    /// queue with the next attempt, or failed when the attempts are used up.
    /// </summary>
    public void Retry(string reason, DateTimeOffset now)
    {
        if (Status != JobStatus.Running) throw new DomainException($"Job {Id} is {Status}; only a running job can be retried.");
        if (CancelRequested)
        {
            // Someone asked to stop it: an attempt that ended badly is not a reason to run it again.
            MoveTo(JobStatus.Cancelled);
            Finish(now, error: null);
            return;
        }
        if (Attempt >= MaxAttempts)
        {
            MoveTo(JobStatus.Failed);
            Finish(now, $"{reason} (gave up after {Attempt} attempts)");
            return;
        }
        Attempt++;
        Requeue(reason);
    }

    /// <summary>
    /// The silo gives the job back without a verdict (it is shutting down): queued again
    /// with the same attempt, since the work itself did not fail; cancelled instead when a
    /// creator asked to stop it meanwhile.
    /// </summary>
    public void Release(Guid token, string reason, DateTimeOffset now)
    {
        RequireClaim(token);
        if (CancelRequested)
        {
            // Asked to stop while the silo was going away: handing it back would run it again.
            MoveTo(JobStatus.Cancelled);
            Finish(now, error: null);
            return;
        }
        Requeue(reason);
    }

    /// <summary>Back in the queue, free of any silo, device or progress, with <paramref name="reason"/> as the last word.</summary>
    private void Requeue(string reason)
    {
        MoveTo(JobStatus.Queued);
        Error = reason;
        ClearClaim();
        Device = null;
        Silo = null;
        StartedAt = null;
        Progress = 0;
        Step = null;
        RaiseChanged();
    }

    /// <summary>Cancels a queued job at once; asks the lane of a running one to stop it.</summary>
    public CancelResult Cancel(DateTimeOffset now)
    {
        switch (Status)
        {
            case JobStatus.Queued:
                MoveTo(JobStatus.Cancelled);
                ThenVideo = false;
                Finish(now, error: null);
                return CancelResult.Cancelled;
            case JobStatus.Running:
                if (!CancelRequested)
                {
                    CancelRequested = true;
                    ThenVideo = false;
                    RaiseChanged();
                }
                return CancelResult.Requested;
            default:
                return CancelResult.AlreadyFinished;
        }
    }

    /// <summary>The lane stopped the work it was asked to cancel.</summary>
    public void ConfirmCancelled(Guid token, DateTimeOffset now)
    {
        RequireClaim(token);
        MoveTo(JobStatus.Cancelled);
        Finish(now, error: null);
    }

    private void Finish(DateTimeOffset now, string? error)
    {
        Error = error;
        FinishedAt = now;
        ClearClaim();
        RaiseChanged();
    }

    private void ClearClaim()
    {
        ClaimToken = null;
        LeaseUntil = null;
    }

    private void MoveTo(JobStatus next)
    {
        if (!JobTransitions.IsAllowed(Status, next))
            throw new DomainException($"Job {Id} cannot move from {Status} to {next}.");
        Status = next;
    }

    private void RequireClaim(Guid token)
    {
        if (Status != JobStatus.Running || ClaimToken != token)
            throw new DomainException($"Job {Id} is not held by claim {token}.");
    }

    private void RaiseChanged() => Raise(new JobChanged(ProjectId, Id, SentenceId, Kind, Status, Attempt, Error));
}
