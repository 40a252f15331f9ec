namespace VideoGen.Grains.Jobs;

/// <summary>
/// How the queue paces itself. A silo renews the leases of its running jobs and devices
/// every <see cref="Heartbeat"/>; a lease that was not renewed for <see cref="Lease"/> is
/// rescued by any silo within <see cref="RescueInterval"/>, so a dead silo's work is
/// claimable again within Lease + RescueInterval (12 s by default, promised ≤ 20 s).
/// </summary>
public sealed record QueueTimings
{
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan RescueInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often a silo looks in the store for cancel requests of its running jobs: the fallback
    /// when the call to the job's device grain was lost (that call is immediate).
    /// </summary>
    public TimeSpan CancelPoll { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The slow poll an idle lane falls back to when no device grain call wakes it (a lost call,
    /// or a retry whose backoff has passed).
    /// </summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>At most this often a running job writes progress (≤ 10 events per second).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The first retry delay after a transient failure; doubled per attempt, with jitter.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a silo asks its devices' backends whether they answer (ComfyUI's <c>/system_stats</c>,
    /// ffmpeg for the CPU lanes); a device that does not claims no work until it does.
    /// </summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(10);
}
