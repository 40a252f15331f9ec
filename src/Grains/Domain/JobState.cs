namespace VideoGen.Grains.Domain;

/// <summary>The stored form of a <see cref="GenerationJob"/>.</summary>
public sealed record JobState
{
    public required Guid Id { get; init; }
    public required Guid ProjectId { get; init; }
    public Guid? SentenceId { get; init; }
    public required JobKind Kind { get; init; }
    public JobStatus Status { get; init; }
    public JobPriority Priority { get; init; }
    public Guid? BatchId { get; init; }
    public int Attempt { get; init; } = 1;
    public int MaxAttempts { get; init; } = GenerationJob.DefaultMaxAttempts;
    public string? Error { get; init; }
    public bool ThenVideo { get; init; }
    public bool SkipVideo { get; init; }
    public bool Variation { get; init; }
    public long? Seed { get; init; }
    public string? Output { get; init; }
    public double Progress { get; init; }
    public string? Step { get; init; }
    public string? Device { get; init; }
    public string? Silo { get; init; }
    public Guid? ClaimToken { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public bool CancelRequested { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}
