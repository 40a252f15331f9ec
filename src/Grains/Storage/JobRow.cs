using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>A row of <c>jobs</c>, column for column.</summary>
internal sealed class JobRow
{
    public const string Columns =
        "id, project_id, sentence_id, kind, lane, status, priority, fair_seq, batch_id, attempt, max_attempts, error, " +
        "then_video, skip_video, seed, progress, step, device, silo, claim_token, lease_until, cancel_requested, " +
        "not_before, output, created_at, started_at, finished_at, variation";

    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid? SentenceId { get; set; }
    public int Kind { get; set; }
    public int Lane { get; set; }
    public int Status { get; set; }
    public int Priority { get; set; }
    public long FairSeq { get; set; }
    public Guid? BatchId { get; set; }
    public int Attempt { get; set; }
    public int MaxAttempts { get; set; }
    public string? Error { get; set; }
    public bool ThenVideo { get; set; }
    public bool SkipVideo { get; set; }
    public bool Variation { get; set; }
    public long? Seed { get; set; }
    public double Progress { get; set; }
    public string? Step { get; set; }
    public string? Device { get; set; }
    public string? Silo { get; set; }
    public Guid? ClaimToken { get; set; }
    public long? LeaseUntil { get; set; }
    public bool CancelRequested { get; set; }
    public long NotBefore { get; set; }
    public string? Output { get; set; }
    public long CreatedAt { get; set; }
    public long? StartedAt { get; set; }
    public long? FinishedAt { get; set; }

    /// <summary>A running job's <see cref="Jobs.LaneStage"/>; not in <see cref="Columns"/>, read only where a query names it.</summary>
    public int LaneStage { get; set; }

    public JobState ToState() => new()
    {
        Id = Id, ProjectId = ProjectId, SentenceId = SentenceId, Kind = (JobKind)Kind, Status = (JobStatus)Status,
        Priority = (JobPriority)Priority, BatchId = BatchId, Attempt = Attempt, MaxAttempts = MaxAttempts, Error = Error,
        ThenVideo = ThenVideo, SkipVideo = SkipVideo, Variation = Variation, Seed = Seed, Output = Output, Progress = Progress, Step = Step,
        Device = Device, Silo = Silo, ClaimToken = ClaimToken, LeaseUntil = UnixTime.FromMs(LeaseUntil),
        CancelRequested = CancelRequested, CreatedAt = UnixTime.FromMs(CreatedAt),
        StartedAt = UnixTime.FromMs(StartedAt), FinishedAt = UnixTime.FromMs(FinishedAt),
    };

    public static JobRow From(JobState s, long notBefore = 0) => new()
    {
        Id = s.Id, ProjectId = s.ProjectId, SentenceId = s.SentenceId, Kind = (int)s.Kind,
        Lane = (int)JobTransitions.LaneOf(s.Kind), Status = (int)s.Status, Priority = (int)s.Priority, BatchId = s.BatchId,
        Attempt = s.Attempt, MaxAttempts = s.MaxAttempts, Error = s.Error, ThenVideo = s.ThenVideo, SkipVideo = s.SkipVideo, Variation = s.Variation,
        Seed = s.Seed, Output = s.Output, Progress = s.Progress, Step = s.Step, Device = s.Device, Silo = s.Silo,
        ClaimToken = s.ClaimToken, LeaseUntil = UnixTime.ToMs(s.LeaseUntil), CancelRequested = s.CancelRequested,
        NotBefore = notBefore, CreatedAt = UnixTime.ToMs(s.CreatedAt), StartedAt = UnixTime.ToMs(s.StartedAt),
        FinishedAt = UnixTime.ToMs(s.FinishedAt),
    };
}
