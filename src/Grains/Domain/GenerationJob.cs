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

    private GenerationJob(JobState state) => _state = state;

    /// <summary>Everything the job is; each change replaces it with a changed copy.</summary>
    private JobState _state;

    public Guid Id => _state.Id;
    public Guid ProjectId => _state.ProjectId;
    public Guid? SentenceId => _state.SentenceId;
    public JobKind Kind => _state.Kind;
    public JobStatus Status => _state.Status;
    public JobPriority Priority => _state.Priority;
    public Guid? BatchId => _state.BatchId;
    public int Attempt => _state.Attempt;
    public int MaxAttempts => _state.MaxAttempts;
    public string? Error => _state.Error;

    /// <summary>An image job that queues the sentence's video once the image is stored.</summary>
    public bool ThenVideo => _state.ThenVideo;

    /// <summary>The creator asked for the image only: the video stays dirty and unqueued.</summary>
    public bool SkipVideo => _state.SkipVideo;

    public long? Seed => _state.Seed;

    /// <summary>One image of a scene's variations: its take joins the scene's takes without replacing the scene's image.</summary>
    public bool Variation => _state.Variation;

    /// <summary>The file the job produced, relative to the media root.</summary>
    public string? Output => _state.Output;

    public double Progress => _state.Progress;
    public string? Step => _state.Step;
    public string? Device => _state.Device;
    public string? Silo => _state.Silo;
    public Guid? ClaimToken => _state.ClaimToken;
    public DateTimeOffset? LeaseUntil => _state.LeaseUntil;
    public bool CancelRequested => _state.CancelRequested;
    public DateTimeOffset CreatedAt => _state.CreatedAt;
    public DateTimeOffset? StartedAt => _state.StartedAt;
    public DateTimeOffset? FinishedAt => _state.FinishedAt;

    public Lane Lane => JobTransitions.LaneOf(Kind);

    /// <summary>A new queued job.</summary>
    public static GenerationJob Create(
        Guid projectId, Guid? sentenceId, JobKind kind, JobPriority priority, DateTimeOffset now,
        bool skipVideo = false, long? seed = null, Guid? batchId = null, int maxAttempts = DefaultMaxAttempts, bool variation = false)
    {
        if (variation && (kind != JobKind.Image || !skipVideo)) throw new DomainException("A variation is an image without a clip to follow.");
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
            Variation = variation,
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

    /// <summary>The stored form of this job.</summary>
    public JobState ToState() => _state;

    /// <summary>A lane of <paramref name="device"/> on <paramref name="silo"/> takes the job.</summary>
    public void Claim(string device, string silo, Guid token, DateTimeOffset leaseUntil, DateTimeOffset now)
    {
        MoveTo(JobStatus.Running);
        _state = _state with { Device = device, Silo = silo, ClaimToken = token, LeaseUntil = leaseUntil, StartedAt = now, Progress = 0, Step = null };
        RaiseChanged();
    }

    public void RenewLease(Guid token, DateTimeOffset leaseUntil)
    {
        RequireClaim(token);
        _state = _state with { LeaseUntil = leaseUntil };
    }

    public void ReportProgress(Guid token, double progress, string? step)
    {
        RequireClaim(token);
        _state = _state with { Progress = Math.Clamp(double.IsFinite(progress) ? progress : 0, 0, 1), Step = step };
        Raise(new JobProgressed(ProjectId, Id, SentenceId, Kind, Progress, Step));
    }

    public void Succeed(Guid token, string? output, DateTimeOffset now)
    {
        RequireClaim(token);
        MoveTo(JobStatus.Succeeded);
        _state = _state with { Output = output, Progress = 1 };
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
            Finish(now, FailureText.WithHeadlineSuffix(reason, $"(gave up after {Attempt} attempts)"));
            return;
        }
        _state = _state with { Attempt = Attempt + 1 };
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
        _state = WithoutClaim() with { Error = reason, Device = null, Silo = null, StartedAt = null, Progress = 0, Step = null };
        RaiseChanged();
    }

    /// <summary>Cancels a queued job at once; asks the lane of a running one to stop it.</summary>
    public CancelResult Cancel(DateTimeOffset now)
    {
        switch (Status)
        {
            case JobStatus.Queued:
                MoveTo(JobStatus.Cancelled);
                _state = _state with { ThenVideo = false };
                Finish(now, error: null);
                return CancelResult.Cancelled;
            case JobStatus.Running:
                if (!CancelRequested)
                {
                    _state = _state with { CancelRequested = true, ThenVideo = false };
                    RaiseChanged();
                }
                return CancelResult.Requested;
            default:
                return CancelResult.AlreadyFinished;
        }
    }

    /// <summary>
    /// The clip a finished image job asked for (<see cref="ThenVideo"/>), to queue in the
    /// transaction that stores the image, with the image's priority, seed and batch; null for
    /// any other job. When the scene's narration has failed the clip is not made: it comes
    /// back failed with the narration's reason, so the run counts the scene as failed.
    /// </summary>
    public GenerationJob? ClipToFollow(Sentence sentence, DateTimeOffset now)
    {
        if (this is not { Kind: JobKind.Image, ThenVideo: true, Status: JobStatus.Succeeded }) return null;
        var clip = Create(ProjectId, SentenceId, JobKind.Video, Priority, now, seed: Seed, batchId: BatchId);
        if (sentence.AudioStatus == AssetStatus.Failed) clip.FailForNarration(sentence.LastError, now);
        return clip;
    }

    /// <summary>The readable reason of a clip that was not made because its narration failed.</summary>
    public const string NarrationFailedHeadline = "The clip waits for its narration, which failed";

    /// <summary>
    /// A queued clip whose scene's narration failed with <paramref name="narrationError"/>: it
    /// fails without running, since a clip lasts as long as its narration. False (nothing
    /// changed) for any other job.
    /// </summary>
    public bool FailForNarration(string? narrationError, DateTimeOffset now)
    {
        if (this is not { Kind: JobKind.Video, Status: JobStatus.Queued }) return false;
        MoveTo(JobStatus.Failed);
        var error = narrationError is null
            ? FailureText.Compose(NarrationFailedHeadline + ".", null)
            : FailureText.Compose($"{NarrationFailedHeadline}: {FailureText.Headline(narrationError)}", FailureText.Detail(narrationError));
        Finish(now, error);
        return true;
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
        _state = WithoutClaim() with { Error = error, FinishedAt = now };
        RaiseChanged();
    }

    private JobState WithoutClaim() => _state with { ClaimToken = null, LeaseUntil = null };

    private void MoveTo(JobStatus next)
    {
        if (!JobTransitions.IsAllowed(Status, next))
            throw new DomainException($"Job {Id} cannot move from {Status} to {next}.");
        _state = _state with { Status = next };
    }

    private void RequireClaim(Guid token)
    {
        if (Status != JobStatus.Running || ClaimToken != token)
            throw new DomainException($"Job {Id} is not held by claim {token}.");
    }

    private void RaiseChanged() => Raise(new JobChanged(ProjectId, Id, SentenceId, Kind, Status, Attempt, Error));
}
